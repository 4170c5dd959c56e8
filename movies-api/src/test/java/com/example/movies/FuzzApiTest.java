package com.example.movies;

import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSetMetaData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.example.movies.Api.Reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.bigIntegers;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

/**
 * Property-based fuzzing (QuickTheories) of every operation of the OpenAPI document, over
 * real HTTP on PostgreSQL: random methods, paths, query strings, headers, credentials,
 * content types and bodies (JSON of random shapes, types, sizes and scripts, malformed
 * JSON, forms, multiparts). For every request: no 5xx, no implementation detail in an
 * error, and when the answer is a 4xx the stored movies, users and revoked tokens are
 * exactly as before. {@code movies.fuzz.tries} requests (Maven property; the
 * {@code drills} profile raises it); a failure prints the shrunk request and the seed
 * ({@code -DQT_SEED=...} replays it).
 */
@PostgresIntegrationTest
class FuzzApiTest {

    static final int TRIES = Integer.getInteger("movies.fuzz.tries", 300);

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    static final List<String> SNAPSHOT = List.of(
            "SELECT id, title, description, slug, release_year, created, modified FROM movie ORDER BY id",
            "SELECT id, username, email, first_name, last_name, password, is_staff, is_active, date_joined, last_login "
                    + "FROM app_user ORDER BY id",
            "SELECT jti, expires_at FROM revoked_token ORDER BY jti");

    static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD");

    static final List<String> ODD_METHODS = List.of("TRACE", "PROPFIND", "FOO", "get", "M-SEARCH");

    /** Requests whose connection was closed before an answer (and were sent again). */
    final AtomicInteger dropped = new AtomicInteger();

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Api api;

    @Autowired
    TestUsers users;

    /**
     * One operation of the document: its path, the methods of that path, body fields and
     * query parameters.
     */
    record Operation(String path, String method, List<String> pathMethods, List<String> fields, List<String> query) {

        @Override
        public String toString() {
            return this.method + " " + this.path;
        }

    }

    /** One generated request. */
    record Call(Operation operation, String method, String path, String credentials, String contentType, String body,
            Map<String, String> headers) {

        /** Everything the client wrote, decoded: what an answer may echo. */
        String sent() {
            String decoded;
            try {
                decoded = URLDecoder.decode(this.path, StandardCharsets.UTF_8);
            }
            catch (IllegalArgumentException ex) {
                decoded = this.path;
            }
            return String.join("\n", decoded, this.path, Objects.toString(this.body, ""),
                    String.join("\n", this.headers.values()));
        }

        @Override
        public String toString() {
            String shown = (this.body == null) ? "(no body)" : (this.body.length() > 300)
                    ? this.body.substring(0, 300) + "... (" + this.body.length() + " chars)" : this.body;
            return this.method + " " + this.path + " [" + this.operation + "] as " + this.credentials + ", "
                    + this.contentType + ", headers " + this.headers + ": " + shown;
        }

    }

    @Test
    void noRequestIsAServerErrorAndRejectedOnesChangeNothing() {
        List<Operation> operations = operations(this.api.get("/api/v1/api_schema").json());
        assertThat(operations).extracting(Operation::path)
            .contains("/api/v1/movie", "/api/v1/movie/{id}", "/api/token", "/api/token/refresh", "/api/v1/users",
                    "/api/v1/users/auth/login", "/api/v1/users/auth/logout", "/api/v1/users/auth/user",
                    "/api/v1/users/auth/password/change", "/api/v1/users/auth/password/reset",
                    "/api/v1/users/auth/password/reset/confirm");

        String user = this.users.create(false);
        JsonNode userTokens = this.api.tokens(user, TestUsers.PASSWORD);
        String staffAccess = this.api.accessToken(this.users.create(true), TestUsers.PASSWORD);
        Map<String, String> credentials = new LinkedHashMap<>();
        credentials.put("user", userTokens.get("access").asString());
        credentials.put("staff", staffAccess);
        credentials.put("refresh token", userTokens.get("refresh").asString());
        credentials.put("garbage", "x.y.z");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(this.api
                .json("POST", "/api/v1/movie", credentials.get("user"), Map.of("title", "Fuzz " + i, "year", i))
                .json()
                .get("id")
                .asString());
        }
        ids.add(UUID.randomUUID().toString());
        ids.add("not-a-uuid");
        ids.add(URLEncoder.encode("é/../😀", StandardCharsets.UTF_8));
        credentials.put("none", null);

