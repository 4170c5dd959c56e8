package com.example.movies.user;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The staff account created on first start ({@code MOVIES_ADMIN_USERNAME},
 * {@code _EMAIL}, {@code _PASSWORD}).
 */
@ConfigurationProperties("movies.admin")
@Validated
public record AdminProperties(@NotBlank(message = "must be set: MOVIES_ADMIN_USERNAME") String username, String email,
        @NotBlank(message = "must be set: MOVIES_ADMIN_PASSWORD") String password) {

    public AdminProperties {
        email = (email != null) ? email : "";
    }

}
