package com.example.movies.web.error;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.example.movies.Api;
import com.example.movies.Api.Reply;
import com.example.movies.Leaks;
import com.example.movies.PostgresIntegrationTest;
import com.example.movies.RawHttp;
import com.example.movies.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No answer tells a client about the implementation (stack traces, SQL, class names,
 * server banners), and every answer carries the security headers: successes, every kind
 * of error, and what Tomcat refuses before the app.
 */
@PostgresIntegrationTest
class ErrorLeaksApiTest {

    @LocalServerPort
    int port;

    @Autowired
    Api api;

    @Autowired
    TestUsers users;

    static void assertSecurityHeaders(String what, Reply reply) {
        assertThat(reply.header("X-Content-Type-Options")).as(what).hasValue("nosniff");
        assertThat(reply.header("X-Frame-Options")).as(what).hasValue("DENY");
        assertThat(reply.header("Content-Security-Policy")).as(what).hasValue("frame-ancestors 'none'");
        assertThat(reply.header("Referrer-Policy")).as(what).hasValue("no-referrer");
        assertThat(reply.header("Cache-Control").orElse("")).as(what).contains("no-store");
    }

    @Test
    void malformedJsonIsDescribedWithoutImplementationDetails() {
        List<String> bodies = List.of("{", "{\"title\"", "{\"title\": }", "[".repeat(2000) + "]".repeat(2000),
                "{\"a\":" + "1".repeat(1100) + "}", "{\"a\":\"\\x\"}", "nul", "{\"a\":1}}", "\u0000", "{'a':1}",
                "{\"a\":" + "{\"b\":".repeat(600) + "1" + "}".repeat(601));
        for (String body : bodies) {
            for (String path : List.of("/api/token", "/api/v1/users/auth/password/reset")) {
                Reply reply = this.api.json("POST", path, null, body);
                String what = path + " " + body.substring(0, Math.min(body.length(), 30));
                assertThat(reply.status()).as(what).isEqualTo(400);
                assertThat(reply.json().get("detail").asString()).as(what).startsWith("JSON parse error - ");
                Leaks.assertNone(what, reply.body());
            }
        }
        Reply invalidUtf8 = this.api.send(this.api.request("/api/token")
            .header("Content-Type", "application/json")
            .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(new byte[] { '{', '"', (byte) 0xff, '"' })));
        assertThat(invalidUtf8.status()).isEqualTo(400);
        Leaks.assertNone("invalid UTF-8", invalidUtf8.body());
    }

    @Test
    void malformedFormsAndMultipartsAre400s() {
        for (String[] call : new String[][] { { "application/x-www-form-urlencoded", "username=%zz&password=x" },
                { "application/x-www-form-urlencoded", "username=a&password=b&%00=c" },
                { "multipart/form-data", "username=a" }, { "multipart/form-data; boundary=x", "--y\r\n" } }) {
            Reply reply = this.api.send("POST", "/api/token", null, call[0], call[1]);
            assertThat(reply.status()).as(call[0]).isEqualTo(400);
            assertThat(reply.json().has("detail") || reply.json().has("username")).as(reply.toString()).isTrue();
            Leaks.assertNone(call[0], reply.body());
        }
    }

    @Test
    void everyKindOfAnswerCarriesTheSecurityHeaders() {
        String access = this.api.accessToken(this.users.create(false), TestUsers.PASSWORD);
        Map<String, Reply> replies = new LinkedHashMap<>();
        replies.put("200 public", this.api.get("/api/v1/movie"));
        replies.put("200 authenticated", this.api.get("/api/v1/users/auth/user", access));
        replies.put("201", this.api.json("POST", "/api/v1/movie", access, Map.of("title", "Headers", "year", 1)));
        replies.put("400", this.api.json("POST", "/api/v1/movie", access, "{"));
        replies.put("401 no token", this.api.get("/api/v1/users/auth/user"));
        replies.put("401 bad token", this.api.get("/api/v1/movie", "garbage"));
        replies.put("401 login", this.api.json("POST", "/api/token", null, Map.of("username", "x", "password", "y")));
        replies.put("403", this.api.get("/api/v1/users", access));
        replies.put("404", this.api.get("/api/v1/nothing"));
        replies.put("404 /error", this.api.get("/error"));
        replies.put("405", this.api.get("/api/token"));
        replies.put("405 TRACE", this.api.send("TRACE", "/api/v1/movie", null, null, null));
        replies.put("406", this.api.send(this.api.request("/api/v1/movie").header("Accept", "application/xml").GET()));
        replies.put("413", this.api.json("POST", "/api/token", null, "{\"a\":\"" + "x".repeat(1_100_000) + "\"}"));
        replies.put("415", this.api.send("POST", "/api/token", null, "text/plain", "x"));
        replies.put("400 firewall", this.api.get("/api/v1/movie;x=1"));
        for (Map.Entry<String, Reply> reply : replies.entrySet()) {
            assertSecurityHeaders(reply.getKey(), reply.getValue());
            if (reply.getValue().status() >= 400) {
                Leaks.assertNone(reply.getKey(), reply.getValue().body());
            }
            assertThat(reply.getValue().header("Server")).as(reply.getKey()).isEmpty();
        }
        assertThat(replies.get("406").body())
            .isEqualTo("{\"detail\":\"Could not satisfy the request Accept header.\"}");
        assertThat(replies.get("401 no token").header("Cache-Control").orElseThrow()).contains("no-store");
    }

    @Test
    void requestsTomcatRefusesAreAnsweredInTheContractsShape() {
        List<String> requests = new ArrayList<>();
        requests.add("GET /api/v1/movie/{x} HTTP/1.1\r\nHost: a\r\n\r\n");
        requests.add("GET /api/v1/movie%2Fx HTTP/1.1\r\nHost: a\r\n\r\n");
        requests.add("GET /api/v1/movie/%zz HTTP/1.1\r\nHost: a\r\n\r\n");
        requests.add("GET /api/v1/movie HTTP/1.1\r\nHost: a\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n");
        requests.add("GET /api/v1/movie HTTP/1.1\r\n\r\n");
        requests.add("GET /api/v1/movie HTTP/1.1\r\nHost: a b\r\n\r\n");
        requests.add("GET /api/v1/movie HTTP/9.9\r\nHost: a\r\n\r\n");
        requests.add("POST /api/token HTTP/1.1\r\nHost: a\r\nContent-Length: abc\r\n\r\n");
        requests.add("POST /api/token HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n");
        requests.add("FOO /api/v1/movie HTTP/1.1\r\nHost: a\r\n\r\n");
        requests.add("GET /api/v1/../../etc/passwd HTTP/1.1\r\nHost: a\r\n\r\n");
        for (String request : requests) {
            String what = request.substring(0, Math.min(request.indexOf('\r'), 60));
            String answer = RawHttp.exchange(this.port, request.replace("\r\n\r\n", "\r\nConnection: close\r\n\r\n"),
                    null, 5000);
            assertThat(RawHttp.status(answer)).as(what).isBetween(400, 505);
            String lower = answer.toLowerCase();
            assertThat(lower).as(what)
                .contains("x-content-type-options: nosniff", "x-frame-options: deny", "content-type: application/json");
            assertThat(RawHttp.body(answer)).as(what).matches("\\{\"detail\":\"[^\"]+\"}");
            Leaks.assertNone(what, RawHttp.body(answer));
        }
    }

}
