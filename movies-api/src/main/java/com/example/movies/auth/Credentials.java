package com.example.movies.auth;

import io.swagger.v3.oas.annotations.media.Schema;

import com.example.movies.problem.FieldErrors;
import com.example.movies.web.request.RequestData;
import com.example.movies.web.request.RequestData.CharRules;

/** The body of {@code /api/token}: username and password. */
@Schema(name = "Credentials")
record Credentials(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String username,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "password") String password) {

    static final CharRules USERNAME = CharRules.required(Integer.MAX_VALUE);

    /** Passwords are taken as typed, surrounding spaces included. */
    static final CharRules PASSWORD = CharRules.required(Integer.MAX_VALUE).untrimmed();

    static Credentials read(RequestData data) {
        FieldErrors errors = new FieldErrors();
        String username = data.text("username", USERNAME, errors);
        String password = data.text("password", PASSWORD, errors);
        errors.throwIfAny();
        return new Credentials(username, password);
    }

}
