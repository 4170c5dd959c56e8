package com.example.movies.signup;

import io.swagger.v3.oas.annotations.media.Schema;

import com.example.movies.problem.FieldErrors;
import com.example.movies.web.request.RequestData;
import com.example.movies.user.AccountFields;
import com.example.movies.user.NewUser;

/** dj-rest-auth's registration: a username, an address, the password typed twice. */
@Schema(name = "Registration")
public record Registration(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 150) String username,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 254, format = "email") String email,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 128, format = "password") String password1,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 128, format = "password") String password2) {

    static Registration read(RequestData data) {
        FieldErrors errors = new FieldErrors();
        String username = AccountFields.username(data, AccountFields.USERNAME, errors);
        String email = AccountFields.email(data, AccountFields.EMAIL, errors);
        String password1 = data.text("password1", AccountFields.NEW_PASSWORD, errors);
        String password2 = data.text("password2", AccountFields.NEW_PASSWORD, errors);
        errors.throwIfAny();
        return new Registration(username, email, password1, password2);
    }

    NewUser account() {
        return new NewUser(this.username, this.email, "", "", false, this.password1);
    }

}
