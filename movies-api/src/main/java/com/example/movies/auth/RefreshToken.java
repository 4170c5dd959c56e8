package com.example.movies.auth;

import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.http.HttpStatus;

import com.example.movies.web.error.ApiException;
import com.example.movies.problem.FieldErrors;
import com.example.movies.web.request.RequestData;
import com.example.movies.web.request.RequestData.CharRules;

/** A body with a refresh token: token refresh and logout. */
@Schema(name = "RefreshToken")
record RefreshToken(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String refresh) {

    private static final CharRules TOKEN = CharRules.required(Integer.MAX_VALUE);

    /** simplejwt's reading: a missing or blank token is a field error. */
    static RefreshToken read(RequestData data) {
        FieldErrors errors = new FieldErrors();
        String token = data.text("refresh", TOKEN, errors);
        errors.throwIfAny();
        return new RefreshToken(token);
    }

    /**
     * dj-rest-auth's logout: a missing token is a 401 of its own, and any other unusable
     * value (blank, not a string) is an invalid token, never a field error.
     * @return the token text
     */
    static String readForLogout(RequestData data) {
        if (!data.has("refresh")) {
            throw ApiException.detail(HttpStatus.UNAUTHORIZED, "Refresh token was not included in request data.");
        }
        String token = data.text("refresh", TOKEN, new FieldErrors());
        return (token != null) ? token : "";
    }

}
