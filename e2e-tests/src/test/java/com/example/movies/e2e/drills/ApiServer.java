package com.example.movies.e2e.drills;

import com.example.movies.e2e.stack.Settings;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged movies-api jar as ECS runs it: the production profile, its database from
 * the {@code DB_*} variables, a free port; its output in
 * {@code target/drills/<name>.log}.
 */
final class ApiServer implements AutoCloseable {

    static final String ADMIN_USERNAME = "admin";
    static final String ADMIN_PASSWORD = "Drill-admin-" + Long.toHexString(System.nanoTime());

    private static final HttpClient PROBE = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final URI url;

    final Path log;

    private final Process process;

    private ApiServer(URI url, Path log, Process process) {
        this.url = url;
        this.log = log;
        this.process = process;
    }

    static ApiServer start(String name, PrivatePostgres postgres, String database, Map<String, String> extraEnvironment)
            throws IOException, InterruptedException {
        Path jar = Path.of(Settings.require("e2e.apiJar")).normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    "No movies-api jar at " + jar + ": run ./mvnw install (or package movies-api) first");
        }
        Path log = Path.of(Settings.require("e2e.workDir")).resolveSibling("drills").resolve(name + ".log").normalize();
        Files.createDirectories(log.getParent());
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Map<String, String> environment = new HashMap<>(
                Map.of("SPRING_PROFILES_ACTIVE", "prod", "SERVER_PORT", String.valueOf(port), "DB_HOST", "127.0.0.1",
                        "DB_PORT", String.valueOf(postgres.port), "DB_NAME", database, "DB_USERNAME", "postgres",
                        "DB_PASSWORD", "", "MOVIES_JWT_SECRET", "drill-signing-key-" + "x".repeat(40),
                        "MOVIES_ADMIN_USERNAME", ADMIN_USERNAME, "MOVIES_ADMIN_PASSWORD", ADMIN_PASSWORD));
        environment.put("MOVIES_PASSWORD_RESET_SECRET", "drill-reset-key-" + "x".repeat(40));
        environment.putAll(extraEnvironment);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // The heap of the deployed task (75% of 512 MiB).
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx384m", "-jar", jar.toString()))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        ApiServer server = new ApiServer(URI.create("http://127.0.0.1:" + port), log, process);
        server.awaitReady(Duration.ofSeconds(90));
        return server;
    }

    private void awaitReady(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("movies-api exited with " + process.exitValue() + ", see " + log);
            }
            if (readinessStatus() == 200) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("movies-api was not ready within " + timeout + ", see " + log);
    }

    /** The readiness probe's status, or -1 when nothing answers. */
    int readinessStatus() {
        try {
            return PROBE
                .send(HttpRequest.newBuilder(url.resolve("/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(5))
                    .build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
        }
        catch (IOException e) {
            return -1;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /**
     * Whether the server accepts a new TCP connection (a fresh one, unlike an HTTP
     * client's pooled connections).
     */
    boolean accepting() {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress(url.getHost(), url.getPort()), 1_000);
            return true;
        }
        catch (IOException e) {
            return false;
        }
    }

    /**
     * The JVM's live threads (Linux: /proc/pid/status), or -1 once the process is gone.
     */
    int threads() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                if (line.startsWith("Threads:")) {
                    return Integer.parseInt(line.substring("Threads:".length()).trim());
                }
            }
        }
        catch (IOException | NumberFormatException e) {
            // gone
        }
        return -1;
    }

    /** SIGTERM, as ECS sends it to stop a task. */
    void terminate() {
        process.destroy();
    }

    /**
     * Waits for the process to end; its exit code, or empty if it is still running after
     * {@code timeout}.
     */
    java.util.OptionalInt awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)
                ? java.util.OptionalInt.of(process.exitValue()) : java.util.OptionalInt.empty();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

}
