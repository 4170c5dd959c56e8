package com.example.movies.server;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.example.movies.Api;
import com.example.movies.Api.Reply;
import com.example.movies.PostgresIntegrationTest;
import com.example.movies.RawHttp;
import com.example.movies.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests over the server's limits: oversized bodies (413 in the contract's shape,
 * decided before the body is read whole), headers and characters the stack cannot take,
 * on PostgreSQL.
 */
@PostgresIntegrationTest
class RequestLimitsApiTest {

    static final String TOO_LARGE = "{\"detail\":\"Request body too large.\"}";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RequestLimitProperties limits;

    @Autowired
    Api api;

    @Autowired
    TestUsers users;

    String access;

    @BeforeEach
    void setUp() {
        this.access = this.api.accessToken(this.users.create(false), TestUsers.PASSWORD);
    }

    int limit() {
        return (int) this.limits.maxBodySize().toBytes();
    }

    /** A JSON movie whose description makes the body exactly {@code size} bytes. */
    static String movieOfSize(int size) {
        String start = "{\"title\":\"Big\",\"year\":2000,\"description\":\"";
        return start + "x".repeat(size - start.length() - 2) + "\"}";
    }

    long movies() {
        return this.jdbc.sql("SELECT COUNT(*) FROM movie").query(Long.class).single();
    }

    @Test
    void theDefaultLimitIs1MiB() {
        assertThat(limit()).isEqualTo(1024 * 1024);
    }

    @Test
    void aBodyAtTheLimitIsAccepted() {
        Reply reply = this.api.json("POST", "/api/v1/movie", this.access, movieOfSize(limit()));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    }

    @Test
    void aLargerContentLengthIs413() {
        long before = movies();
        Reply reply = this.api.json("POST", "/api/v1/movie", this.access, movieOfSize(limit() + 1));
        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.body()).isEqualTo(TOO_LARGE);
        assertThat(reply.header("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(movies()).isEqualTo(before);
    }

    @Test
    void aLargerContentLengthIsRefusedBeforeTheBodyIsSent() {
        // 100 MB announced, 10 bytes sent: the answer comes without waiting for the rest.
        String answer = RawHttp.exchange(this.port,
                "POST /api/v1/movie HTTP/1.1\r\nHost: localhost\r\n" + "Authorization: Bearer " + this.access
                        + "\r\nContent-Type: application/json\r\n" + "Content-Length: 100000000\r\n\r\n",
                "{\"title\":".getBytes(StandardCharsets.UTF_8), 5000);
        assertThat(answer).startsWith("HTTP/1.1 413");
        assertThat(RawHttp.body(answer)).isEqualTo(TOO_LARGE);
    }

    @Test
    void aChunkedBodyIsRefusedOnceItPassesTheLimit() {
        // One chunk past the limit and no final chunk: the server answers without reading
        // to the end.
        byte[] data = new byte[limit() + 1];
        Arrays.fill(data, (byte) 'x');
        String answer = RawHttp.exchange(this.port,
                "POST /api/v1/movie HTTP/1.1\r\nHost: localhost\r\n" + "Authorization: Bearer " + this.access
                        + "\r\nContent-Type: application/json\r\n" + "Transfer-Encoding: chunked\r\n\r\n",
                RawHttp.chunk(data), 5000);
        assertThat(answer).startsWith("HTTP/1.1 413");
        assertThat(answer).contains(TOO_LARGE);
    }

    @Test
    void chunkedBodiesOfEveryKindAreLimited() {
        long before = movies();
        byte[] json = movieOfSize(limit() * 2).getBytes(StandardCharsets.UTF_8);
        byte[] form = ("title=Big&year=2000&description=" + "x".repeat(limit() * 2)).getBytes(StandardCharsets.UTF_8);
        String boundary = "b0undary";
        byte[] multipart = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\n"
                + "x".repeat(limit() * 2) + "\r\n--" + boundary + "--\r\n")
            .getBytes(StandardCharsets.UTF_8);
        String movie = this.api.json("POST", "/api/v1/movie", this.access, Map.of("title", "Small", "year", 2001))
            .json()
            .get("id")
            .asString();
        for (Object[] call : new Object[][] { { "POST", "/api/v1/movie", "application/json", json },
                { "PUT", "/api/v1/movie/" + movie, "application/json", json },
                { "POST", "/api/v1/movie", "application/x-www-form-urlencoded", form },
                { "PUT", "/api/v1/movie/" + movie, "application/x-www-form-urlencoded", form },
                { "PATCH", "/api/v1/movie/" + movie, "application/x-www-form-urlencoded", form },
                { "POST", "/api/v1/movie", "multipart/form-data; boundary=" + boundary, multipart },
                { "POST", "/api/token", "application/json", json } }) {
            byte[] body = (byte[]) call[3];
            Reply reply = this.api.send(this.api.request((String) call[1])
                .method((String) call[0],
                        HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .header("Authorization", "Bearer " + this.access)
                .header("Content-Type", (String) call[2]));
            assertThat(reply.status()).as(call[0] + " " + call[2]).isEqualTo(413);
            assertThat(reply.body()).as(call[0] + " " + call[2]).isEqualTo(TOO_LARGE);
        }
        assertThat(movies()).isEqualTo(before + 1);
        assertThat(this.api.get("/api/v1/movie/" + movie).json().get("title").asString()).isEqualTo("Small");
    }

    @Test
    void anAcceptLanguageOfManyLocalesIsAnsweredNormally() {
        // Tomcat's default (10 locales) failed every later filter with a 500.
        String locales = String.join(",", java.util.Collections.nCopies(500, "en-GB;q=0.5"));
        Reply reply = this.api.send(this.api.request("/api/v1/movie").header("Accept-Language", locales).GET());
        assertThat(reply.status()).isEqualTo(200);
        Reply trace = this.api.send(this.api.request("/api/v1/movie")
            .header("Accept-Language", locales)
            .method("TRACE", HttpRequest.BodyPublishers.noBody()));
        assertThat(trace.status()).isEqualTo(405);
        assertThat(trace.body()).isEqualTo("{\"detail\":\"Method Not Allowed.\"}");
    }

    @Test
    void aWildcardContentTypeIs415EvenOnACorsRequest() {
        for (String type : new String[] { "*/*", "text/*" }) {
            Reply reply = this.api.send(this.api.request("/api/v1/movie")
                .header("Origin", "http://localhost:5173")
                .header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
            assertThat(reply.status()).as(type).isEqualTo(415);
            assertThat(reply.body())
                .isEqualTo("{\"detail\":\"Unsupported media type \\\"" + type + "\\\" in request.\"}");
        }
    }

    @Test
    void nulCharactersAreRefusedNotStored() {
        // PostgreSQL takes no NUL in text: these were 500s.
        Reply search = this.api.get("/api/v1/movie?search=%00");
        assertThat(search.status()).isEqualTo(400);
        assertThat(search.body()).isEqualTo("{\"detail\":\"Bad Request.\"}");
        long before = movies();
        Reply create = this.api.json("POST", "/api/v1/movie", this.access, Map.of("title", "a\u0000b", "year", 2000));
        assertThat(create.status()).isEqualTo(400);
        assertThat(create.body()).isEqualTo("{\"title\":[\"Null characters are not allowed.\"]}");
        Reply form = this.api.send("POST", "/api/v1/movie", this.access, "application/x-www-form-urlencoded",
                "title=a%00b&year=2000");
        assertThat(form.status()).isEqualTo(400);
        assertThat(movies()).isEqualTo(before);
    }

}
