package com.example.movies.server;

import java.io.IOException;
import java.net.InetSocketAddress;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The container's health-check command against a real (JDK) HTTP server. */
class HealthCheckTest {

    @Test
    void healthyOnlyOn2xx() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/up", (exchange) -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.createContext("/down", (exchange) -> {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            assertThat(HealthCheck.isHealthy(base + "/up")).isTrue();
            assertThat(HealthCheck.isHealthy(base + "/down")).isFalse();
            assertThat(HealthCheck.isHealthy(base + "/missing")).isFalse();
        }
        finally {
            server.stop(0);
        }
        assertThat(HealthCheck.isHealthy("http://127.0.0.1:1/actuator/health/readiness")).isFalse();
        assertThat(HealthCheck.DEFAULT_URL).isEqualTo("http://localhost:8080/actuator/health/liveness");
    }

}
