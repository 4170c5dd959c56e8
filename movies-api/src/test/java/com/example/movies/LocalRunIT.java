package com.example.movies;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.example.movies.Api.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's local run: the packaged jar started with no arguments and no configuration
 * (only a free port) serves the bundled React build at {@code /} and its client routes,
 * with the API, its demo data and admin/admin on the same origin.
 */
class LocalRunIT {

    private static final Path JAR = Path.of(System.getProperty("movies.jar", "target/movies-api.jar"));

    private static Process app;

    private static Path log;

    private static Api api;

    @BeforeAll
    static void start() throws Exception {
        assertThat(JAR).as("the packaged jar (run after mvn package)").isRegularFile();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        log = Files.createTempFile("local-run", ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf((name) -> name.startsWith("SPRING_") || name.startsWith("MOVIES_"));
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        app = builder.start();
        api = new Api(port);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (!healthy()) {
            assertThat(app.isAlive()).as("the app is running; its log:%n%s", Files.readString(log)).isTrue();
            assertThat(Instant.now()).as("the app answers within 90 s; its log:%n%s", Files.readString(log))
                .isBefore(deadline);
            Thread.sleep(200);
        }
    }

    private static boolean healthy() {
        try {
            return api.get("/actuator/health/readiness").status() == 200;
        }
        catch (RuntimeException ex) {
            return false;
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.destroy();
            assertThat(app.waitFor(30, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
        }
        if (log != null) {
            Files.deleteIfExists(log);
        }
    }

    @Test
    void servesTheReactBuildAndItsClientRoutes() {
        Reply index = api.get("/");
        assertThat(index.status()).isEqualTo(200);
        assertThat(index.header("Content-Type")).hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
        assertThat(index.body()).contains("<div id=\"root\"></div>");
        for (String route : List.of("/login", "/dashboard")) {
            assertThat(api.get(route).body()).as(route).isEqualTo(index.body());
        }
        Matcher script = Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"").matcher(index.body());
        assertThat(script.find()).as("index.html loads a hashed script").isTrue();
        Reply asset = api.get(script.group(1));
        assertThat(asset.status()).isEqualTo(200);
        assertThat(asset.header("Content-Type")).hasValueSatisfying((type) -> assertThat(type).contains("javascript"));
        assertThat(api.get("/config.js").status()).isEqualTo(200);
    }

    @Test
    void servesTheApiWithDemoDataAndTheLocalAdmin() {
        assertThat(api.get("/api/v1/movie").json().size()).isEqualTo(5);
        assertThat(api.accessToken("admin", "admin")).isNotBlank();
        assertThat(api.get("/api/v1/nothing").status()).isEqualTo(404);
    }

}
