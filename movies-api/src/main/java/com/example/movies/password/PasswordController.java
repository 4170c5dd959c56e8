package com.example.movies.password;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.example.movies.web.Detail;
import com.example.movies.web.request.DrfBody;

/** The password reset by mail, as dj-rest-auth has it. */
@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "users")
class PasswordController {

    private final PasswordService passwords;

    PasswordController(PasswordService passwords) {
        this.passwords = passwords;
    }

    @PostMapping("/api/v1/users/auth/password/reset")
    @Operation(summary = "Mail a password reset link (same answer whether or not the address is known)")
    Detail resetPassword(@DrfBody PasswordResetRequest body) {
        this.passwords.requestPasswordReset(body);
        return new Detail("Password reset e-mail has been sent.");
    }

    @PostMapping("/api/v1/users/auth/password/reset/confirm")
    @Operation(summary = "Set a new password with the uid and token of a reset mail")
    Detail confirmPasswordReset(@DrfBody PasswordResetConfirmation body) {
        this.passwords.confirmPasswordReset(body);
        return new Detail("Password has been reset with the new password.");
    }

}
