package com.example.movies.web;

import java.time.Duration;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * The one CORS policy, the original's django-cors-headers settings: Spring Security
 * applies it to every request, preflights included. Deployed, the gateway has no CORS
 * policy of its own and routes preflights here.
 */
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
            cors.setExposedHeaders(List.of("X-Total-Count", "WWW-Authenticate"));
            cors.setMaxAge(Duration.ofDays(1));
            source.registerCorsConfiguration("/**", cors);
        }
        return source;
    }

}
