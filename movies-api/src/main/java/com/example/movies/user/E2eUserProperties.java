package com.example.movies.user;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * A staff account for the deployed e2e suite ({@code MOVIES_E2E_USER_USERNAME},
 * {@code _PASSWORD}; the infra sets them from a generated secret only the pipeline
 * reads), so that the suite never signs in as the admin, whose password the admin
 * changes. None when no username is set.
 */
@ConfigurationProperties("movies.e2e-user")
public record E2eUserProperties(String username, String password) {

    boolean configured() {
        return this.username != null && !this.username.isBlank();
    }

}
