package com.example.movies.auth;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;

import com.example.movies.web.Untrimmed;

/** The body of {@code /api/token}: username and password (taken as typed). */
@Schema(name = "Credentials")
record Credentials(@NotBlank String username, @NotBlank @Untrimmed @Schema(format = "password") String password) {

}
