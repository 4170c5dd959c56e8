package com.example.movies.signup;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The key of a sign-up's verification mail. */
@Schema(name = "EmailVerification")
public record EmailVerification(@NotBlank @Size(max = 200) String key) {

}
