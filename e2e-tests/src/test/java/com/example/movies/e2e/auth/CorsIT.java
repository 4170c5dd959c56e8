package com.example.movies.e2e.auth;

import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import com.example.movies.e2e.stack.Stack;
import com.example.movies.e2e.support.Api;
import com.example.movies.e2e.support.EndToEnd;
import org.junit.jupiter.api.Test;

/**
 * The browser's view of the API from the frontend's origin: preflights and the CORS
 * headers on answers.
 */
@EndToEnd
class CorsIT {

    private final Api api;

    private final String frontendOrigin;

    CorsIT(Stack stack) {
        this.api = new Api(stack);
        this.frontendOrigin = stack.frontendUrl().toString();
    }

    @Test
    void aPreflightFromTheFrontendAllowsAnAuthorizedJsonWrite() {
        api.anonymous()
            .header("Origin", frontendOrigin)
            .header("Access-Control-Request-Method", "POST")
            .header("Access-Control-Request-Headers", "authorization,content-type")
            .options("/api/v1/movie")
            .then()
            .statusCode(anyOf(is(200), is(204)))
            .header("Access-Control-Allow-Origin", equalTo(frontendOrigin))
            .header("Access-Control-Allow-Methods", containsStringIgnoringCase("POST"))
            .header("Access-Control-Allow-Headers", containsStringIgnoringCase("authorization"))
            .header("Access-Control-Allow-Headers", containsStringIgnoringCase("content-type"));
    }

    @Test
    void aPreflightForDeleteOfOneMovieIsAllowedToo() {
        api.anonymous()
            .header("Origin", frontendOrigin)
            .header("Access-Control-Request-Method", "DELETE")
            .header("Access-Control-Request-Headers", "authorization")
            .options("/api/v1/movie/{id}", java.util.UUID.randomUUID())
            .then()
            .statusCode(anyOf(is(200), is(204)))
            .header("Access-Control-Allow-Methods", containsStringIgnoringCase("DELETE"));
    }

    @Test
    void anAnswerToTheFrontendCarriesItsOrigin() {
        api.anonymous()
            .header("Origin", frontendOrigin)
            .get("/api/v1/movie")
            .then()
            .statusCode(200)
            .header("Access-Control-Allow-Origin", equalTo(frontendOrigin));
    }

    @Test
    void anAnswerToAnotherOriginDoesNotAllowIt() {
        api.anonymous()
            .header("Origin", "https://evil-e2e.example.invalid")
            .get("/api/v1/movie")
            .then()
            .header("Access-Control-Allow-Origin", nullValue());
    }

}
