package com.example.movies.e2e.support;

import static io.restassured.RestAssured.given;

import com.example.movies.e2e.stack.Stack;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The API as a client sees it, at one base URL, plus the movies a test created through it, deleted again by
 * {@link #deleteCreatedMovies()} so that the suite leaves a shared (even production) system as it found it.
 */
public final class Api {

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private final URI baseUrl;
    private final Stack.Credentials admin;
    private final List<String> createdMovieIds = new ArrayList<>();
    private String adminAccessToken;

    public Api(Stack stack) {
        this(stack.apiUrl(), stack.admin());
    }

    public Api(URI baseUrl, Stack.Credentials admin) {
        this.baseUrl = baseUrl;
        this.admin = admin;
    }

    /** A request without credentials. */
    public RequestSpecification anonymous() {
        return given().baseUri(baseUrl.toString()).accept(ContentType.JSON);
    }

    /** A request with {@code Authorization: Bearer token}. */
    public RequestSpecification bearer(String token) {
        return anonymous().header("Authorization", "Bearer " + token);
    }

    /** A request as the admin, with an access token obtained once per {@code Api}. */
    public RequestSpecification asAdmin() {
        if (adminAccessToken == null) {
            adminAccessToken = tokens(admin).getString("access");
        }
        return bearer(adminAccessToken);
    }

    /** {@code POST /api/token}: the body has {@code access} and {@code refresh}. */
    public JsonPath tokens(Stack.Credentials credentials) {
        return anonymous().contentType(ContentType.JSON)
                .body(Map.of("username", credentials.username(), "password", credentials.password()))
                .post("/api/token")
                .then().statusCode(200)
                .extract().jsonPath();
    }

    /** Creates a movie as the admin and remembers it for {@link #deleteCreatedMovies()}. */
    public JsonPath createMovie(Map<String, ?> movie) {
        JsonPath created = asAdmin().contentType(ContentType.JSON).body(movie)
                .post("/api/v1/movie")
                .then().statusCode(201)
                .extract().jsonPath();
        createdMovieIds.add(created.getString("id"));
        return created;
    }

    /** Deletes every movie this client created that still exists. */
    public void deleteCreatedMovies() {
        for (String id : createdMovieIds) {
            int status = asAdmin().delete("/api/v1/movie/{id}", id).statusCode();
            if (status != 204 && status != 404) {
                throw new AssertionError("Cleanup of movie " + id + " answered " + status);
            }
        }
        createdMovieIds.clear();
    }

    /** A title no other test or user has, so assertions on lists cannot be confused by other data. */
    public static String uniqueTitle(String prefix) {
        return prefix + " e2e " + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The claims of a JWT, read without verifying it (the API verifies; tests only look). */
    public static JsonPath claims(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            throw new AssertionError("Not a JWT: " + jwt);
        }
        return JsonPath.from(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    }
}
