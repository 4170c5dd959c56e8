package com.example.movies.user;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An account staff create. Without a password the user gets a mail with a link to set
 * one, and cannot sign in before.
 */
@Schema(name = "NewUser")
public record NewUser(
        @NotBlank @Size(max = 150) @Pattern(regexp = AccountFields.USERNAME,
                message = AccountFields.INVALID_USERNAME) String username,
        @NotBlank @Size(max = 254) @Email String email, @JsonProperty("first_name") @Size(max = 150) String firstName,
        @JsonProperty("last_name") @Size(max = 150) String lastName,
        @JsonProperty("is_staff") @Schema(defaultValue = "false") boolean staff,
        @Size(max = 128) @Schema(format = "password", nullable = true) String password) {

    /** Omitted names are empty, and an empty password is none. */
    public NewUser {
        firstName = (firstName != null) ? firstName : "";
        lastName = (lastName != null) ? lastName : "";
        password = (password == null || password.isEmpty()) ? null : password;
    }

}
