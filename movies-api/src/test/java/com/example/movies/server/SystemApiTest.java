package com.example.movies.server;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.example.movies.Api;
import com.example.movies.Api.Reply;
import com.example.movies.PostgresIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Root, health, probes, docs, CORS and unknown paths of the API-only app (no UI bundled),
 * on PostgreSQL.
 */
@PostgresIntegrationTest
class SystemApiTest {

    @LocalServerPort
    int port;

    @Autowired
    Api api;

    @Test
    void rootSaysHelloWorldWithoutAUi() {
        Reply reply = this.api.get("/");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("Hello World!");
        assertThat(reply.header("Content-Type").orElseThrow()).startsWith("text/plain");
    }

    @Test
    void unknownPathsAreJson404sWithoutAUi() {
        for (String path : new String[] { "/login", "/dashboard", "/api/v1/nothing", "/index.html", "/ht",
                "/actuator/env", "/api/v1/users/" }) {
            Reply reply = this.api.get(path);
            assertThat(reply.status()).as(path).isEqualTo(404);
            assertThat(reply.body()).as(path).isEqualTo("{\"detail\":\"Not found.\"}");
        }
    }

    @Test
    void compatibilityHealthCheck() {
        Reply json = this.api.send(this.api.request("/ht/").header("Accept", "application/json").GET());
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.json().isObject()).isTrue();
        assertThat(json.json().get("DatabaseBackend").asString()).isEqualTo("working");
        Reply html = this.api.send(this.api.request("/ht/").header("Accept", "text/html").GET());
        assertThat(html.status()).isEqualTo(200);
        assertThat(html.body()).contains("working");
    }

    @Test
    void livenessAndReadinessProbes() {
        for (String probe : new String[] { "/actuator/health/liveness", "/actuator/health/readiness",
                "/actuator/health" }) {
            Reply reply = this.api.get(probe);
            assertThat(reply.status()).as(probe).isEqualTo(200);
            assertThat(reply.json().get("status").asString()).isEqualTo("UP");
        }
        assertThat(HealthCheck.isHealthy("http://127.0.0.1:" + this.port + "/actuator/health/readiness")).isTrue();
    }

    @Test
    void swaggerUiIsServedByTheApp() {
        Reply docs = this.api.get("/api/v1/docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.header("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(docs.body()).contains("swagger-ui/swagger-ui-bundle.js")
            .contains("api_schema")
            .doesNotContain("http");
        Reply bundle = this.api.get("/api/v1/swagger-ui/swagger-ui-bundle.js");
        assertThat(bundle.status()).isEqualTo(200);
        assertThat(bundle.body()).contains("SwaggerUIBundle");
        assertThat(this.api.get("/api/v1/swagger-ui/swagger-ui.css").status()).isEqualTo(200);
    }

    @Test
    void corsPreflightAllowsEveryOriginLocally() {
        Reply reply = this.api.send(this.api.request("/api/v1/movie")
            .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody())
            .header("Origin", "http://localhost:5173")
            .header("Access-Control-Request-Method", "POST")
            .header("Access-Control-Request-Headers", "authorization, content-type, x-api-key"));
        assertThat(reply.status()).isIn(200, 204);
        assertThat(reply.header("Access-Control-Allow-Origin")).hasValue("http://localhost:5173");
        assertThat(reply.header("Access-Control-Allow-Methods").orElseThrow().replace(" ", ""))
            .isEqualTo("DELETE,GET,OPTIONS,PATCH,POST,PUT");
        assertThat(reply.header("Access-Control-Allow-Headers").orElseThrow()).contains("authorization", "content-type",
                "x-api-key");
        assertThat(reply.header("Access-Control-Max-Age")).hasValue("86400");
    }

    @Test
    void errorsOutsideSpringMvcKeepTheDrfShape() {
        Reply reply = this.api.get("/error");
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.body()).isEqualTo("{\"detail\":\"Not found.\"}");
    }

}
