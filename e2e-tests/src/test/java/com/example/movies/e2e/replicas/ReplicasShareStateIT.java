package com.example.movies.e2e.replicas;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.movies.e2e.stack.Stack;
import com.example.movies.e2e.support.Api;
import com.example.movies.e2e.support.EndToEnd;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The API keeps no state in its replicas: whatever one replica writes, another sees at
 * once, because the gateway sends consecutive requests of one client to any replica. Each
 * test writes through the first replica and reads through the last. On the containers
 * stack these are two separate containers; on a stack whose replicas cannot be addressed
 * one by one (processes, deployed) both are the same URL, so the tests still run but
 * prove only the single-replica behaviour, and say so on the console.
 */
@EndToEnd
class ReplicasShareStateIT {

    private static final AtomicBoolean WARNED = new AtomicBoolean();

    private final Stack.Credentials admin;

    private final Api first;

    private final Api last;

    ReplicasShareStateIT(Stack stack) {
        List<URI> replicas = stack.apiReplicaUrls();
        if (stack.name().equals("containers")) {
            assertEquals(2, replicas.size(), "the containers stack runs two API replicas: " + replicas);
        }
        if (replicas.size() < 2 && WARNED.compareAndSet(false, true)) {
            System.out.println("e2e: WARNING: the " + stack.name() + " stack addresses one API replica ("
                    + replicas.get(0) + "); ReplicasShareStateIT proves shared state only on the containers stack");
        }
        admin = stack.admin();
        first = new Api(replicas.get(0), stack.admin());
        last = new Api(replicas.get(replicas.size() - 1), stack.admin());
    }

    @AfterEach
    void deleteCreatedMovies() {
        first.deleteCreatedMovies();
        last.deleteCreatedMovies();
    }

    @Test
    void aMovieWrittenThroughOneReplicaIsSeenThroughTheOther() {
        String title = Api.uniqueTitle("Replicated");
        String id = first.createMovie(Map.of("title", title, "year", 1999)).getString("id");

        last.anonymous().get("/api/v1/movie/{id}", id).then().statusCode(200).body("title", equalTo(title));

        last.asAdmin().delete("/api/v1/movie/{id}", id).then().statusCode(204);
        first.anonymous().get("/api/v1/movie/{id}", id).then().statusCode(404);
    }

    @Test
    void tokensFromOneReplicaWorkOnTheOtherUntilRevokedThere() {
        JsonPath tokens = first.tokens(admin);
        String refresh = tokens.getString("refresh");

        // Same signing key: the other replica accepts both tokens.
        last.bearer(tokens.getString("access")).get("/api/v1/users/auth/user").then().statusCode(200);
        last.anonymous()
            .contentType(ContentType.JSON)
            .body(Map.of("refresh", refresh))
            .post("/api/token/refresh")
            .then()
            .statusCode(200);

        // Revoked through the other replica, refused by the first one.
        last.bearer(tokens.getString("access"))
            .contentType(ContentType.JSON)
            .body(Map.of("refresh", refresh))
            .post("/api/v1/users/auth/logout")
            .then()
            .statusCode(200);
        first.anonymous()
            .contentType(ContentType.JSON)
            .body(Map.of("refresh", refresh))
            .post("/api/token/refresh")
            .then()
            .statusCode(401)
            .body("code", equalTo("token_not_valid"));
    }

}
