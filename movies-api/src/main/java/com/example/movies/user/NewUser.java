package com.example.movies.user;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

import com.example.movies.problem.FieldErrors;
import com.example.movies.web.request.RequestData;

/**
 * An account staff create. Without a password the user gets a mail with a link to set
 * one, and cannot sign in before.
 */
@Schema(name = "NewUser")
public record NewUser(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 150) String username,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 254, format = "email") String email,
        @JsonProperty("first_name") @Schema(maxLength = 150) String firstName,
        @JsonProperty("last_name") @Schema(maxLength = 150) String lastName,
        @JsonProperty("is_staff") @Schema(defaultValue = "false") boolean staff,
        @Schema(maxLength = 128, format = "password", nullable = true) String password) {

    public static NewUser read(RequestData data) {
        FieldErrors errors = new FieldErrors();
        String username = AccountFields.username(data, AccountFields.USERNAME, errors);
        String email = AccountFields.email(data, AccountFields.EMAIL, errors);
        String firstName = data.text("first_name", AccountFields.NAME, errors);
        String lastName = data.text("last_name", AccountFields.NAME, errors);
        Boolean staff = data.bool("is_staff", errors);
        String password = data.text("password", AccountFields.NEW_PASSWORD.optional().nullable(), errors);
        errors.throwIfAny();
        return new NewUser(username, email, (firstName != null) ? firstName : "", (lastName != null) ? lastName : "",
                Boolean.TRUE.equals(staff), (password == null || password.isEmpty()) ? null : password);
    }

}
