package com.example.movies.password;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A new password, typed twice (dj-rest-auth's password change). */
@Schema(name = "PasswordChange")
public record PasswordChange(
        @JsonProperty("new_password1") @NotBlank @Size(max = 128) @Schema(format = "password") String newPassword1,
        @JsonProperty("new_password2") @NotBlank @Size(max = 128) @Schema(format = "password") String newPassword2) {

}
