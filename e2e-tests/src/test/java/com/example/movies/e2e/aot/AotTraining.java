package com.example.movies.e2e.aot;

import com.example.movies.e2e.stack.Secrets;
import com.example.movies.e2e.stack.Settings;
import com.example.movies.e2e.stack.Stack;
import com.example.movies.e2e.support.Api;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Volume;
import io.restassured.http.ContentType;
import io.restassured.http.Method;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * Step 2 of {@code scripts/api-image.sh}: the training run that makes the API image's AOT
 * cache. The image as Jib built it ({@code aot.image}, the id in
 * {@code movies-api/target/jib-image.id}) runs without a database: profile prod (the one
 * its Spring AOT was made for, the image's default) on an in-memory H2 with throwaway
 * secrets, and {@code -XX:AOTCacheOutput=/aot/app.aot} on {@code aot.dir}. Once it is
 * ready it answers 40 rounds of every kind of request a task answers (C2's profiles need
 * repetition): probes, sign-in and refresh, the movie reads and writes, the users' reads,
 * and the refusals (400, 401, 404), each of which must answer its status. Then it gets
 * SIGTERM, as ECS stops a task, and at exit its JVM writes the cache of what the run
 * loaded, linked and profiled: the exit must be 143 (or 0) and {@code app.aot} not empty.
 * The container's output is kept in {@code aot.dir/training.log}.
 *
 * <p>
 * Not part of the suite (its name matches neither surefire's nor failsafe's includes):
 * the script runs it alone, {@code ./mvnw -pl e2e-tests test -Dtest=AotTraining
 * -Daot.image=<image> -Daot.dir=<directory>}.
 */
class AotTraining {

    private static final int ROUNDS = 40;

    private static final int PORT = 8080;

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    /**
     * How long the JVM may take from SIGTERM to its exit: the drain, then writing the
     * cache (a child JVM assembles it), as {@code docker stop -t 120}.
     */
    private static final int STOP_TIMEOUT_SECONDS = 120;

    /** The image's admin: prod's default username, the password given below. */
    private final Stack.Credentials admin = new Stack.Credentials("admin", "Training-" + Secrets.random(48));

    private final String image = Settings.require("aot.image");

    private final Path aotDir = Path.of(Settings.require("aot.dir")).toAbsolutePath();

    private int requests;

    @Test
    void theImageAnswersEveryKindOfRequestAndWritesItsCacheWhenStopped() throws IOException {
        // The image runs as user 10001: the mounted directory must be writable for it.
        Files.createDirectories(aotDir);
        Files.setPosixFilePermissions(aotDir, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path cache = aotDir.resolve("app.aot");
        Files.deleteIfExists(cache);
        try (GenericContainer<?> training = new GenericContainer<>(DockerImageName.parse(image))
            .withEnv(Map.of("SPRING_DATASOURCE_URL", "jdbc:h2:mem:training;DB_CLOSE_DELAY=-1",
                    "SPRING_DATASOURCE_USERNAME", "sa", "SPRING_DATASOURCE_PASSWORD", "", "MOVIES_ADMIN_PASSWORD",
                    admin.password(), "MOVIES_JWT_SECRET", Secrets.random(48), "MOVIES_PASSWORD_RESET_SECRET",
                    Secrets.random(48), "JAVA_TOOL_OPTIONS", "-XX:AOTCacheOutput=/aot/app.aot"))
            .withCreateContainerCmdModifier(
                    command -> command.getHostConfig().withBinds(new Bind(aotDir.toString(), new Volume("/aot"))))
            .withExposedPorts(PORT)
            .waitingFor(
                    Wait.forHttp("/actuator/health/readiness").forStatusCode(200).withStartupTimeout(START_TIMEOUT))) {
            try {
                long begin = System.nanoTime();
                try {
                    training.start();
                }
                catch (RuntimeException e) {
                    throw new AssertionError("it did not become ready within " + START_TIMEOUT + ": " + causes(e), e);
                }
                long ready = System.nanoTime();
                Api api = new Api(URI.create("http://" + training.getHost() + ":" + training.getMappedPort(PORT)),
                        admin);
                for (int round = 0; round < ROUNDS; round++) {
                    round(api, round);
                }
                long trained = System.nanoTime();
                // SIGTERM, as ECS stops a task; at exit the JVM writes the cache.
                training.getDockerClient()
                    .stopContainerCmd(training.getContainerId())
                    .withTimeout(STOP_TIMEOUT_SECONDS)
                    .exec();
                long stopped = System.nanoTime();
                Long exitCode = training.getDockerClient()
                    .inspectContainerCmd(training.getContainerId())
                    .exec()
                    .getState()
                    .getExitCodeLong();
                // 143: the JVM's exit after SIGTERM, as every ECS task stop ends.
                if (exitCode == null || (exitCode != 143 && exitCode != 0)) {
                    throw new AssertionError("exit code " + exitCode);
                }
                if (!Files.isRegularFile(cache) || Files.size(cache) == 0) {
                    throw new AssertionError("it wrote no cache (" + cache + ")");
                }
                System.out.printf(
                        "   training: ready in %.1f s; %d rounds, %d requests in %.1f s; SIGTERM to exit %d in %.1f s%n",
                        seconds(begin, ready), ROUNDS, requests, seconds(ready, trained), exitCode,
                        seconds(trained, stopped));
            }
            catch (AssertionError | RuntimeException | IOException e) {
                String log = keepLog(training);
                List<String> lines = log.lines().toList();
                lines.subList(Math.max(0, lines.size() - 30), lines.size()).forEach(System.err::println);
                throw new AssertionError("the training run of " + image + " failed (its log: "
                        + aotDir.resolve("training.log") + "): " + e.getMessage(), e);
            }
            keepLog(training);
        }
    }

    /**
     * One round of the requests of a task's life, each kind as its clients send it.
     */
    private void round(Api api, int round) {
        expect(200, api.anonymous(), Method.GET, "/actuator/health/readiness");
        expect(200, api.anonymous(), Method.GET, "/actuator/health/liveness");
        Response tokens = expect(200,
                json(api.anonymous(), Map.of("username", admin.username(), "password", admin.password())), Method.POST,
                "/api/token");
        RequestSpecification asAdmin = api.bearer(tokens.path("access"));
        expect(200, json(api.anonymous(), Map.of("refresh", tokens.path("refresh"))), Method.POST,
                "/api/token/refresh");
        String id = expect(201, json(asAdmin, Map.of("title", "Training " + round, "year", 1950 + round)), Method.POST,
                "/api/v1/movie")
            .path("id");
        String movie = "/api/v1/movie/" + id;
        expect(200, api.anonymous(), Method.GET, "/api/v1/movie");
        expect(200, api.anonymous(), Method.GET, movie);
        expect(200, api.anonymous(), Method.GET, "/api/v1/movie?search=training&ordering=-year");
        expect(200, json(asAdmin, Map.of("title", "Trained", "year", 2000)), Method.PUT, movie);
        expect(200, json(asAdmin, Map.of("year", 2001)), Method.PATCH, movie);
        expect(200, asAdmin, Method.GET, "/api/v1/users");
        expect(200, asAdmin, Method.GET, "/api/v1/users/auth/user");
        expect(204, asAdmin, Method.DELETE, movie);
        expect(400, json(asAdmin, Map.of("title", "Untrained", "year", "abc")), Method.POST, "/api/v1/movie");
        expect(401, json(api.anonymous(), Map.of("title", "Untrained", "year", 1)), Method.POST, "/api/v1/movie");
        expect(401, api.bearer("not-a-token"), Method.GET, "/api/v1/movie");
        expect(404, api.anonymous(), Method.GET, movie);
    }

    private static RequestSpecification json(RequestSpecification request, Map<String, ?> body) {
        return request.contentType(ContentType.JSON).body(body);
    }

    /**
     * Sends one request, which must answer {@code status}; else fails naming the request
     * and its answer.
     */
    private Response expect(int status, RequestSpecification request, Method method, String path) {
        Response response = request.request(method, path);
        requests++;
        if (response.statusCode() != status) {
            throw new AssertionError(String.format("%s %s answered %d, not %d: %.300s", method, path,
                    response.statusCode(), status, response.asString()));
        }
        return response;
    }

    private String keepLog(GenericContainer<?> training) {
        if (training.getContainerId() == null) {
            return "";
        }
        String log = training.getLogs();
        try {
            Files.writeString(aotDir.resolve("training.log"), log);
        }
        catch (IOException e) {
            System.err.println("aot training: could not keep the container's log: " + e);
        }
        return log;
    }

    /**
     * The messages of an exception and its causes: Testcontainers nests the telling one.
     */
    private static String causes(Throwable e) {
        StringBuilder messages = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            messages.append(": ").append(cause.getMessage());
        }
        return messages.toString();
    }

    private static double seconds(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1e9;
    }

}
