package com.example.movies.signup;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.example.movies.user.AccountFields;
import com.example.movies.user.NewUser;

/** dj-rest-auth's registration: a username, an address, the password typed twice. */
@Schema(name = "Registration")
public record Registration(
        @NotBlank @Size(max = 150) @Pattern(regexp = AccountFields.USERNAME,
                message = AccountFields.INVALID_USERNAME) String username,
        @NotBlank @Size(max = 254) @Email String email,
        @NotBlank @Size(max = 128) @Schema(format = "password") String password1,
        @NotBlank @Size(max = 128) @Schema(format = "password") String password2) {

    NewUser account() {
        return new NewUser(this.username, this.email, "", "", false, this.password1);
    }

}
