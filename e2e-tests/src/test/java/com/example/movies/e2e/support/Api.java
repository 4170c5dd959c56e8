package com.example.movies.e2e.support;

import static io.restassured.RestAssured.given;

import com.example.movies.e2e.stack.Stack;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The API as a client sees it, at one base URL, plus the movies a test created through
 * it, deleted again by {@link #deleteCreatedMovies()} so that the suite leaves a shared
 * (even production) system as it found it.
 */
public final class Api {

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    /**
     * Admin access tokens by base URL and credentials, shared by all tests of a run: a
     * login costs a password hash, and most tests need one. Reused for 5 minutes, half
     * the token's lifetime.
     */
    private static final Map<String, TimedToken> ADMIN_TOKENS = new ConcurrentHashMap<>();

    private static final Duration ADMIN_TOKEN_REUSE = Duration.ofMinutes(5);

    private final URI baseUrl;

    private final Stack.Credentials admin;

    private final List<String> createdMovieIds = new ArrayList<>();

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

    /** A request as the admin. */
    public RequestSpecification asAdmin() {
        String key = baseUrl + " " + admin.username() + " " + admin.password();
        TimedToken token = ADMIN_TOKENS.compute(key,
                (k, cached) -> cached != null && cached.obtained().plus(ADMIN_TOKEN_REUSE).isAfter(Instant.now())
                        ? cached : new TimedToken(tokens(admin).getString("access"), Instant.now()));
        return bearer(token.value());
    }

    /**
     * Drops the cached admin tokens: a change of the admin's password voids every token
     * issued before it.
     */
    public static void forgetAdminTokens() {
        ADMIN_TOKENS.clear();
    }

    private record TimedToken(String value, Instant obtained) {
    }

    /** {@code POST /api/token}: the body has {@code access} and {@code refresh}. */
    public JsonPath tokens(Stack.Credentials credentials) {
        return anonymous().contentType(ContentType.JSON)
            .body(Map.of("username", credentials.username(), "password", credentials.password()))
            .post("/api/token")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    }

    /**
     * Creates a movie as the admin and remembers it for {@link #deleteCreatedMovies()}.
     */
    public JsonPath createMovie(Map<String, ?> movie) {
        JsonPath created = asAdmin().contentType(ContentType.JSON)
            .body(movie)
            .post("/api/v1/movie")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
        createdMovieIds.add(created.getString("id"));
        return created;
    }

    /**
     * Remembers a movie created another way (as another user) for
     * {@link #deleteCreatedMovies()}.
     */
    public void rememberMovie(String id) {
        createdMovieIds.add(id);
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

    /**
     * Deletes the accounts with exactly these usernames, if they exist: what a test made
     * another way than through this client (the browser, a sign-up, an import).
     */
    public void deleteUsersNamed(String... usernames) {
        for (String username : usernames) {
            asAdmin().queryParam("search", username)
                .get("/api/v1/users")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("findAll { it.username == '" + username + "' }.pk", Integer.class)
                .forEach(pk -> asAdmin().delete("/api/v1/users/{pk}", pk).then().statusCode(204));
        }
    }

    /**
     * A title no other test or user has, so assertions on lists cannot be confused by
     * other data.
     */
    public static String uniqueTitle(String prefix) {
        return prefix + " e2e " + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * The claims of a JWT, read without verifying it (the API verifies; tests only look).
     */
    public static JsonPath claims(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            throw new AssertionError("Not a JWT: " + jwt);
        }
        return JsonPath.from(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    }

}
