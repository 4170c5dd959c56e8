package com.example.movies.e2e.people;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import com.example.movies.e2e.stack.Stack;
import com.example.movies.e2e.support.Api;
import com.example.movies.e2e.support.EndToEnd;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Several people on one system: staff create accounts, a movie belongs to whoever added
 * it (another user may not change it, staff may), and staff deactivate and delete
 * accounts, whose tokens stop at once. Every account and movie made here is deleted
 * again, so it runs against a shared system too.
 */
@EndToEnd
class PeopleAndOwnershipIT {

    private static final String PASSWORD = "E2e-Xk92!mqLz";

    private final Api api;

    private final List<Integer> createdUsers = new ArrayList<>();

    PeopleAndOwnershipIT(Stack stack) {
        this.api = new Api(stack);
    }

    @AfterEach
    void deleteWhatTheTestCreated() {
        api.deleteCreatedMovies();
        createdUsers.forEach((pk) -> api.asAdmin().delete("/api/v1/users/{pk}", pk));
    }

    /** A new account made by staff, signed in: its access token. */
    private String newUser(String username) {
        int pk = api.asAdmin()
            .contentType(ContentType.JSON)
            .body(Map.of("username", username, "email", username + "@example.com", "password", PASSWORD))
            .post("/api/v1/users")
            .then()
            .statusCode(201)
            .body("username", equalTo(username), "is_active", equalTo(true), "is_staff", equalTo(false))
            .extract()
            .path("pk");
        createdUsers.add(pk);
        return api.tokens(new Stack.Credentials(username, PASSWORD)).getString("access");
    }

    private static String unique(String prefix) {
        return prefix + "-e2e-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aMovieIsChangedOnlyByWhoAddedItOrByStaff() {
        String owner = unique("owner");
        String ownerToken = newUser(owner);
        String otherToken = newUser(unique("other"));
        String id = api.bearer(ownerToken)
            .contentType(ContentType.JSON)
            .body(Map.of("title", Api.uniqueTitle("Owned"), "year", 2001))
            .post("/api/v1/movie")
            .then()
            .statusCode(201)
            .body("created_by", equalTo(owner))
            .extract()
            .path("id");
        api.rememberMovie(id);

        api.bearer(otherToken)
            .contentType(ContentType.JSON)
            .body(Map.of("title", "Taken over"))
            .patch("/api/v1/movie/{id}", id)
            .then()
            .statusCode(403)
            .body("detail", equalTo("You do not have permission to perform this action."));
        api.bearer(otherToken).delete("/api/v1/movie/{id}", id).then().statusCode(403);
        api.anonymous().get("/api/v1/movie/{id}", id).then().statusCode(200).body("title", not(equalTo("Taken over")));

        api.asAdmin()
            .contentType(ContentType.JSON)
            .body(Map.of("year", 2002))
            .patch("/api/v1/movie/{id}", id)
            .then()
            .statusCode(200)
            .body("year", equalTo(2002), "created_by", equalTo(owner));
        api.bearer(ownerToken)
            .queryParam("mine", "true")
            .get("/api/v1/movie")
            .then()
            .statusCode(200)
            .body("id", hasItem(id));
    }

    @Test
    void staffDeactivateAndDeleteAccountsWhoseTokensStopAtOnce() {
        String username = unique("leaving");
        String token = newUser(username);
        int pk = createdUsers.get(createdUsers.size() - 1);
        api.bearer(token).get("/api/v1/users/auth/user").then().statusCode(200).body("username", equalTo(username));

        api.asAdmin()
            .contentType(ContentType.JSON)
            .body(Map.of("is_active", false))
            .patch("/api/v1/users/{pk}", pk)
            .then()
            .statusCode(200)
            .body("is_active", equalTo(false));
        api.bearer(token).get("/api/v1/users/auth/user").then().statusCode(401);

        api.asAdmin().delete("/api/v1/users/{pk}", pk).then().statusCode(204);
        api.asAdmin().get("/api/v1/users/{pk}", pk).then().statusCode(404);
        api.asAdmin()
            .queryParam("search", username)
            .get("/api/v1/users")
            .then()
            .statusCode(200)
            .header("X-Total-Count", "0");
    }

}