        Map<String, AtomicInteger> statuses = new TreeMap<>();
        Map<String, AtomicInteger> called = new TreeMap<>();
        String[] stored = { snapshot() };
        long start = System.nanoTime();
        try {
            qt().withExamples(TRIES)
                .withShrinkCycles(30)
                .forAll(calls(operations, ids, credentials))
                .checkAssert((call) -> {
                    Reply reply = send(call, credentials.get(call.credentials()));
                    statuses.computeIfAbsent(Integer.toString(reply.status()), (key) -> new AtomicInteger())
                        .incrementAndGet();
                    called.computeIfAbsent(call.operation().toString(), (key) -> new AtomicInteger()).incrementAndGet();
                    assertThat(reply.status()).as("%s%n -> %s", call, reply).isLessThan(500);
                    String after = snapshot();
                    if (reply.status() >= 400) {
                        assertThat(after).as("stored data changed by a refused request: %s%n -> %s", call, reply)
                            .isEqualTo(stored[0]);
                        Leaks.assertNoneBut(call.sent(), call.toString(), reply.body());
                    }
                    stored[0] = after;
                });
        }
        finally {
            // The fuzz's failed sign-ins must not throttle the tests that run after it
            // from the same address.
            this.jdbc.sql("DELETE FROM login_attempt").update();
            System.out.printf("FuzzApiTest: %d tries in %d ms; statuses %s; connections dropped %d; operations %s%n",
                    TRIES, (System.nanoTime() - start) / 1_000_000, statuses, this.dropped.get(), called);
        }
        assertThat(called.keySet()).as("every operation was called")
            .containsAll(operations.stream().map(Operation::toString).toList());
    }

    /**
     * Every operation of the OpenAPI document, with the property names of its body and
     * its query parameters.
     */
    static List<Operation> operations(JsonNode document) {
        List<Operation> operations = new ArrayList<>();
        document.get("paths").properties().forEach((path) -> {
            List<String> methods = new ArrayList<>();
            path.getValue().properties().forEach((method) -> methods.add(method.getKey().toUpperCase()));
            path.getValue().properties().forEach((method) -> {
                JsonNode operation = method.getValue();
                List<String> fields = new ArrayList<>();
                operation.path("requestBody").path("content").forEach((content) -> {
                    JsonNode schema = content.path("schema");
                    if (schema.has("$ref")) {
                        String name = schema.get("$ref").asString().replace("#/components/schemas/", "");
                        schema = document.path("components").path("schemas").path(name);
                    }
                    schema.path("properties").properties().forEach((property) -> fields.add(property.getKey()));
                });
                List<String> query = new ArrayList<>();
                operation.path("parameters").forEach((parameter) -> {
                    if ("query".equals(parameter.path("in").asString())) {
                        query.add(parameter.path("name").asString());
                    }
                });
                operations.add(new Operation(path.getKey(), method.getKey().toUpperCase(), methods,
                        fields.stream().distinct().toList(), query));
            });
        });
        return operations;
    }

    static Gen<Call> calls(List<Operation> operations, List<String> ids, Map<String, String> credentials) {
        Gen<String> credential = Generate.pick(new ArrayList<>(credentials.keySet()));
        return Generate.pick(operations)
            .flatMap((operation) -> method(operation).zip(path(operation, ids), credential, contentAndBody(operation),
                    headers(), (method, path, who, body, headers) -> new Call(operation, method, path, who, body[0],
                            body[1], headers)));
    }

    static Gen<String> method(Operation operation) {
        return Generate.frequency(Pair.of(6, Generate.constant(operation.method())),
                Pair.of(2, Generate.pick(operation.pathMethods())), Pair.of(2, Generate.pick(METHODS)),
                Pair.of(1, Generate.pick(ODD_METHODS)));
    }

    static Gen<String> path(Operation operation, List<String> ids) {
        Gen<String> path = operation.path().contains("{id}")
                ? Generate.pick(ids).map((id) -> operation.path().replace("{id}", id))
                : Generate.constant(operation.path());
        Gen<String> suffix = Generate.frequency(Pair.of(10, Generate.constant("")), Pair.of(1, Generate.constant("/")),
                Pair.of(1, text().map((text) -> "/" + encode(text))));
        Gen<String> query = lists()
            .of(Generate.pick(queryNames(operation)).zip(text(), (name, value) -> encode(name) + "=" + encode(value)))
            .ofSizeBetween(0, 3)
            .map((pairs) -> pairs.isEmpty() ? "" : "?" + String.join("&", pairs));
        return path.zip(suffix, query, (base, tail, parameters) -> base + tail + parameters);
    }

    static List<String> queryNames(Operation operation) {
        List<String> names = new ArrayList<>(operation.query());
        names.addAll(List.of("format", "page", "search", "year", "access_token"));
        return names;
    }

    /**
     * A content type and a body: mostly JSON objects of the operation's fields, also
     * everything else.
     */
    static Gen<String[]> contentAndBody(Operation operation) {
        Gen<ObjectNode> object = object(2, operation.fields());
        Gen<ObjectNode> flat = object(0, operation.fields());
        return Generate.frequency(
                Pair.of(8, object.map((body) -> new String[] { "application/json", body.toString() })),
                Pair.of(2, value(2).map((body) -> new String[] { "application/json", body.toString() })),
                Pair.of(2, text().map((body) -> new String[] { "application/json", body })),
                Pair.of(2, flat.map((body) -> new String[] { "application/x-www-form-urlencoded", form(body) })),
                Pair.of(1, flat
                    .map((body) -> new String[] { "multipart/form-data; boundary=fuzzb0undary", multipart(body) })),
                Pair.of(1,
                        Generate
                            .pick(List.of("text/plain", "application/xml", "x/y;;", "application/json; charset=utf-16",
                                    "multipart/form-data", "application/merge-patch+json", "*/*"))
                            .zip(object, (type, body) -> new String[] { type, body.toString() })),
                Pair.of(2, Generate.constant(() -> new String[] { null, null })));
    }

    static Gen<Map<String, String>> headers() {
        Gen<String> accept = Generate.pick(List.of("", "application/json", "*/*", "text/html", "application/xml",
                "garbage;;", "application/json;q=0", "text/*"));
        Gen<String> forwarded = Generate.pick(List.of("", "203.0.113.9", "::1", "' OR 1=1", "1.2.3.4, 5.6.7.8"));
        Gen<String> origin = Generate.pick(List.of("", "http://evil.example", "null", "http://localhost:5173"));
        Gen<String> extra = text().map(FuzzApiTest::headerValue);
        return accept.zip(forwarded, origin, extra, (acceptValue, forwardedValue, originValue, extraValue) -> {
            Map<String, String> headers = new TreeMap<>();
            put(headers, "Accept", acceptValue);
            put(headers, "X-Forwarded-For", forwardedValue);
            put(headers, "X-Client-Ip", forwardedValue);
            put(headers, "Origin", originValue);
            put(headers, "X-Fuzz", extraValue);
            put(headers, "Accept-Language", extraValue);
            put(headers, "Cookie", extraValue);
            return headers;
        });
    }

    static void put(Map<String, String> headers, String name, String value) {
        if (!value.isBlank()) {
            headers.put(name, value);
        }
    }

    /** What HTTP allows in a header value: visible ASCII, spaces and Latin-1. */
    static String headerValue(String text) {
        return text.codePoints()
            .filter((c) -> (c >= 0x20 && c < 0x7f) || (c >= 0xa0 && c <= 0xff))
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
            .toString()
            .strip();
    }

    /**
     * Texts of every kind: names, scripts, emoji, control characters, injections, long
     * ones.
     */
    static Gen<String> text() {
        return Generate.frequency(Pair.of(3, strings().basicLatinAlphabet().ofLengthBetween(0, 12)),
                Pair.of(2, strings().basicMultilingualPlaneAlphabet().ofLengthBetween(0, 20)),
                Pair.of(1, strings().allPossible().ofLengthBetween(0, 8)),
                Pair.of(3,
                        Generate.pick(List.of("", " ", "admin", "null", "1999", "1998.0", "-1", "1e400", "0x10",
                                "<script>alert(1)</script>", "' OR 1=1 --", "\u0000", "😀🎬", "\u202Eevil", "a@b.co",
                                "../../etc/passwd", "%00", "{\"a\":1}", "ǅungla", "İ", "\uFEFF", "x".repeat(300)))),
                Pair.of(1, strings().basicLatinAlphabet().ofLengthBetween(1000, 5000)));
    }

    static Gen<JsonNode> scalar() {
        return Generate.frequency(Pair.of(4, text().map((text) -> (JsonNode) NODES.stringNode(text))),
                Pair.of(2, integers().all().map((n) -> (JsonNode) NODES.numberNode(n))),
                Pair.of(1, longs().all().map((n) -> (JsonNode) NODES.numberNode(n))),
                Pair.of(1, doubles().any().map((n) -> (JsonNode) NODES.numberNode(n))),
                Pair.of(1, bigIntegers().ofBytes(24).map((n) -> (JsonNode) NODES.numberNode(n))),
                Pair.of(1, booleans().all().map((b) -> (JsonNode) NODES.booleanNode(b))),
                Pair.of(1, Generate.constant(() -> (JsonNode) NODES.nullNode())));
    }

    static Gen<JsonNode> value(int depth) {
        if (depth == 0) {
            return scalar();
        }
        return Generate.frequency(Pair.of(5, scalar()),
                Pair.of(1, lists().of(value(depth - 1)).ofSizeBetween(0, 4).map((items) -> {
                    ArrayNode array = NODES.arrayNode();
                    items.forEach(array::add);
                    return (JsonNode) array;
                })), Pair.of(1, object(depth - 1, List.of()).map((object) -> (JsonNode) object)));
    }

    /** An object of some of the given fields (and some others), each of any type. */
    static Gen<ObjectNode> object(int depth, List<String> fields) {
        Gen<String> key = fields.isEmpty() ? text()
                : Generate.frequency(Pair.of(4, Generate.pick(fields)), Pair.of(1, text()));
        return lists().of(key.zip(value(depth), (name, value) -> Map.entry(name, value)))
            .ofSizeBetween(0, 6)
            .map((entries) -> {
                ObjectNode object = NODES.objectNode();
                entries.forEach((entry) -> object.set(entry.getKey(), entry.getValue()));
                return object;
            });
    }

    static String form(ObjectNode fields) {
        return fields.properties()
            .stream()
            .map((field) -> encode(field.getKey()) + "="
                    + encode(field.getValue().isString() ? field.getValue().asString() : field.getValue().toString()))
            .collect(Collectors.joining("&"));
    }

    static String multipart(ObjectNode fields) {
        StringBuilder body = new StringBuilder();
        fields.properties()
            .forEach((field) -> body.append("--fuzzb0undary\r\nContent-Disposition: form-data; name=\"")
                .append(field.getKey().replace("\"", "").replace("\r", "").replace("\n", ""))
                .append("\"\r\n\r\n")
                .append(field.getValue().isString() ? field.getValue().asString() : field.getValue().toString())
                .append("\r\n"));
        return body.append("--fuzzb0undary--\r\n").toString();
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    Reply send(Call call, String token) {
        HttpRequest.Builder request;
        try {
            request = this.api.request(call.path())
                .timeout(Duration.ofSeconds(30))
                .method(call.method(), (call.body() != null) ? HttpRequest.BodyPublishers.ofString(call.body())
                        : HttpRequest.BodyPublishers.noBody());
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            if (call.contentType() != null) {
                request.header("Content-Type", call.contentType());
            }
            call.headers().forEach(request::header);
        }
        catch (IllegalArgumentException ex) {
            // Not a request HTTP can carry (the client refuses it): nothing to check.
            return new Reply(400, Map.of(), "{}");
        }
        // Tomcat refuses some requests before reading their body (an encoded slash in the
        // path, headers over
        // 8 KB) and closes the connection: a client still sending the body may lose the
        // answer to a TCP reset.
        // That is a transport race, not an answer: the same request is sent again.
        for (int attempt = 1;; attempt++) {
            try {
                return this.api.send(request);
            }
            catch (UncheckedIOException ex) {
                if (this.dropped.incrementAndGet() <= 5) {
                    System.out.println("FuzzApiTest: connection dropped before an answer to " + call.method() + " "
                            + call.path() + " (" + call.contentType() + ", "
                            + ((call.body() != null) ? call.body().length() : 0) + " chars): " + ex.getCause());
                }
                if (attempt == 3) {
                    throw ex;
                }
            }
        }
    }

    /** A digest of the stored movies, users and revoked tokens. */
    String snapshot() {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
        for (String sql : SNAPSHOT) {
            this.jdbc.sql(sql).query((row) -> {
                ResultSetMetaData columns = row.getMetaData();
                for (int i = 1; i <= columns.getColumnCount(); i++) {
                    digest.update(String.valueOf(row.getObject(i)).getBytes(StandardCharsets.UTF_8));
                    digest.update((byte) 0);
                }
            });
        }
        return HexFormat.of().formatHex(digest.digest());
    }

}
