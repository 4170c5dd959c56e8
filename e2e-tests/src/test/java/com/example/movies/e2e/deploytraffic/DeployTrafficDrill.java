package com.example.movies.e2e.deploytraffic;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.movies.e2e.stack.Settings;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline's deploy measurement, as buildspec.yml runs it: {@code
 * scripts/deploy-traffic.sh start}, then {@code stop}, with the real traffic runner
 * ({@code java DeployTraffic.java}) against the packaged API on the machine's PostgreSQL,
 * signed in as the e2e staff user (a stand-in {@code aws} hands out its password, as
 * Secrets Manager does in the pipeline). Once with the API serving throughout, once with
 * the API killed mid-run: then the failures and the gap are counted and the stop fails,
 * which in the pipeline rolls the deploy back.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeployTrafficDrill {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    private static final Path SCRIPT = ROOT.resolve("scripts/deploy-traffic.sh");

    private static final String E2E_PASSWORD = "Deploy-traffic-" + Long.toHexString(System.nanoTime());

    private static final String DATABASE = "deploy_traffic_" + Long.toHexString(System.nanoTime());

    private static final Pattern COUNT = Pattern.compile("name=\"requests: (\\d+), of them (\\d+) failed\"");

    private static final Pattern GAP = Pattern.compile("name=\"longest gap between successful answers: (\\d+) ms\"");

    private static Process api;

    private static URI url;

    @TempDir
    static Path bin;

    @BeforeAll
    static void startTheApi() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres",
                "postgres", ""); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + DATABASE);
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        url = URI.create("http://127.0.0.1:" + port);
        Path log = Path.of(Settings.require("e2e.workDir")).resolveSibling("deploy-traffic-api.log");
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m", "-jar",
                        Path.of(Settings.require("e2e.apiJar")).normalize().toString()))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
        builder.environment()
            .putAll(Map.ofEntries(Map.entry("SPRING_PROFILES_ACTIVE", "prod"),
                    Map.entry("SERVER_PORT", String.valueOf(port)), Map.entry("DB_HOST", "127.0.0.1"),
                    Map.entry("DB_PORT", "5432"), Map.entry("DB_NAME", DATABASE), Map.entry("DB_USERNAME", "postgres"),
                    Map.entry("DB_PASSWORD", ""), Map.entry("MOVIES_JWT_SECRET", "deploy-traffic-" + "x".repeat(40)),
                    Map.entry("MOVIES_PASSWORD_RESET_SECRET", "deploy-traffic-reset-" + "x".repeat(40)),
                    Map.entry("MOVIES_ADMIN_USERNAME", "admin"),
                    Map.entry("MOVIES_ADMIN_PASSWORD", "Admin-" + Long.toHexString(System.nanoTime())),
                    Map.entry("MOVIES_E2E_USER_USERNAME", "e2e"), Map.entry("MOVIES_E2E_USER_PASSWORD", E2E_PASSWORD)));
        api = builder.start();
        awaitReady(log);
        Path aws = bin.resolve("aws");
        Files.writeString(aws,
                "#!/bin/sh\necho \"$*\" >> " + bin.resolve("aws-calls") + "\necho '" + E2E_PASSWORD + "'\n");
        Files.setPosixFilePermissions(aws, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @AfterAll
    static void stopTheApi() throws Exception {
        if (api != null) {
            api.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres",
                "postgres", ""); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
        }
        catch (SQLException e) {
            // best effort: a fresh name each run
        }
    }

    @Test
    @Order(1)
    void aDeployThatKeepsAnsweringPassesWithEveryRequestCounted(@TempDir Path dir) throws Exception {
        Run start = script(dir, "start", "0");
        assertThat(start.status()).as(start.output()).isZero();
        assertThat(start.output()).contains("deploy-traffic: sending requests to " + url);
        Thread.sleep(10_000);
        Run stop = script(dir, "stop");
        assertThat(stop.status()).as(stop.output()).isZero();
        String report = Files.readString(dir.resolve("TEST-deploy-traffic.xml"));
        Matcher count = COUNT.matcher(report);
        assertThat(count.find()).as(report).isTrue();
        // One request each 250 ms or slower on a busy machine: at least one write
        // round (one in 20) is among them.
        assertThat(Integer.parseInt(count.group(1))).as(report).isGreaterThan(DeployTraffic.WRITE_EVERY);
        assertThat(count.group(2)).isEqualTo("0");
        assertThat(report).contains("failures=\"0\"").doesNotContain("<failure");
        assertThat(Files.readAllLines(bin.resolve("aws-calls")))
            .containsExactly("secretsmanager get-secret-value --secret-id arn:e2e --query SecretString --output text");
        System.out.println(stop.output());
    }

    @Test
    @Order(2)
    void anApiStoppedMidRunIsCountedAsFailuresAndAGapAndFailsTheStop(@TempDir Path dir) throws Exception {
        Run start = script(dir, "start", "0");
        assertThat(start.status()).as(start.output()).isZero();
        Thread.sleep(2_000);
        Instant killed = Instant.now();
        api.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        Thread.sleep(3_000);
        Run stop = script(dir, "stop");
        long down = Duration.between(killed, Instant.now()).toMillis();
        assertThat(stop.status()).as(stop.output()).isEqualTo(1);
        assertThat(stop.output()).contains("deploy-traffic: the deploy failed its measurement under traffic");
        String report = Files.readString(dir.resolve("TEST-deploy-traffic.xml"));
        Matcher count = COUNT.matcher(report);
        Matcher gap = GAP.matcher(report);
        assertThat(count.find() && gap.find()).as(report).isTrue();
        assertThat(Integer.parseInt(count.group(2))).as(report).isPositive();
        // No successful answer from the kill to the end of the run.
        assertThat(Long.parseLong(gap.group(1))).as(report).isGreaterThanOrEqualTo(down - 1_500);
        assertThat(report).contains("name=\"no answer: ", "<failure message=\"");
        System.out.println(stop.output());
    }

    record Run(int status, String output) {
    }

    private static Run script(Path dir, String... arguments) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment()
            .putAll(Map.of("PATH", bin + ":" + System.getenv("PATH"), "DEPLOY_TRAFFIC_DIR", dir.toString(),
                    "PREVIOUS_GATEWAY_URL", url.toString(), "E2E_USERNAME", "e2e", "E2E_USER_SECRET_ARN", "arn:e2e"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(process.waitFor(), output);
    }

    private static void awaitReady(Path log) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(deadline)) {
            if (!api.isAlive()) {
                throw new IllegalStateException("movies-api exited, see " + log);
            }
            try {
                if (client
                    .send(HttpRequest.newBuilder(url.resolve("/actuator/health/readiness")).build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode() == 200) {
                    return;
                }
            }
            catch (IOException e) {
                // not yet listening
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("movies-api was not ready within 2 minutes, see " + log);
    }

}
