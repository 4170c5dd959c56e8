package com.example.movies.user;

import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.media.Schema;

import com.example.movies.web.error.FieldErrors;
import com.example.movies.web.request.RequestData;
import com.example.movies.web.request.RequestData.CharRules;

/** The address to mail a password-reset link to. */
@Schema(name = "PasswordResetRequest")
public record PasswordResetRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 254, format = "email") String email) {

    private static final CharRules EMAIL = CharRules.required(254);

    /**
     * Django's EmailValidator, simplified: a local part, an @, and a dotted domain (or
     * localhost).
     */
    private static final Pattern VALID_EMAIL = Pattern.compile("[^@\\s]+@([^@\\s.]+\\.)+[^@\\s.]+|[^@\\s]+@localhost");

    static PasswordResetRequest read(RequestData data) {
        FieldErrors errors = new FieldErrors();
        String email = data.text("email", EMAIL, errors);
        if (email != null && !VALID_EMAIL.matcher(email).matches()) {
            errors.add("email", "Enter a valid email address.");
        }
        errors.throwIfAny();
        return new PasswordResetRequest(email);
    }

}
