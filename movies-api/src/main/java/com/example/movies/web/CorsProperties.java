package com.example.movies.web;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The origins whose pages may call the API ({@code MOVIES_CORS_ALLOWED_ORIGINS},
 * comma-separated origin patterns): locally every origin; deployed, the frontend's URL
 * (the infra sets it), and none when unset.
 */
@ConfigurationProperties("movies.cors")
public record CorsProperties(List<String> allowedOrigins) {

    public CorsProperties {
        allowedOrigins = (allowedOrigins != null) ? List.copyOf(allowedOrigins) : List.of();
    }

}
