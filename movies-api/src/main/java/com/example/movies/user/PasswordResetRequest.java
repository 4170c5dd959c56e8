package com.example.movies.user;

import io.swagger.v3.oas.annotations.media.Schema;

import com.example.movies.web.error.FieldErrors;
import com.example.movies.web.request.RequestData;

/** The address to mail a link to: a password reset, or a sign-up's verification again. */
@Schema(name = "PasswordResetRequest")
public record PasswordResetRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 254, format = "email") String email) {

    static PasswordResetRequest read(RequestData data) {
        FieldErrors errors = new FieldErrors();
        String email = AccountFields.email(data, AccountFields.EMAIL, errors);
        errors.throwIfAny();
        return new PasswordResetRequest(email);
    }

}
