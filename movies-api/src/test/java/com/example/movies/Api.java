package com.example.movies;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client for the running app: any method, body and content type, as a real
 * client sends them.
 */
public final class Api {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final String base;

    public Api(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public record Reply(int status, Map<String, List<String>> headers, String body) {

        public JsonNode json() {
            return JSON.readTree(this.body);
        }

        public Optional<String> header(String name) {
            return this.headers.entrySet()
                .stream()
                .filter((header) -> header.getKey().equalsIgnoreCase(name))
                .map((header) -> String.join(", ", header.getValue()))
                .findFirst();
        }

        @Override
        public String toString() {
            return this.status + " " + this.body;
        }

    }

    public Reply get(String path) {
        return send("GET", path, null, null, null);
    }

    public Reply get(String path, String token) {
        return send("GET", path, token, null, null);
    }

    /**
     * Sends a JSON body: a String as it is (so malformed JSON can be sent), anything else
     * serialized.
     */
    public Reply json(String method, String path, String token, Object body) {
        String text = (body instanceof String string) ? string : JSON.writeValueAsString(body);
        return send(method, path, token, "application/json", text);
    }

    public Reply send(String method, String path, String token, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
            .method(method,
                    (body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request);
    }

    public Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().map(), response.body());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(this.base + path));
    }

    /** An access token from {@code /api/token}. */
    public String accessToken(String username, String password) {
        return tokens(username, password).get("access").asString();
    }

    public JsonNode tokens(String username, String password) {
        Reply reply = json("POST", "/api/token", null, Map.of("username", username, "password", password));
        if (reply.status() != 200) {
            throw new IllegalStateException("Could not sign in as " + username + ": " + reply);
        }
        return reply.json();
    }

}
