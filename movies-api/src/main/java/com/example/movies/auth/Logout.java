package com.example.movies.auth;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;

import com.example.movies.web.error.ApiException;

/**
 * dj-rest-auth's logout body: a missing token is a 401 of its own, and any other unusable
 * value (blank, not a string) is an invalid token, never a field error; so the value is
 * read raw.
 */
@Schema(name = "Logout")
record Logout(@NotNull @Schema(implementation = String.class) JsonNode refresh) {

    Logout {
        if (refresh == null) {
            throw ApiException.detail(HttpStatus.UNAUTHORIZED, "Refresh token was not included in request data.");
        }
    }

    /**
     * @return the token's text, or {@code ""} when it is not text
     */
    String token() {
        return (this.refresh.isString() || this.refresh.isNumber()) ? this.refresh.asString().strip() : "";
    }

}
