package com.example.movies.server;

import java.net.HttpURLConnection;
import java.net.URI;

/**
 * The container's health-check command (the JRE image has no curl):
 * {@code java -cp /app/classpath/* com.example.movies.server.HealthCheck [url]} exits 0
 * when the URL answers 2xx, else 1. Deliberately free of Spring so it starts in
 * milliseconds. It probes liveness, not readiness: ECS replaces a task whose check fails,
 * and a task whose database is away must stay (answering 503 at once, readiness DOWN) to
 * recover by itself when the database is back, not be restarted in a loop.
 */
public final class HealthCheck {

    static final String DEFAULT_URL = "http://localhost:8080/actuator/health/liveness";

    private static final int TIMEOUT_MILLIS = 3000;

    private HealthCheck() {
    }

    public static void main(String[] args) {
        System.exit(isHealthy((args.length > 0) ? args[0] : DEFAULT_URL) ? 0 : 1);
    }

    static boolean isHealthy(String url) {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
            connection.setConnectTimeout(TIMEOUT_MILLIS);
            connection.setReadTimeout(TIMEOUT_MILLIS);
            try {
                int status = connection.getResponseCode();
                return status >= 200 && status < 300;
            }
            finally {
                connection.disconnect();
            }
        }
        catch (Exception ex) {
            System.err.println("Health check of " + url + " failed: " + ex);
            return false;
        }
    }

}
