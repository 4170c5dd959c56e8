package com.example.movies.movie;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.example.movies.Api;
import com.example.movies.TestUsers;
import com.example.movies.Api.Reply;
import com.example.movies.PostgresIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Every movie row of the API contract, over real HTTP on PostgreSQL. */
@PostgresIntegrationTest
class MovieApiTest {

    static final String TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}Z";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Api api;

    @Autowired
    TestUsers users;

    String token;

    @BeforeEach
    void signIn() {
        this.token = this.api.accessToken("admin", "admin");
    }

    JsonNode create(Object body) {
        Reply reply = this.api.json("POST", "/api/v1/movie", this.token, body);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json();
    }

    JsonNode create(String title, int year) {
        return create(Map.of("title", title, "year", year));
    }

    static Map<String, Object> body(Object... keysAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            body.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return body;
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.properties().forEach((property) -> names.add(property.getKey()));
        return names;
    }

    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void listIsAPublicPlainArrayOfTheDemoMovies() {
        Reply reply = this.api.get("/api/v1/movie");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().isArray()).isTrue();
        List<String> titles = new ArrayList<>();
        reply.json().forEach((movie) -> titles.add(movie.get("title").asString()));
        assertThat(titles).contains("Good Will Hunting", "The Prestige", "The Departed", "Inception", "Parasite");
        assertThat(reply.header("X-Total-Count")).hasValue(Integer.toString(reply.json().size()));
    }

    @Test
    void createAnswersTheMovieInTheContractsShape() {
        Reply reply = this.api.json("POST", "/api/v1/movie", this.token,
                body("title", "The Prestige!", "description", "Two rival magicians", "year", 2006));
        assertThat(reply.status()).isEqualTo(201);
        JsonNode movie = reply.json();
        assertThat(fieldNames(movie)).containsExactly("id", "created", "modified", "title", "description", "slug",
                "year", "created_by", "modified_by");
        assertThat(movie.get("created_by").asString()).isEqualTo("admin");
        assertThat(movie.get("modified_by").asString()).isEqualTo("admin");
        assertThat(movie.get("id").asString()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(movie.get("created").asString()).matches(TIMESTAMP);
        assertThat(movie.get("modified").asString()).matches(TIMESTAMP);
        assertThat(movie.get("title").asString()).isEqualTo("The Prestige!");
        assertThat(movie.get("description").asString()).isEqualTo("Two rival magicians");
        assertThat(movie.get("slug").asString()).startsWith("the-prestige");
        assertThat(movie.get("year").isInt()).isTrue();
        assertThat(movie.get("year").asInt()).isEqualTo(2006);
        Reply stored = this.api.get("/api/v1/movie/" + movie.get("id").asString());
        assertThat(stored.status()).isEqualTo(200);
        assertThat(stored.json()).isEqualTo(movie);
    }

    @Test
    void descriptionIsNullWhenOmittedAndTitleIsTrimmed() {
        JsonNode movie = create(body("title", "  Padded " + unique() + "  ", "year", 2000));
        assertThat(movie.get("description").isNull()).isTrue();
        assertThat(movie.get("title").asString()).startsWith("Padded ").doesNotEndWith(" ");
    }

    @Test
    void readOnlyAndUnknownFieldsAreIgnored() {
        JsonNode movie = create(body("id", "00000000-0000-4000-8000-000000000000", "created",
                "1999-01-01T00:00:00.000000Z", "modified", "1999-01-01T00:00:00.000000Z", "slug", "my-own-slug",
                "title", "Read Only " + unique(), "year", 2001, "rating", 5, "director", "Nolan"));
        assertThat(movie.get("id").asString()).isNotEqualTo("00000000-0000-4000-8000-000000000000");
        assertThat(movie.get("created").asString()).doesNotStartWith("1999");
        assertThat(movie.get("slug").asString()).startsWith("read-only-");
        assertThat(movie.has("rating")).isFalse();
        assertThat(movie.has("director")).isFalse();
    }

    @Test
    void yearAcceptsIntegerTextAndWholeFloats() {
        assertThat(create(body("title", "Text year", "year", "1999")).get("year").asInt()).isEqualTo(1999);
        assertThat(create(body("title", "Float year", "year", 1998.0)).get("year").asInt()).isEqualTo(1998);
        assertThat(create(body("title", "Zero year", "year", 0)).get("year").asInt()).isZero();
        assertThat(create(body("title", "Max year", "year", Integer.MAX_VALUE)).get("year").asInt())
            .isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void aNumberTitleIsStoredAsText() {
        JsonNode movie = create(body("title", 1984, "year", 1984));
        assertThat(movie.get("title").isString()).isTrue();
        assertThat(movie.get("title").asString()).isEqualTo("1984");
        assertThat(movie.get("slug").asString()).startsWith("1984");
    }

    @Test
    void emojiAndCjkTextRoundTrips() {
        String title = "千と千尋の神隠し 🎬 " + unique();
        JsonNode movie = create(body("title", title, "description", "魔法 🐉 ünïcödé", "year", 2001));
        assertThat(movie.get("title").asString()).isEqualTo(title);
        assertThat(movie.get("description").asString()).isEqualTo("魔法 🐉 ünïcödé");
        assertThat(movie.get("slug").asString()).matches("[a-z0-9-]+");
        Reply stored = this.api.get("/api/v1/movie/" + movie.get("id").asString());
        assertThat(stored.json().get("title").asString()).isEqualTo(title);
    }

    @Test
    void aLongDescriptionIsStoredWhole() {
        String description = "x".repeat(300 * 1024);
        JsonNode movie = create(body("title", "Long " + unique(), "description", description, "year", 2020));
        assertThat(movie.get("description").asString()).hasSize(300 * 1024);
        assertThat(this.api.get("/api/v1/movie/" + movie.get("id").asString()).json().get("description").asString())
            .isEqualTo(description);
    }

    @Test
    void aFormEncodedBodyIsAcceptedToo() {
        Reply reply = this.api.send("POST", "/api/v1/movie", this.token, "application/x-www-form-urlencoded",
                "title=Form+Movie&year=1977&description=From+a+form");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        assertThat(reply.json().get("title").asString()).isEqualTo("Form Movie");
        assertThat(reply.json().get("year").asInt()).isEqualTo(1977);
    }

    @Test
    void fieldValidationErrorsUseDrfShape() {
        Reply empty = this.api.json("POST", "/api/v1/movie", this.token, Map.of());
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body())
            .isEqualTo("{\"title\":[\"This field is required.\"],\"year\":[\"This field is required.\"]}");

        Reply wrong = this.api.json("POST", "/api/v1/movie", this.token, body("title", "", "year", "abc"));
        assertThat(wrong.body())
            .isEqualTo("{\"title\":[\"This field may not be blank.\"],\"year\":[\"A valid integer is required.\"]}");
    }

    @ParameterizedTest
    @ValueSource(strings = { "{\"title\":\"T\",\"year\":1999.5}", "{\"title\":\"T\",\"year\":true}",
            "{\"title\":\"T\",\"year\":\"abc\"}", "{\"title\":\"T\",\"year\":[1999]}", "{\"title\":\"T\",\"year\":{}}",
            "{\"title\":\"T\",\"year\":1e400}", "{\"title\":\"T\",\"year\":1e20}", "{\"title\":\"T\",\"year\":\"\"}" })
    void invalidYearsAreRefused(String body) {
        Reply reply = this.api.json("POST", "/api/v1/movie", this.token, body);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.body()).isEqualTo("{\"year\":[\"A valid integer is required.\"]}");
    }

    @Test
    void outOfRangeYearsAreRefused() {
        assertThat(this.api.json("POST", "/api/v1/movie", this.token, body("title", "T", "year", -1)).body())
            .isEqualTo("{\"year\":[\"Ensure this value is greater than or equal to 0.\"]}");
        assertThat(this.api.json("POST", "/api/v1/movie", this.token, body("title", "T", "year", 2147483648L)).body())
            .isEqualTo("{\"year\":[\"Ensure this value is less than or equal to 2147483647.\"]}");
        assertThat(this.api
            .json("POST", "/api/v1/movie", this.token,
                    "{\"title\":\"T\",\"year\":" + "99999999999999999999999999999999999999}")
            .body()).isEqualTo("{\"year\":[\"Ensure this value is less than or equal to 2147483647.\"]}");
    }

    @Test
    void invalidTitlesAreRefused() {
        assertThat(this.api.json("POST", "/api/v1/movie", this.token, "{\"title\":null,\"year\":1}").body())
            .isEqualTo("{\"title\":[\"This field may not be null.\"]}");
        assertThat(this.api.json("POST", "/api/v1/movie", this.token, "{\"title\":\"   \",\"year\":1}").body())
            .isEqualTo("{\"title\":[\"This field may not be blank.\"]}");
        assertThat(this.api.json("POST", "/api/v1/movie", this.token, "{\"title\":true,\"year\":1}").body())
            .isEqualTo("{\"title\":[\"Not a valid string.\"]}");
        assertThat(this.api.json("POST", "/api/v1/movie", this.token, "{\"title\":[\"a\"],\"year\":1}").body())
            .isEqualTo("{\"title\":[\"Not a valid string.\"]}");
        assertThat(this.api.json("POST", "/api/v1/movie", this.token, body("title", "x".repeat(256), "year", 1)).body())
            .isEqualTo("{\"title\":[\"Ensure this field has no more than 255 characters.\"]}");
        assertThat(create(body("title", "y".repeat(255), "year", 1)).get("title").asString()).hasSize(255);
        assertThat(this.api.json("POST", "/api/v1/movie", this.token, "{\"title\":\"T\",\"year\":null}").body())
            .isEqualTo("{\"year\":[\"This field may not be null.\"]}");
        assertThat(this.api.json("POST", "/api/v1/movie", this.token, "{\"title\":\"T\",\"year\":1,\"description\":5}")
            .status()).isEqualTo(201);
        assertThat(this.api.json("POST", "/api/v1/movie", this.token, "{\"title\":\"T\",\"year\":1,\"description\":{}}")
            .body()).isEqualTo("{\"description\":[\"Not a valid string.\"]}");
    }

    @ParameterizedTest
    @ValueSource(strings = { "[]", "[{\"title\":\"T\",\"year\":1}]", "\"text\"", "42", "4.2", "true" })
    void bodiesThatAreNotObjectsAreRefused(String body) {
        Reply reply = this.api.json("POST", "/api/v1/movie", this.token, body);
        assertThat(reply.status()).isEqualTo(400);
        String type = switch (body.charAt(0)) {
            case '[' -> "list";
            case '"' -> "str";
            case 't' -> "bool";
            default -> body.contains(".") ? "float" : "int";
        };
        assertThat(reply.body())
            .isEqualTo("{\"non_field_errors\":[\"Invalid data. Expected a dictionary, but got " + type + ".\"]}");
    }

    @Test
    void aNullBodyIsRefused() {
        Reply reply = this.api.json("POST", "/api/v1/movie", this.token, "null");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).isEqualTo("{\"non_field_errors\":[\"No data provided\"]}");
    }

    @ParameterizedTest
    @ValueSource(strings = { "{\"title\":", "{title: 'x'}", "{\"title\":\"T\",\"year\":1} trailing", "\u0000",
            "{\"a\":\"\\x\"}" })
    void malformedJsonIsA400(String body) {
        Reply reply = this.api.json("POST", "/api/v1/movie", this.token, body);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.json().get("detail").asString()).startsWith("JSON parse error - ");
    }

    @ParameterizedTest
    @ValueSource(strings = { "text/plain", "application/xml", "text/csv; charset=utf-8", "nonsense" })
    void unsupportedContentTypesAre415(String contentType) {
        Reply reply = this.api.send("POST", "/api/v1/movie", this.token, contentType, "title=x&year=1");
        assertThat(reply.status()).isEqualTo(415);
        assertThat(reply.body())
            .isEqualTo("{\"detail\":\"Unsupported media type \\\"" + contentType + "\\\" in request.\"}");
    }

    @Test
    void getUpdateAndDeleteOfAMovie() throws InterruptedException {
        JsonNode movie = create(body("title", "Original " + unique(), "description", "kept", "year", 1990));
        String path = "/api/v1/movie/" + movie.get("id").asString();
        Thread.sleep(2);

        Reply put = this.api.json("PUT", path, this.token, body("title", "Renamed", "year", 1991));
        assertThat(put.status()).isEqualTo(200);
        JsonNode replaced = put.json();
        assertThat(fieldNames(replaced)).containsExactly("id", "created", "modified", "title", "description", "slug",
                "year", "created_by", "modified_by");
        assertThat(replaced.get("title").asString()).isEqualTo("Renamed");
        assertThat(replaced.get("year").asInt()).isEqualTo(1991);
        assertThat(replaced.get("description").asString()).as("omitted description kept").isEqualTo("kept");
        assertThat(replaced.get("slug")).as("slug never changes").isEqualTo(movie.get("slug"));
        assertThat(replaced.get("created")).isEqualTo(movie.get("created"));
        assertThat(replaced.get("modified").asString()).matches(TIMESTAMP)
            .isGreaterThan(movie.get("modified").asString());

        Reply putMissing = this.api.json("PUT", path, this.token, body("description", "only"));
        assertThat(putMissing.status()).isEqualTo(400);
        assertThat(putMissing.body())
            .isEqualTo("{\"title\":[\"This field is required.\"],\"year\":[\"This field is required.\"]}");

        Reply patch = this.api.json("PATCH", path, this.token, body("description", null, "slug", "hacked"));
        assertThat(patch.status()).isEqualTo(200);
        assertThat(patch.json().get("description").isNull()).isTrue();
        assertThat(patch.json().get("title").asString()).isEqualTo("Renamed");
        assertThat(patch.json().get("slug")).isEqualTo(movie.get("slug"));

        Reply patchYear = this.api.json("PATCH", path, this.token, body("year", "2005"));
        assertThat(patchYear.json().get("year").asInt()).isEqualTo(2005);
        assertThat(this.api.json("PATCH", path, this.token, body("title", null)).body())
            .isEqualTo("{\"title\":[\"This field may not be null.\"]}");
        assertThat(this.api.get(path).json()).isEqualTo(patchYear.json());

        Reply delete = this.api.send("DELETE", path, this.token, null, null);
        assertThat(delete.status()).isEqualTo(204);
        assertThat(delete.body()).isEmpty();
        assertThat(this.api.get(path).status()).isEqualTo(404);
        assertThat(this.api.send("DELETE", path, this.token, null, null).status()).isEqualTo(404);
        assertThat(this.api.json("PUT", path, this.token, body("title", "T", "year", 1)).status()).isEqualTo(404);
        assertThat(this.api.json("PATCH", path, this.token, body("title", "T")).status()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = { "00000000-0000-4000-8000-000000000000", "not-a-uuid", "123",
            "7521B5E7-B4E8-45BB-9FE6-0BF25FF53C25", "7521b5e7b4e845bb9fe60bf25ff53c25", "%20" })
    void unknownAndMalformedIdsAre404(String id) {
        Reply reply = this.api.get("/api/v1/movie/" + id);
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.body()).isEqualTo("{\"detail\":\"Not found.\"}");
        assertThat(this.api.send("DELETE", "/api/v1/movie/" + id, this.token, null, null).status()).isEqualTo(404);
    }

    @Test
    void aTrailingSlashIsA404() {
        String id = create("Slash " + unique(), 2000).get("id").asString();
        assertThat(this.api.get("/api/v1/movie/").status()).isEqualTo(404);
        assertThat(this.api.get("/api/v1/movie/" + id + "/").status()).isEqualTo(404);
        assertThat(this.api.get("/api/v1/movie/" + id + "/").body()).isEqualTo("{\"detail\":\"Not found.\"}");
    }

    @Test
    void wrongMethodsAre405WithAllow() {
        Reply put = this.api.json("PUT", "/api/v1/movie", this.token, body("title", "T", "year", 1));
        assertThat(put.status()).isEqualTo(405);
        assertThat(put.body()).isEqualTo("{\"detail\":\"Method \\\"PUT\\\" not allowed.\"}");
        assertThat(put.header("Allow").orElseThrow()).contains("GET", "POST");

        String path = "/api/v1/movie/" + create("Method " + unique(), 2000).get("id").asString();
        Reply post = this.api.json("POST", path, this.token, body("title", "T", "year", 1));
        assertThat(post.status()).isEqualTo(405);
        assertThat(post.header("Allow").orElseThrow()).contains("GET", "PUT", "PATCH", "DELETE");
        assertThat(this.api.send("DELETE", "/api/v1/movie", this.token, null, null).status()).isEqualTo(405);
    }

    @Test
    void writesNeedAnAccessToken() {
        String path = "/api/v1/movie/" + create("Protected " + unique(), 2000).get("id").asString();
        for (Reply reply : List.of(this.api.json("POST", "/api/v1/movie", null, body("title", "T", "year", 1)),
                this.api.json("PUT", path, null, body("title", "T", "year", 1)),
                this.api.json("PATCH", path, null, body("title", "T")),
                this.api.send("DELETE", path, null, null, null))) {
            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.header("WWW-Authenticate").orElseThrow()).startsWith("Bearer");
            assertThat(reply.body()).isEqualTo("{\"detail\":\"Authentication credentials were not provided.\"}");
        }
        assertThat(this.api.get(path).status()).isEqualTo(200);
    }

    /**
     * As in DRF, whose permission checks run before the body is parsed: a caller without
     * a token learns that first, whatever the body.
     */
    @Test
    void permissionIsDecidedBeforeTheBodyIsRead() {
        String path = "/api/v1/movie/" + create("Before " + unique(), 2000).get("id").asString();
        for (Reply reply : List.of(this.api.send("POST", "/api/v1/movie", null, "application/json", "{\"title\":"),
                this.api.send("PUT", path, null, "text/plain", "T"),
                this.api.send("PATCH", path, null, "application/json", "[1]"),
                this.api.send("PATCH", "/api/v1/users/auth/user", null, "application/json", "{"),
                this.api.send("POST", "/api/v1/users", null, "application/json", "{"))) {
            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.body()).isEqualTo("{\"detail\":\"Authentication credentials were not provided.\"}");
        }
        String user = this.api.accessToken(this.users.create(false), TestUsers.PASSWORD);
        Reply notStaff = this.api.send("POST", "/api/v1/users", user, "application/json", "{");
        assertThat(notStaff.status()).isEqualTo(403);
        assertThat(notStaff.body()).isEqualTo("{\"detail\":\"You do not have permission to perform this action.\"}");
    }

    @Test
    void listIsOrderedByYearThenCreation() {
        String marker = "Order" + unique();
        String late = create(marker + " c", 2010).get("id").asString();
        String first = create(marker + " a", 1990).get("id").asString();
        String tieFirst = create(marker + " b", 2000).get("id").asString();
        String tieSecond = create(marker + " a2", 2000).get("id").asString();
        Reply reply = this.api.get("/api/v1/movie?search=" + marker.toLowerCase());
        List<String> ids = new ArrayList<>();
        reply.json().forEach((movie) -> ids.add(movie.get("id").asString()));
        assertThat(ids).containsExactly(first, tieFirst, tieSecond, late);
        assertThat(reply.header("X-Total-Count")).hasValue("4");
    }

    @Test
    void listFiltersAndPages() {
        String marker = "Filter" + unique();
        for (int year = 1950; year < 1955; year++) {
            create(marker + " " + year, year);
        }
        create(marker + " again", 1952);
        Reply search = this.api.get("/api/v1/movie?search=" + marker.toUpperCase());
        assertThat(search.json().size()).isEqualTo(6);
        Reply year = this.api.get("/api/v1/movie?search=" + marker + "&year=1952");
        assertThat(year.json().size()).isEqualTo(2);
        assertThat(year.header("X-Total-Count")).hasValue("2");
        Reply page = this.api.get("/api/v1/movie?search=" + marker + "&limit=2&offset=3");
        assertThat(page.json().size()).isEqualTo(2);
        assertThat(page.json().get(0).get("year").asInt()).isEqualTo(1952);
        assertThat(page.json().get(1).get("year").asInt()).isEqualTo(1953);
        assertThat(page.header("X-Total-Count")).hasValue("6");
        assertThat(this.api.get("/api/v1/movie?search=" + marker + "&offset=5").json().size()).isEqualTo(1);
        assertThat(this.api.get("/api/v1/movie?search=" + marker + "&limit=0").json().size()).isZero();
        assertThat(this.api.get("/api/v1/movie?search=%25%5F" + marker).json().size()).as("LIKE wildcards are literal")
            .isZero();
        assertThat(this.api.get("/api/v1/movie?search=zz" + unique()).body()).isEqualTo("[]");
    }

    @ParameterizedTest
    @ValueSource(strings = { "year=abc", "year=-1", "limit=x", "limit=-5", "offset=1.5", "offset=-1",
            "limit=99999999999999999999", "year=" })
    void badListParametersAre400(String query) {
        Reply reply = this.api.get("/api/v1/movie?" + query);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        String name = query.substring(0, query.indexOf('='));
        assertThat(reply.json().get(name).get(0).asString()).isNotBlank();
    }

    @Test
    void badInputChangesNothing() {
        JsonNode movie = create(body("title", "Untouched " + unique(), "description", "same", "year", 1999));
        String path = "/api/v1/movie/" + movie.get("id").asString();
        long count = countMovies();
        List<Reply> replies = new ArrayList<>();
        for (String method : List.of("POST", "PUT", "PATCH")) {
            String target = method.equals("POST") ? "/api/v1/movie" : path;
            for (String body : List.of("{\"title\":", "[]", "null", "42", "{\"title\":\"X\",\"year\":-1}",
                    "{\"title\":\"\",\"year\":1}", "{\"title\":\"X\",\"year\":1e999}",
                    "{\"title\":\"X\",\"year\":true}", "{\"title\":null,\"year\":1}",
                    "{\"title\":\"X\",\"year\":\"abc\"}", "{\"title\":\"" + "x".repeat(300) + "\",\"year\":1}")) {
                replies.add(this.api.json(method, target, this.token, body));
            }
            if (!method.equals("PATCH")) {
                // Without a title: PATCH may leave it out, POST and PUT may not.
                replies.add(this.api.json(method, target, this.token, "{\"year\":1}"));
            }
            replies.add(this.api.send(method, target, this.token, "text/plain", "title=X&year=1"));
            replies
                .add(this.api.send(method, target, "not-a-token", "application/json", "{\"title\":\"X\",\"year\":1}"));
        }
        assertThat(replies).allSatisfy((reply) -> assertThat(reply.status()).as(reply.toString()).isBetween(400, 499));
        assertThat(this.api.get(path).json()).isEqualTo(movie);
        assertThat(countMovies()).isEqualTo(count);
    }

    @Test
    void slugsFollowTheOriginalsRules() {
        String suffix = unique();
        assertThat(create("The Prestige! " + suffix, 2006).get("slug").asString()).isEqualTo("the-prestige-" + suffix);
        assertThat(create("Amélie: Le Fabuleux Destin  d'Amélie Poulain " + suffix, 2001).get("slug").asString())
            .isEqualTo("amelie-le-fabuleux-destin-damelie-poulain-" + suffix);
        String longTitle = suffix + " " + "a very long title that keeps going ".repeat(4);
        String first = create(longTitle, 2000).get("slug").asString();
        assertThat(first).hasSizeLessThanOrEqualTo(50).startsWith(suffix + "-a-very-long").doesNotEndWith("-");
        String second = create(longTitle, 2000).get("slug").asString();
        assertThat(second).hasSizeLessThanOrEqualTo(50).endsWith("-2");
        assertThat(create(longTitle, 2000).get("slug").asString()).hasSizeLessThanOrEqualTo(50).endsWith("-3");
    }

    @Test
    void parallelCreatesOfOneTitleAllSucceedWithDistinctSlugs() throws Exception {
        String title = "Race " + unique();
        int creates = 12;
        ExecutorService pool = Executors.newFixedThreadPool(creates);
        try {
            List<Callable<Reply>> tasks = new ArrayList<>();
            for (int i = 0; i < creates; i++) {
                tasks.add(() -> this.api.json("POST", "/api/v1/movie", this.token, body("title", title, "year", 2000)));
            }
            Set<String> slugs = new HashSet<>();
            for (Future<Reply> result : pool.invokeAll(tasks)) {
                Reply reply = result.get();
                assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
                slugs.add(reply.json().get("slug").asString());
            }
            String base = Slugs.slugify(title);
            assertThat(slugs).hasSize(creates).contains(base, base + "-2", base + "-" + creates);
        }
        finally {
            pool.shutdownNow();
        }
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aClientHangingUpMidAnswerIsNoError(CapturedOutput output) throws IOException, InterruptedException {
        String id = create(body("title", "Long", "year", 2000, "description", "x".repeat(900_000))).get("id")
            .asString();
        try (Socket client = new Socket()) {
            // A small receive window leaves most of the answer to write when the client
            // resets the connection.
            client.setReceiveBufferSize(1024);
            client.connect(new InetSocketAddress("127.0.0.1", this.port));
            client.getOutputStream()
                .write(("GET /api/v1/movie/" + id + " HTTP/1.1\r\nHost: localhost\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            assertThat(client.getInputStream().read(new byte[1024])).as("the answer has begun").isPositive();
            client.setSoLinger(true, 0);
        }
        // The server meets the reset at its next write; an error would be logged within
        // moments.
        Thread.sleep(2000);
        assertThat(output.getAll()).doesNotContain("Unexpected error").doesNotContain("ERROR");
        assertThat(this.api.send("DELETE", "/api/v1/movie/" + id, this.token, null, null).status()).isEqualTo(204);
    }

    long countMovies() {
        return this.jdbc.sql("SELECT COUNT(*) FROM movie").query(Long.class).single();
    }

}
