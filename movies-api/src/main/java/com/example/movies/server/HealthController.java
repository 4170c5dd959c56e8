package com.example.movies.server;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /ht/}, kept for clients of the original (django-health-check): JSON when asked
 * for, else a small page. Orchestrators use the actuator's liveness and readiness probes
 * instead.
 */
@RestController
@Tag(name = "system")
class HealthController {

    private final JdbcClient jdbc;

    HealthController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping(path = "/ht/", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Health check (compatibility); real probes are /actuator/health/{liveness,readiness}")
    ResponseEntity<Map<String, String>> json() {
        boolean up = databaseWorks();
        return ResponseEntity.status(up ? HttpStatus.OK : HttpStatus.INTERNAL_SERVER_ERROR)
            .body(Map.of("DatabaseBackend", up ? "working" : "unavailable"));
    }

    @GetMapping(path = "/ht/", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> html() {
        boolean up = databaseWorks();
        return ResponseEntity.status(up ? HttpStatus.OK : HttpStatus.INTERNAL_SERVER_ERROR)
            .body("<!doctype html><title>Health</title><p>DatabaseBackend: " + (up ? "working" : "unavailable"));
    }

    private boolean databaseWorks() {
        try {
            return this.jdbc.sql("SELECT 1").query(Integer.class).single() == 1;
        }
        catch (DataAccessException ex) {
            return false;
        }
    }

}
