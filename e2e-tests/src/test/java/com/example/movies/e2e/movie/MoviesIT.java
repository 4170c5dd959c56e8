package com.example.movies.e2e.movie;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.movies.e2e.stack.Stack;
import com.example.movies.e2e.support.Api;
import com.example.movies.e2e.support.EndToEnd;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The movie resource through the public paths: its whole life, the order of the list, and
 * the refusals as the stack delivers them (field errors, no or a bad token, unknown ids
 * and paths, wrong methods). The matrix of what a body may hold (read-only and unknown
 * fields, bodies that are no object, malformed JSON, other content types) is movies-api's
 * {@code MovieApiTest} and {@code MovieControllerTest}.
 */
@EndToEnd
class MoviesIT {

    private static final String TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}Z";

    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    /**
     * Not ASCII: text in UTF-8 must arrive whole through the proxy or gateway and back.
     */
    private static final String DESCRIPTION = "Two rival magicians, «illusionnistes» 魔術師";

    private final Api api;

    MoviesIT(Stack stack) {
        this.api = new Api(stack);
    }

    @AfterEach
    void deleteWhatTheTestCreated() {
        api.deleteCreatedMovies();
    }

    @Test
    void aMovieIsCreatedReadListedReplacedPatchedAndDeleted() throws InterruptedException {
        String title = Api.uniqueTitle("The Prestige!");
        JsonPath created = api.createMovie(Map.of("title", "  " + title + "  ", "year", 2006));
        String id = created.getString("id");
        assertTrue(id.matches(UUID_PATTERN), id);
        assertEquals(title, created.getString("title"), "the title is trimmed");
        assertEquals(null, created.getString("description"));
        assertTrue(created.getString("created").matches(TIMESTAMP), created.getString("created"));
        assertTrue(created.getString("slug").startsWith("the-prestige-e2e-"), created.getString("slug"));

        api.anonymous()
            .get("/api/v1/movie/{id}", id)
            .then()
            .statusCode(200)
            .body("title", equalTo(title), "year", equalTo(2006), "slug", equalTo(created.getString("slug")));
        api.anonymous().get("/api/v1/movie").then().statusCode(200).body("id", hasItem(id));

        Thread.sleep(5); // so that "modified" can move on a fast machine
        JsonPath replaced = api.asAdmin()
            .contentType(ContentType.JSON)
            .body(Map.of("title", title + " II", "year", "2007", "description", DESCRIPTION))
            .put("/api/v1/movie/{id}", id)
            .then()
            .statusCode(200)
            .body("title", equalTo(title + " II"), "year", equalTo(2007), "description", equalTo(DESCRIPTION), "slug",
                    equalTo(created.getString("slug")), "created", equalTo(created.getString("created")))
            .extract()
            .jsonPath();
        assertNotEquals(created.getString("modified"), replaced.getString("modified"));

        api.asAdmin()
            .contentType(ContentType.JSON)
            .body(Map.of("year", 2008))
            .patch("/api/v1/movie/{id}", id)
            .then()
            .statusCode(200)
            .body("year", equalTo(2008), "title", equalTo(title + " II"), "description", equalTo(DESCRIPTION));

        api.asAdmin().delete("/api/v1/movie/{id}", id).then().statusCode(204).body(equalTo(""));
        api.anonymous().get("/api/v1/movie/{id}", id).then().statusCode(404).body("detail", equalTo("Not found."));
    }

    @Test
    void theListIsOrderedByYear() {
        String marker = Api.uniqueTitle("Ordered");
        String late = api.createMovie(Map.of("title", marker + " late", "year", 2020)).getString("id");
        String early = api.createMovie(Map.of("title", marker + " early", "year", 1920)).getString("id");

        List<Integer> years = api.anonymous().get("/api/v1/movie").then().statusCode(200).extract().path("year");
        List<String> ids = api.anonymous().get("/api/v1/movie").then().extract().path("id");
        assertEquals(years.stream().sorted().toList(), years);
        assertTrue(ids.indexOf(early) < ids.indexOf(late));
    }

    @Test
    void invalidFieldsAre400WithAnErrorPerFieldAndNothingIsStored() {
        String title = Api.uniqueTitle("Invalid");

        api.asAdmin()
            .contentType(ContentType.JSON)
            .body(Map.of("title", title, "year", "abc"))
            .post("/api/v1/movie")
            .then()
            .statusCode(400)
            .body("year", equalTo(List.of("A valid integer is required.")));
        api.asAdmin()
            .contentType(ContentType.JSON)
            .body(Map.of("year", 1999))
            .post("/api/v1/movie")
            .then()
            .statusCode(400)
            .body("title", equalTo(List.of("This field is required.")));
        api.asAdmin()
            .contentType(ContentType.JSON)
            .body(Map.of("title", title, "year", -1))
            .post("/api/v1/movie")
            .then()
            .statusCode(400)
            .body("year", not(empty()));

        api.anonymous().get("/api/v1/movie").then().statusCode(200).body("title", not(hasItem(title)));
    }

    @Test
    void writingWithoutATokenIs401AndWithABadTokenIsTokenNotValid() {
        String id = api.createMovie(Map.of("title", Api.uniqueTitle("Protected"), "year", 2000)).getString("id");

        api.anonymous()
            .contentType(ContentType.JSON)
            .body(Map.of("title", "x", "year", 1))
            .post("/api/v1/movie")
            .then()
            .statusCode(401)
            .header("WWW-Authenticate", containsString("Bearer"))
            .body("detail", equalTo("Authentication credentials were not provided."));
        api.anonymous().delete("/api/v1/movie/{id}", id).then().statusCode(401);
        api.bearer("expired-or-garbage")
            .delete("/api/v1/movie/{id}", id)
            .then()
            .statusCode(401)
            .body("code", equalTo("token_not_valid"));

        api.anonymous().get("/api/v1/movie/{id}", id).then().statusCode(200);
    }

    @Test
    void unknownAndMalformedIdsAre404AndWrongMethodsAre405() {
        api.anonymous()
            .get("/api/v1/movie/{id}", UUID.randomUUID())
            .then()
            .statusCode(404)
            .body("detail", equalTo("Not found."));
        api.anonymous().get("/api/v1/movie/not-a-uuid").then().statusCode(404).body("detail", equalTo("Not found."));
        api.asAdmin().delete("/api/v1/movie/{id}", UUID.randomUUID()).then().statusCode(404);
        api.asAdmin()
            .delete("/api/v1/movie")
            .then()
            .statusCode(405)
            .header("Allow", containsString("GET"))
            .body("detail", equalTo("Method \"DELETE\" not allowed."));
    }

    @Test
    void aTrailingSlashIsNotAnotherPath() {
        // Only the status: at a deployed gateway the 404 may come from the gateway
        // itself, with its own body.
        api.anonymous().get("/api/v1/movie/").then().statusCode(404);
    }

}
