package com.example.movies.auth;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;

/** A body with a refresh token (token refresh). */
@Schema(name = "RefreshToken")
record RefreshToken(@NotBlank String refresh) {

}
