package com.example.movies.auth;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;

import com.example.movies.web.error.ApiException;
import com.example.movies.web.Untrimmed;

/**
 * The login's body: a username or an e-mail address (which wins when both are given), and
 * the password (taken as typed).
 */
@Schema(name = "LoginCredentials")
record LoginCredentials(String username, @Schema(format = "email") String email,
        @NotBlank @Untrimmed @Schema(format = "password") String password) {

    LoginCredentials {
        if (!given(email) && !given(username)) {
            throw ApiException.invalid("non_field_errors", "Must include \"username\" and \"password\".");
        }
    }

    boolean byEmail() {
        return given(this.email);
    }

    private static boolean given(String text) {
        return text != null && !text.isEmpty();
    }

}
