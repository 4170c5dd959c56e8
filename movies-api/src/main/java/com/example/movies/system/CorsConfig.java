package com.example.movies.system;

import java.time.Duration;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/** The original's django-cors-headers settings; Spring Security applies this source to every request. */
@Configuration(proxyBeanMethods = false)
class CorsConfig {

	@Bean
	CorsConfigurationSource corsConfigurationSource(CorsProperties properties) {
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		if (!properties.allowedOrigins().isEmpty()) {
			CorsConfiguration cors = new CorsConfiguration();
			cors.setAllowedOriginPatterns(properties.allowedOrigins());
			cors.setAllowedMethods(List.of("DELETE", "GET", "OPTIONS", "PATCH", "POST", "PUT"));
			cors.setAllowedHeaders(List.of("accept", "accept-encoding", "authorization", "content-type", "dnt",
					"origin", "user-agent", "x-csrftoken", "x-requested-with", "x-api-key"));
			cors.setExposedHeaders(List.of("X-Total-Count"));
			cors.setMaxAge(Duration.ofDays(1));
			source.registerCorsConfiguration("/**", cors);
		}
		return source;
	}

}
