package com.example.movies.e2e.people;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.example.movies.e2e.stack.MailInbox;
import com.example.movies.e2e.stack.Stack;
import com.example.movies.e2e.support.Api;
import com.example.movies.e2e.support.EndToEnd;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Self-service sign-up as a newcomer goes through it: sign up, read the mail, activate,
 * sign in, change the password (which ends the other sessions). The local stacks turn
 * sign-up on and run an inbox; a deployed system has sign-up off unless its deployment
 * turned it on, and sends real mail through SES, which this suite cannot read.
 */
@EndToEnd
class SignUpIT {

    private static final String REGISTRATION = "/api/v1/users/auth/registration";

    private static final Pattern KEY = Pattern.compile("the key (\\S+) to");

    private final Stack stack;

    private final Api api;

    private Integer created;

    SignUpIT(Stack stack) {
        this.stack = stack;
        this.api = new Api(stack);
    }

    @AfterEach
    void deleteTheAccount() {
        if (created != null) {
            api.asAdmin().delete("/api/v1/users/{pk}", created).then().statusCode(204);
        }
    }

    @Test
    void aNewcomerSignsUpActivatesFromTheMailSignsInAndChangesThePassword() {
        int signUp = api.anonymous().contentType(ContentType.JSON).body(Map.of()).post(REGISTRATION).statusCode();
        if (signUp == 404) {
            // Off here: then neither the API's document nor the gateway offers it.
            api.anonymous()
                .get("/api/v1/api_schema")
                .then()
                .statusCode(200)
                .body("paths", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey(REGISTRATION)));
        }
        assumeTrue(signUp == 400, () -> loudly("sign-up is off on the " + stack.name()
                + " stack (deploy with -c signUp=true to test it there); the API tests and the local stacks cover it"));
        Optional<MailInbox> inbox = stack.inbox();
        assumeTrue(inbox.isPresent(), () -> loudly("the " + stack.name()
                + " stack sends mail through SES to real addresses, which this suite cannot read; the local stacks "
                + "read the same mails from their SMTP inbox, and the infra's PeopleTest proves the SES wiring"));

        String username = "signup-e2e-" + UUID.randomUUID().toString().substring(0, 8);
        String email = username + "@example.com";
        String password = "E2e-Sign-" + UUID.randomUUID();
        api.anonymous()
            .contentType(ContentType.JSON)
            .body(Map.of("username", username, "email", email, "password1", password, "password2", password))
            .post(REGISTRATION)
            .then()
            .statusCode(201)
            .body("detail", equalTo("Verification e-mail sent."));
        Stack.Credentials credentials = new Stack.Credentials(username, password);
        api.anonymous()
            .contentType(ContentType.JSON)
            .body(Map.of("username", username, "password", password))
            .post("/api/token")
            .then()
            .statusCode(401); // inactive until the address is verified

        String key = inbox.get().awaitMatch(email, KEY, Duration.ofSeconds(30));
        api.anonymous()
            .contentType(ContentType.JSON)
            .body(Map.of("key", key))
            .post(REGISTRATION + "/verify-email")
            .then()
            .statusCode(200);
        JsonPath session = api.tokens(credentials);
        JsonPath other = api.tokens(credentials);
        created = api.bearer(session.getString("access")).get("/api/v1/users/auth/user").then().extract().path("pk");

        String newPassword = password + "-new";
        JsonPath changed = api.bearer(session.getString("access"))
            .contentType(ContentType.JSON)
            .body(Map.of("new_password1", newPassword, "new_password2", newPassword))
            .post("/api/v1/users/auth/password/change")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
        api.bearer(other.getString("access")).get("/api/v1/users/auth/user").then().statusCode(401);
        api.anonymous()
            .contentType(ContentType.JSON)
            .body(Map.of("refresh", other.getString("refresh")))
            .post("/api/token/refresh")
            .then()
            .statusCode(401);
        api.bearer(changed.getString("access")).get("/api/v1/users/auth/user").then().statusCode(200);
        api.tokens(new Stack.Credentials(username, newPassword));
    }

    private static String loudly(String reason) {
        String message = "NOT TESTED HERE: " + reason;
        System.err.println("*** " + message);
        return message;
    }

}
