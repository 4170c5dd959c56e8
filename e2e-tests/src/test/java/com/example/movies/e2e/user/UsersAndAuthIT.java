package com.example.movies.e2e.user;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.example.movies.e2e.stack.Stack;
import com.example.movies.e2e.stack.Stack.Credentials;
import com.example.movies.e2e.support.Api;
import com.example.movies.e2e.support.EndToEnd;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The users endpoints and the auth endpoints a browser uses: login, the current user,
 * logout, password change and reset. The API offers no way to create a user, so they all
 * act on the stack's admin and undo what they change; a password change really happens
 * only on a disposable stack.
 */
@EndToEnd
class UsersAndAuthIT {

    private final Stack stack;

    private final Api api;

    UsersAndAuthIT(Stack stack) {
        this.stack = stack;
        this.api = new Api(stack);
    }

    @Test
    void loginGivesTokensAndTheUser() {
        api.anonymous()
            .contentType(ContentType.JSON)
            .body(credentialsBody(stack.admin()))
            .post("/api/v1/users/auth/login")
            .then()
            .statusCode(200)
            .body("access", not(emptyOrNullString()), "refresh", not(emptyOrNullString()))
            .body("user.username", equalTo(stack.admin().username()), "user.pk", notNullValue());
    }

    @Test
    void theCurrentUserIsReadAndPatchedAndRestored() {
        JsonPath before = api.asAdmin()
            .get("/api/v1/users/auth/user")
            .then()
            .statusCode(200)
            .body("username", equalTo(stack.admin().username()))
            .body("$", hasKey("pk"), "$", hasKey("email"), "$", hasKey("first_name"), "$", hasKey("last_name"))
            .extract()
            .jsonPath();
        String firstName = before.getString("first_name");
        try {
            api.asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("first_name", "E2e", "pk", -1))
                .patch("/api/v1/users/auth/user")
                .then()
                .statusCode(200)
                .body("first_name", equalTo("E2e"), "pk", equalTo(before.getInt("pk")));
            api.asAdmin().get("/api/v1/users/auth/user").then().statusCode(200).body("first_name", equalTo("E2e"));
        }
        finally {
            api.asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("first_name", firstName == null ? "" : firstName))
                .patch("/api/v1/users/auth/user")
                .then()
                .statusCode(200);
        }
    }

    @Test
    void theCurrentUserNeedsAToken() {
        api.anonymous()
            .get("/api/v1/users/auth/user")
            .then()
            .statusCode(401)
            .body("detail", equalTo("Authentication credentials were not provided."));
    }

    @Test
    void logoutRevokesTheRefreshToken() {
        JsonPath tokens = api.tokens(stack.admin());
        String refresh = tokens.getString("refresh");

        api.bearer(tokens.getString("access"))
            .contentType(ContentType.JSON)
            .body(Map.of("refresh", refresh))
            .post("/api/v1/users/auth/logout")
            .then()
            .statusCode(200)
            .body("detail", equalTo("Successfully logged out."));

        api.anonymous()
            .contentType(ContentType.JSON)
            .body(Map.of("refresh", refresh))
            .post("/api/token/refresh")
            .then()
            .statusCode(401)
            .body("code", equalTo("token_not_valid"));
    }

    @Test
    void logoutNeedsAToken() {
        api.anonymous()
            .contentType(ContentType.JSON)
            .body(Map.of("refresh", "x"))
            .post("/api/v1/users/auth/logout")
            .then()
            .statusCode(401);
    }

    @Test
    void theUserListIsForStaffOnly() {
        api.asAdmin()
            .get("/api/v1/users")
            .then()
            .statusCode(200)
            .body("is_staff", hasItem(true))
            .body("$", everyItem(hasKey("date_joined")));
        api.anonymous().get("/api/v1/users").then().statusCode(401);
    }

    @Test
    void aRefusedPasswordChangeSaysWhyAndChangesNothing() {
        api.asAdmin()
            .contentType(ContentType.JSON)
            .body(Map.of("new_password1", "Correct-Horse-42", "new_password2", "Correct-Horse-43"))
            .post("/api/v1/users/auth/password/change")
            .then()
            .statusCode(400)
            .body("$", hasKey("new_password2"));
        api.asAdmin()
            .contentType(ContentType.JSON)
            .body(Map.of("new_password1", "12345678", "new_password2", "12345678"))
            .post("/api/v1/users/auth/password/change")
            .then()
            .statusCode(400);

        api.tokens(stack.admin()); // the old password still works
    }

    @Test
    void aPasswordChangeTakesEffectAndIsUndone() {
        assumeTrue(stack.disposable(), "Skipped on the " + stack.name()
                + " stack: it would change the real admin's password; it runs on the processes and containers stacks");
        Credentials changed = new Credentials(stack.admin().username(), "E2e-Changed-" + stack.admin().password());
        String before = api.tokens(stack.admin()).getString("access");
        try {
            String after = api.bearer(before)
                .contentType(ContentType.JSON)
                .body(Map.of("new_password1", changed.password(), "new_password2", changed.password()))
                .post("/api/v1/users/auth/password/change")
                .then()
                .statusCode(200)
                .body("detail", equalTo("New password has been saved."))
                .extract()
                .path("access");
            api.bearer(before).get("/api/v1/users/auth/user").then().statusCode(401);
            api.bearer(after).get("/api/v1/users/auth/user").then().statusCode(200);

            api.anonymous()
                .contentType(ContentType.JSON)
                .body(credentialsBody(stack.admin()))
                .post("/api/token")
                .then()
                .statusCode(401);
            api.tokens(changed);
        }
        finally {
            // Whatever failed above, if the changed password is in force, put the
            // original back.
            String changedAccess = api.anonymous()
                .contentType(ContentType.JSON)
                .body(credentialsBody(changed))
                .post("/api/token")
                .then()
                .extract()
                .path("access");
            if (changedAccess != null) {
                api.bearer(changedAccess)
                    .contentType(ContentType.JSON)
                    .body(Map.of("new_password1", stack.admin().password(), "new_password2", stack.admin().password()))
                    .post("/api/v1/users/auth/password/change")
                    .then()
                    .statusCode(200);
            }
            // Every admin token issued before is void now: the next test signs in again.
            Api.forgetAdminTokens();
        }
        api.tokens(stack.admin());
    }

    @Test
    void aPasswordResetAnswersTheSameForAnyAddress() {
        api.anonymous()
            .contentType(ContentType.JSON)
            .body(Map.of("email", "nobody-e2e@example.invalid"))
            .post("/api/v1/users/auth/password/reset")
            .then()
            .statusCode(200)
            .body("detail", equalTo("Password reset e-mail has been sent."));
    }

    private static Map<String, String> credentialsBody(Credentials credentials) {
        return Map.of("username", credentials.username(), "password", credentials.password());
    }

}
