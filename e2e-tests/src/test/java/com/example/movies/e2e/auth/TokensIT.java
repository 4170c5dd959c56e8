package com.example.movies.e2e.auth;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.movies.e2e.stack.Stack;
import com.example.movies.e2e.support.Api;
import com.example.movies.e2e.support.EndToEnd;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code /api/token} and {@code /api/token/refresh}: how every client gets in. */
@EndToEnd
class TokensIT {

    private final Stack stack;

    private final Api api;

    TokensIT(Stack stack) {
        this.stack = stack;
        this.api = new Api(stack);
    }

    @Test
    void credentialsInJsonGiveAnAccessAndARefreshToken() {
        JsonPath tokens = api.tokens(stack.admin());

        JsonPath access = Api.claims(tokens.getString("access"));
        JsonPath refresh = Api.claims(tokens.getString("refresh"));
        assertEquals("access", access.getString("token_type"));
        assertEquals("refresh", refresh.getString("token_type"));
        assertEquals(access.getString("user_id"), refresh.getString("user_id"));
    }

    @Test
    void credentialsInAFormGiveTokensToo() {
        api.anonymous()
            .contentType(ContentType.URLENC)
            .formParam("username", stack.admin().username())
            .formParam("password", stack.admin().password())
            .post("/api/token")
            .then()
            .statusCode(200)
            .body("access", not(emptyOrNullString()), "refresh", not(emptyOrNullString()));
    }

    @Test
    void aWrongPasswordIs401WithoutTokens() {
        api.anonymous()
            .contentType(ContentType.JSON)
            .body(Map.of("username", stack.admin().username(), "password", "not-" + stack.admin().password()))
            .post("/api/token")
            .then()
            .statusCode(401)
            .body("detail", equalTo("No active account found with the given credentials"))
            .body("access", equalTo(null));
    }

    @Test
    void aRefreshTokenGivesAWorkingAccessToken() {
        String refresh = api.tokens(stack.admin()).getString("refresh");

        String access = api.anonymous()
            .contentType(ContentType.JSON)
            .body(Map.of("refresh", refresh))
            .post("/api/token/refresh")
            .then()
            .statusCode(200)
            .extract()
            .path("access");

        assertEquals("access", Api.claims(access).getString("token_type"));
        api.bearer(access)
            .get("/api/v1/users/auth/user")
            .then()
            .statusCode(200)
            .body("username", equalTo(stack.admin().username()));
    }

    @Test
    void anAccessTokenIsRefusedWhereARefreshTokenIsExpected() {
        String access = api.tokens(stack.admin()).getString("access");

        api.anonymous()
            .contentType(ContentType.JSON)
            .body(Map.of("refresh", access))
            .post("/api/token/refresh")
            .then()
            .statusCode(401)
            .body("code", equalTo("token_not_valid"));
    }

    @Test
    void aRefreshTokenIsRefusedAsABearerToken() {
        String refresh = api.tokens(stack.admin()).getString("refresh");

        api.bearer(refresh)
            .get("/api/v1/users/auth/user")
            .then()
            .statusCode(401)
            .header("WWW-Authenticate", containsString("Bearer"))
            .body("code", equalTo("token_not_valid"))
            .body("detail", equalTo("Given token not valid for any token type"));
    }

    @Test
    void aTokenWithAForgedSignatureIsRefusedEvenOnAPublicRead() {
        String access = api.tokens(stack.admin()).getString("access");
        String forged = access.substring(0, access.lastIndexOf('.') + 1)
                + new StringBuilder(access.substring(access.lastIndexOf('.') + 1)).reverse();

        api.bearer(forged)
            .get("/api/v1/movie")
            .then()
            .statusCode(401)
            .header("WWW-Authenticate", containsString("Bearer"))
            .body("code", equalTo("token_not_valid"));
    }

}
