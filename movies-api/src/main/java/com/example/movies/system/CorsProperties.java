package com.example.movies.system;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * CORS for browsers calling the API directly ({@code MOVIES_CORS_ALLOWED_ORIGINS}, comma-separated origin
 * patterns). Locally every origin; deployed, the gateway answers CORS and this stays empty.
 */
@ConfigurationProperties("movies.cors")
public record CorsProperties(List<String> allowedOrigins) {

	public CorsProperties {
		allowedOrigins = (allowedOrigins != null) ? List.copyOf(allowedOrigins) : List.of();
	}

}
