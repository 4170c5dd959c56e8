package com.example.movies.password;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The HMAC key of password-reset links ({@code MOVIES_PASSWORD_RESET_SECRET}), a key of
 * its own: no other secret signs them, and rotating it voids every link in flight and
 * nothing else. No built-in key outside the local profile.
 */
@ConfigurationProperties("movies.password-reset")
@Validated
public record PasswordResetProperties(@NotBlank(message = "must be set: MOVIES_PASSWORD_RESET_SECRET") @Size(min = 32,
        message = "must be at least 32 characters (256 bits for HMAC-SHA256): MOVIES_PASSWORD_RESET_SECRET") String secret) {
}
