package com.example.movies.signup;

import io.swagger.v3.oas.annotations.media.Schema;

import com.example.movies.problem.FieldErrors;
import com.example.movies.web.request.RequestData;
import com.example.movies.web.request.RequestData.CharRules;

/** The key of a sign-up's verification mail. */
@Schema(name = "EmailVerification")
public record EmailVerification(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 200) String key) {

    static EmailVerification read(RequestData data) {
        FieldErrors errors = new FieldErrors();
        String key = data.text("key", CharRules.required(200), errors);
        errors.throwIfAny();
        return new EmailVerification(key);
    }

}
