package com.example.movies.auth;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * HS256 signing key and token lifetimes ({@code MOVIES_JWT_SECRET},
 * {@code MOVIES_JWT_ACCESS_TTL}, {@code MOVIES_JWT_REFRESH_TTL}). There is no built-in
 * key outside the local profile.
 */
@ConfigurationProperties("movies.jwt")
@Validated
public record JwtProperties(
        @NotBlank(message = "must be set: MOVIES_JWT_SECRET") @Size(min = 32,
                message = "must be at least 32 characters (256 bits for HS256): MOVIES_JWT_SECRET") String secret,
        @NotNull(message = "must be set: MOVIES_JWT_ACCESS_TTL") Duration accessTtl,
        @NotNull(message = "must be set: MOVIES_JWT_REFRESH_TTL") Duration refreshTtl) {
}
