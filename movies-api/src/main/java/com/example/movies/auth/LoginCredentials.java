package com.example.movies.auth;

import io.swagger.v3.oas.annotations.media.Schema;

import com.example.movies.web.error.ApiException;
import com.example.movies.problem.FieldErrors;
import com.example.movies.web.request.RequestData;

/**
 * The login's body: a username or an e-mail address (which wins when both are given), and
 * the password.
 */
@Schema(name = "LoginCredentials")
record LoginCredentials(String username, @Schema(format = "email") String email,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "password") String password) {

    boolean byEmail() {
        return this.email != null && !this.email.isEmpty();
    }

    static LoginCredentials read(RequestData data) {
        FieldErrors errors = new FieldErrors();
        String username = data.text("username", Credentials.USERNAME.optional().blankAllowed(), errors);
        String email = data.text("email", Credentials.USERNAME.optional().blankAllowed(), errors);
        String password = data.text("password", Credentials.PASSWORD, errors);
        errors.throwIfAny();
        LoginCredentials credentials = new LoginCredentials(username, email, password);
        if (!credentials.byEmail() && (username == null || username.isEmpty())) {
            throw ApiException.invalid("non_field_errors", "Must include \"username\" and \"password\".");
        }
        return credentials;
    }

}
