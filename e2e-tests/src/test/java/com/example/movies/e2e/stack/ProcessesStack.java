package com.example.movies.e2e.stack;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The system as local processes: the packaged movies-api jar in its production profile on
 * a fresh PostgreSQL database, and Debian's nginx serving the frontend build with the
 * frontend's own nginx configuration. Each gets a free port; everything they write stays
 * under {@code target/e2e}; the database is dropped on close.
 */
public final class ProcessesStack implements Stack {

    private static final Duration API_START_TIMEOUT = Duration.ofSeconds(90);

    private final Path apiJar = Path.of(Settings.require("e2e.apiJar")).normalize();

    private final Path frontendDir = Path.of(Settings.require("e2e.frontendDir")).normalize();

    private final Path workDir = Path.of(Settings.require("e2e.workDir")).resolve("processes").normalize();

    private final Credentials admin = new Credentials("admin", "E2e-" + Secrets.random(20));

    private PostgresDatabase database;

    private LocalProcess api;

    private NginxFrontend frontend;

    private MailInbox inbox;

    private URI apiUrl;

    private URI frontendUrl;

    @Override
    public void start() throws Exception {
        if (!Files.isRegularFile(apiJar)) {
            throw new IllegalStateException("No movies-api jar at " + apiJar
                    + ": build it first with ./mvnw -B -pl movies-api -DskipTests package");
        }
        int apiPort = LocalProcess.freePort();
        int frontendPort = LocalProcess.freePort();
        apiUrl = URI.create("http://localhost:" + apiPort);
        frontendUrl = URI.create("http://localhost:" + frontendPort);

        frontend = NginxFrontend.start(frontendDir, workDir.resolve("nginx"), frontendPort, apiUrl);

        database = new PostgresDatabase().create();
        inbox = MailInbox.start();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        api = LocalProcess.start("movies-api", List.of(java, "-jar", apiJar.toString()),
                Map.ofEntries(Map.entry("SPRING_PROFILES_ACTIVE", "prod"),
                        Map.entry("SERVER_PORT", String.valueOf(apiPort)), Map.entry("DB_HOST", database.host),
                        Map.entry("DB_PORT", String.valueOf(database.port)), Map.entry("DB_NAME", database.name),
                        Map.entry("DB_USERNAME", database.user), Map.entry("DB_PASSWORD", database.password),
                        Map.entry("MOVIES_JWT_SECRET", Secrets.random(64)),
                        Map.entry("MOVIES_PASSWORD_RESET_SECRET", Secrets.random(64)),
                        Map.entry("MOVIES_ADMIN_USERNAME", admin.username()),
                        Map.entry("MOVIES_ADMIN_PASSWORD", admin.password()),
                        Map.entry("MOVIES_CORS_ALLOWED_ORIGINS", frontendUrl.toString()),
                        Map.entry("MOVIES_FRONTEND_URL", frontendUrl.toString()),
                        Map.entry("MOVIES_SIGN_UP_ENABLED", "true"), Map.entry("SPRING_MAIL_HOST", "127.0.0.1"),
                        Map.entry("SPRING_MAIL_PORT", String.valueOf(inbox.port()))),
                workDir.resolve("movies-api.log"));
        api.awaitOk(apiUrl.resolve("/actuator/health/readiness"), API_START_TIMEOUT);
    }

    @Override
    public Endpoints endpoints() {
        return new Endpoints(apiUrl, frontendUrl, admin);
    }

    @Override
    public Optional<CommandResult> importDjango(Path database) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-jar", apiJar.toString(), "import-django",
                "--from=" + database.toAbsolutePath())
            .redirectErrorStream(true);
        builder.environment().putAll(databaseEnvironment());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return Optional.of(new CommandResult(process.waitFor(), output));
    }

    /** The API's database settings, as the prod profile reads them. */
    private Map<String, String> databaseEnvironment() {
        return Map.of("SPRING_PROFILES_ACTIVE", "prod", "DB_HOST", database.host, "DB_PORT",
                String.valueOf(database.port), "DB_NAME", database.name, "DB_USERNAME", database.user, "DB_PASSWORD",
                database.password);
    }

    @Override
    public Optional<MailInbox> inbox() {
        return Optional.ofNullable(inbox);
    }

    @Override
    public boolean disposable() {
        return true;
    }

    @Override
    public void close() {
        try {
            if (api != null) {
                api.close();
            }
        }
        finally {
            try {
                if (database != null) {
                    database.close();
                }
            }
            finally {
                if (frontend != null) {
                    frontend.close();
                }
                if (inbox != null) {
                    inbox.close();
                }
            }
        }
    }

}
