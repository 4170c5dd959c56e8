package com.example.movies.password;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The address to mail a link to: a password reset, or a sign-up's verification again. */
@Schema(name = "PasswordResetRequest")
public record PasswordResetRequest(@NotBlank @Size(max = 254) @Email String email) {

}
