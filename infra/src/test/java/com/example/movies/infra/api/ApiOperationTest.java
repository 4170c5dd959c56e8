package com.example.movies.infra.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the operations out of an OpenAPI document. */
class ApiOperationTest {

    @TempDir
    Path directory;

    @Test
    void readsEveryMethodOfEveryPathAndIgnoresPathLevelFields() throws IOException {
        Path document = write("""
                {"openapi": "3.1.0", "paths": {
                  "/api/v1/movie/{id}": {"parameters": [], "summary": "one movie", "get": {}, "delete": {}},
                  "/api/token": {"post": {}}
                }}""");

        assertThat(ApiOperation.readAll(document, Set.of())).extracting(ApiOperation::routeKey)
            .containsExactly("POST /api/token", "DELETE /api/v1/movie/{id}", "GET /api/v1/movie/{id}");
    }

    @Test
    void leavesOutTheOperationsOfFeaturesThatAreOff() throws IOException {
        Path document = write("""
                {"openapi": "3.1.0", "paths": {
                  "/api/token": {"post": {}},
                  "/api/v1/users/auth/registration": {"post": {"x-feature": "sign-up"}}
                }}""");

        assertThat(ApiOperation.readAll(document, Set.of())).extracting(ApiOperation::routeKey)
            .containsExactly("POST /api/token");
        assertThat(ApiOperation.readAll(document, Set.of("sign-up"))).extracting(ApiOperation::routeKey)
            .containsExactly("POST /api/token", "POST /api/v1/users/auth/registration");
    }

    @Test
    void refusesADocumentWithoutOperations() throws IOException {
        Path document = write("{\"openapi\": \"3.1.0\", \"paths\": {}}");
        assertThatThrownBy(() -> ApiOperation.readAll(document, Set.of())).hasMessageContaining("has no operations");
    }

    @Test
    void saysWhereTheDocumentComesFromWhenItIsMissing() {
        assertThatThrownBy(() -> ApiOperation.readAll(directory.resolve("openapi.json"), Set.of()))
            .isInstanceOf(UncheckedIOException.class)
            .hasMessageContaining("build movies-api first");
    }

    private Path write(String json) throws IOException {
        return Files.writeString(directory.resolve("openapi.json"), json);
    }

}
