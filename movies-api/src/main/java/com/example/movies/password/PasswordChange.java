package com.example.movies.password;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

import com.example.movies.problem.FieldErrors;
import com.example.movies.web.request.RequestData;
import com.example.movies.user.AccountFields;

/** A new password, typed twice (dj-rest-auth's password change). */
@Schema(name = "PasswordChange")
public record PasswordChange(
        @JsonProperty("new_password1") @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 128,
                format = "password") String newPassword1,
        @JsonProperty("new_password2") @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 128,
                format = "password") String newPassword2) {

    public static PasswordChange read(RequestData data) {
        FieldErrors errors = new FieldErrors();
        String password1 = data.text("new_password1", AccountFields.NEW_PASSWORD, errors);
        String password2 = data.text("new_password2", AccountFields.NEW_PASSWORD, errors);
        errors.throwIfAny();
        return new PasswordChange(password1, password2);
    }

}
