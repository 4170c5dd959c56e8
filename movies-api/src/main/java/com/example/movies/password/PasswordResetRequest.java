package com.example.movies.password;

import io.swagger.v3.oas.annotations.media.Schema;

import com.example.movies.problem.FieldErrors;
import com.example.movies.web.request.RequestData;
import com.example.movies.user.AccountFields;

/** The address to mail a link to: a password reset, or a sign-up's verification again. */
@Schema(name = "PasswordResetRequest")
public record PasswordResetRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 254, format = "email") String email) {

    public static PasswordResetRequest read(RequestData data) {
        FieldErrors errors = new FieldErrors();
        String email = AccountFields.email(data, AccountFields.EMAIL, errors);
        errors.throwIfAny();
        return new PasswordResetRequest(email);
    }

}
