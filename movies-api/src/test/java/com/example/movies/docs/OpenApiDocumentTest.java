package com.example.movies.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import com.example.movies.Api;
import com.example.movies.Api.Reply;
import com.example.movies.PostgresIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document describes every operation of the contract with schemas and
 * security, and the build keeps it as {@code target/openapi/openapi.json} (attached as
 * the {@code openapi} artifact) for the infra module's gateway routes.
 */
@PostgresIntegrationTest
class OpenApiDocumentTest {

    static final Path OPENAPI_FILE = Path.of("target", "openapi", "openapi.json");

    static final Path FRONTEND_COPY = Path.of("..", "frontend", "openapi.json");

    @Autowired
    Api api;

    @Test
    void documentsEveryOperationAndIsWrittenForTheBuild() throws IOException {
        Reply reply = this.api.get("/api/v1/api_schema");
        assertThat(reply.status()).isEqualTo(200);
        JsonNode document = reply.json();
        assertThat(document.get("openapi").asString()).startsWith("3.");
        assertThat(document.get("servers").get(0).get("url").asString()).isEqualTo("/");
        assertThat(operations(document)).containsExactlyInAnyOrder("GET /", "GET /ht/", "GET /api/v1/movie",
                "POST /api/v1/movie", "GET /api/v1/movie/{id}", "PUT /api/v1/movie/{id}", "PATCH /api/v1/movie/{id}",
                "DELETE /api/v1/movie/{id}", "POST /api/token", "POST /api/token/refresh", "GET /api/v1/users",
                "POST /api/v1/users/auth/login", "POST /api/v1/users/auth/logout", "GET /api/v1/users/auth/user",
                "PUT /api/v1/users/auth/user", "PATCH /api/v1/users/auth/user",
                "POST /api/v1/users/auth/password/change", "POST /api/v1/users/auth/password/reset",
                "POST /api/v1/users/auth/password/reset/confirm", "POST /api/v1/users", "GET /api/v1/users/{pk}",
                "PATCH /api/v1/users/{pk}", "DELETE /api/v1/users/{pk}", "POST /api/v1/users/{pk}/password-reset",
                "POST /api/v1/users/auth/registration", "POST /api/v1/users/auth/registration/verify-email",
                "POST /api/v1/users/auth/registration/resend-email");
        assertThat(document.get("paths").get("/api/v1/users/auth/registration").get("post").get("x-feature").asString())
            .as("the marker by which the infra routes sign-up only where it is on")
            .isEqualTo("sign-up");

        JsonNode paths = document.get("paths");
        assertThat(paths.get("/api/v1/movie")
            .get("post")
            .get("requestBody")
            .get("content")
            .get("application/json")
            .get("schema")
            .get("$ref")
            .asString()).endsWith("/MovieRequest");
        assertThat(paths.get("/api/v1/movie").get("post").get("security").get(0).has("bearerAuth")).isTrue();
        assertThat(paths.get("/api/v1/movie/{id}").get("get").get("responses").get("200").toString()).contains("Movie");
        assertThat(document.get("components").get("securitySchemes").get("bearerAuth").get("scheme").asString())
            .isEqualTo("bearer");
        assertThat(document.get("components").get("schemas").get("Movie").get("properties").has("slug")).isTrue();
        for (String operation : List.of("post /api/v1/movie", "put /api/v1/movie/{id}", "patch /api/v1/movie/{id}",
                "post /api/token", "post /api/token/refresh", "post /api/v1/users/auth/login",
                "post /api/v1/users/auth/password/change", "put /api/v1/users/auth/user")) {
            String[] parts = operation.split(" ");
            assertThat(paths.get(parts[1]).get(parts[0]).has("requestBody")).as(operation).isTrue();
        }

        Files.createDirectories(OPENAPI_FILE.getParent());
        Files.writeString(OPENAPI_FILE, reply.body());
    }

    /**
     * The UI's request and answer types are generated from {@code frontend/openapi.json}
     * when the frontend is built (before this module, which carries it). This keeps that
     * copy the document the API serves, so a change of the API fails here until the copy
     * is updated, and then fails the frontend's build until the UI follows.
     */
    @Test
    void theFrontendsCopyIsTheServedDocument() throws IOException {
        JsonNode served = this.api.get("/api/v1/api_schema").json();
        if (Boolean.getBoolean("openapi.update")) {
            Files.writeString(FRONTEND_COPY, served.toPrettyString() + "\n");
        }
        assertThat(FRONTEND_COPY).as("frontend/openapi.json").exists();
        assertThat(JsonMapper.shared().readTree(FRONTEND_COPY.toFile()))
            .as("frontend/openapi.json is not the document the API serves: run "
                    + "./mvnw -pl movies-api test -Dtest=OpenApiDocumentTest -Dopenapi.update=true, "
                    + "then build the frontend and make the UI follow what its type check reports")
            .isEqualTo(served);
    }

    static List<String> operations(JsonNode document) {
        List<String> operations = new ArrayList<>();
        document.get("paths")
            .properties()
            .forEach((path) -> path.getValue()
                .properties()
                .forEach((method) -> operations.add(method.getKey().toUpperCase() + " " + path.getKey())));
        return operations;
    }

}
