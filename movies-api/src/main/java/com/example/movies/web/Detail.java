package com.example.movies.web;

/**
 * A successful {@code {"detail": "..."}} answer (errors are
 * {@link com.example.movies.web.error.ApiException}s).
 */
public record Detail(String detail) {
}
