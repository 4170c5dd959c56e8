package com.example.movies.password;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.swagger.v3.oas.annotations.media.Schema;

import com.example.movies.problem.FieldErrors;
import com.example.movies.web.request.RequestData;
import com.example.movies.web.request.RequestData.CharRules;
import com.example.movies.user.AccountFields;

/** A new password with the {@code uid} and {@code token} of a reset mail. */
@Schema(name = "PasswordResetConfirmation")
@JsonPropertyOrder({ "new_password1", "new_password2", "uid", "token" })
public record PasswordResetConfirmation(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String uid,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String token,
        @JsonProperty("new_password1") @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 128,
                format = "password") String newPassword1,
        @JsonProperty("new_password2") @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 128,
                format = "password") String newPassword2) {

    private static final CharRules KEY = CharRules.required(Integer.MAX_VALUE);

    static PasswordResetConfirmation read(RequestData data) {
        FieldErrors errors = new FieldErrors();
        String password1 = data.text("new_password1", AccountFields.NEW_PASSWORD, errors);
        String password2 = data.text("new_password2", AccountFields.NEW_PASSWORD, errors);
        String uid = data.text("uid", KEY, errors);
        String token = data.text("token", KEY, errors);
        errors.throwIfAny();
        return new PasswordResetConfirmation(uid, token, password1, password2);
    }

}
