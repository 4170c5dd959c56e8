package com.example.movies.system;

/** A {@code {"detail": "..."}} answer. */
public record Detail(String detail) {
}
