package com.example.movies.e2e.stack;

import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.startupcheck.IndefiniteWaitOneShotStartupCheckStrategy;
import org.testcontainers.utility.MountableFile;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The system as containers, the way ECS runs it: the Jib-built API image as two replicas
 * on one PostgreSQL container, an nginx reverse proxy spreading requests over the
 * replicas (standing in for API Gateway over the Cloud Map instances), and the Jib-built
 * frontend image pointed at the proxy. All on one Docker network, started through
 * Testcontainers.
 *
 * <p>
 * Images come from settings, so the air-gapped way can use the images of
 * {@code scripts/offline-base-images.sh}: {@code e2e.apiImage}, {@code e2e.frontendImage}
 * (the Jib builds; the failsafe configuration passes the root pom's image coordinates),
 * {@code e2e.postgresImage} (default {@code postgres:17}), {@code e2e.proxyImage}
 * (default {@code nginx:stable}) and {@code e2e.browserImage} (default
 * {@code selenium/standalone-chromium}: Chromium behind a WebDriver endpoint, for the
 * browser journeys). Each container's output is written to {@code target/e2e/containers}
 * on close.
 */
public final class ContainersStack implements Stack {

    private static final int API_REPLICAS = 2;

    private static final int CONTAINER_PORT = 8080;

    /**
     * The API task's default size (infra's TaskSize.SMALLEST): the JVM must size itself
     * to the container.
     */
    private static final long API_MEMORY_BYTES = 512L * 1024 * 1024;

    private static final Duration API_START_TIMEOUT = Duration.ofSeconds(180);

    /**
     * WebDriver's {@code GET /status} once a session can be created (Selenium's server
     * and chromedriver both answer {@code "ready": true}).
     */
    private static final Pattern WEBDRIVER_READY = Pattern.compile("\"ready\"\\s*:\\s*true");

    private final String apiImage = Settings.find("e2e.apiImage").orElse("movies/movies-api:local");

    private final String frontendImage = Settings.find("e2e.frontendImage").orElse("movies/movies-frontend:local");

    private final String postgresImage = Settings.find("e2e.postgresImage").orElse("postgres:17");

    private final String proxyImage = Settings.find("e2e.proxyImage").orElse("nginx:stable");

    private final String browserImage = Settings.find("e2e.browserImage").orElse("selenium/standalone-chromium:latest");

    private java.net.URL webDriverUrl;

    private final Path logDir = Path.of(Settings.find("e2e.workDir").orElse("target/e2e")).resolve("containers");

    private final Credentials admin = new Credentials("admin", "E2e-" + Secrets.random(20));

    private final List<GenericContainer<?>> started = new ArrayList<>();

    private Network network;

    private final List<URI> replicaUrls = new ArrayList<>();

    private MailInbox inbox;

    private PostgreSQLContainer database;

    private URI apiUrl;

    private URI frontendUrl;

    /**
     * Whether this stack can run here: a Docker engine answers and the two Jib-built
     * images are present. Quick and never throws, so that {@link StackSelection} can ask
     * it to choose the default stack.
     */
    public static boolean isAvailable() {
        try {
            if (!DockerClientFactory.instance().isDockerAvailable()) {
                return false;
            }
            ContainersStack stack = new ContainersStack();
            return imageExists(stack.apiImage) && imageExists(stack.frontendImage);
        }
        catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    @Override
    public void start() {
        network = Network.newNetwork();
        inbox = MailInbox.start();

        database = new PostgreSQLContainer(DockerImageName.parse(postgresImage).asCompatibleSubstituteFor("postgres"))
            .withNetwork(network)
            .withNetworkAliases("db")
            .withDatabaseName("movies")
            .withUsername("movies")
            .withPassword(Secrets.random(24));
        start(database, postgresImage, "e2e.postgresImage");

        // The replicas share the database and the JWT signing key, as ECS tasks of one
        // service share their secrets.
        // The browser's origin is fixed before anything starts, because the API's CORS
        // setting needs it.
        int frontendPort = LocalProcess.freePort();
        frontendUrl = URI.create("http://" + DockerClientFactory.instance().dockerHostIpAddress() + ":" + frontendPort);
        String jwtSecret = Secrets.random(64);
        String resetSecret = Secrets.random(64);
        List<GenericContainer<?>> replicas = IntStream.rangeClosed(1, API_REPLICAS)
            .<GenericContainer<?>>mapToObj(replica -> apiReplica(replica, database, jwtSecret, resetSecret))
            .toList();
        // Together, like a service's tasks: startup races (migrations, the admin's
        // creation) must be handled.
        started.addAll(replicas);
        try {
            Startables.deepStart(replicas).join();
        }
        catch (RuntimeException e) {
            throw failedToStart(apiImage, "e2e.apiImage", e);
        }
        for (GenericContainer<?> replica : replicas) {
            replicaUrls.add(urlOf(replica));
        }

        GenericContainer<?> proxy = new GenericContainer<>(DockerImageName.parse(proxyImage)).withNetwork(network)
            .withNetworkAliases("api")
            .withCopyToContainer(Transferable.of(proxyConfiguration()), "/etc/nginx/conf.d/default.conf")
            .withExposedPorts(CONTAINER_PORT)
            .waitingFor(Wait.forHttp("/actuator/health/readiness").forStatusCode(200));
        start(proxy, proxyImage, "e2e.proxyImage");
        apiUrl = urlOf(proxy);

        GenericContainer<?> frontend = new GenericContainer<>(DockerImageName.parse(frontendImage)).withNetwork(network)
            .withNetworkAliases("frontend")
            .withEnv("API_BASE_URL", apiUrl.toString())
            .withExposedPorts(CONTAINER_PORT)
            .withCreateContainerCmdModifier(command -> command.getHostConfig()
                .withPortBindings(
                        new PortBinding(Ports.Binding.bindPort(frontendPort), new ExposedPort(CONTAINER_PORT))))
            .waitingFor(Wait.forHttp("/healthz").forStatusCode(200));
        start(frontend, frontendImage, "e2e.frontendImage");
        startBrowser();
    }

    /**
     * Chromium as a container on the host's network, so that it opens the frontend and
     * the API at the very URLs the tests use (and the API's CORS policy allows). It is
     * ready when WebDriver's status says so.
     */
    private void startBrowser() {
        int port = LocalProcess.freePort();
        GenericContainer<?> browser = new GenericContainer<>(DockerImageName.parse(browserImage))
            .withNetworkMode("host")
            .withEnv("SE_OPTS", "--port " + port)
            .withSharedMemorySize(1024L * 1024 * 1024)
            .withCreateContainerCmdModifier(command -> command.withName("e2e-browser-" + port))
            .waitingFor(Wait.forHttp("/status")
                .forResponsePredicate(status -> WEBDRIVER_READY.matcher(status).find())
                .withStartupTimeout(Duration.ofSeconds(60)));
        // On the host's network the container's port is the host's: bound, not published
        // (Docker discards the binding), it is the port the wait strategy probes.
        browser.setPortBindings(List.of(port + ":" + port));
        start(browser, browserImage, "e2e.browserImage");
        try {
            webDriverUrl = URI.create("http://localhost:" + port).toURL();
        }
        catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Optional<java.net.URL> webDriverUrl() {
        return Optional.ofNullable(webDriverUrl);
    }

    private GenericContainer<?> apiReplica(int replica, PostgreSQLContainer database, String jwtSecret,
            String resetSecret) {
        return new GenericContainer<>(DockerImageName.parse(apiImage)).withNetwork(network)
            .withNetworkAliases("api-" + replica)
            .withEnv(Map.ofEntries(Map.entry("SPRING_PROFILES_ACTIVE", "prod"), Map.entry("DB_HOST", "db"),
                    Map.entry("DB_PORT", "5432"), Map.entry("DB_NAME", database.getDatabaseName()),
                    Map.entry("DB_USERNAME", database.getUsername()), Map.entry("DB_PASSWORD", database.getPassword()),
                    Map.entry("MOVIES_JWT_SECRET", jwtSecret), Map.entry("MOVIES_PASSWORD_RESET_SECRET", resetSecret),
                    Map.entry("MOVIES_ADMIN_USERNAME", admin.username()),
                    Map.entry("MOVIES_ADMIN_PASSWORD", admin.password()),
                    Map.entry("MOVIES_CORS_ALLOWED_ORIGINS", frontendUrl.toString()),
                    Map.entry("MOVIES_FRONTEND_URL", frontendUrl.toString()),
                    Map.entry("MOVIES_SIGN_UP_ENABLED", "true"), Map.entry("SPRING_MAIL_HOST", "host.docker.internal"),
                    Map.entry("SPRING_MAIL_PORT", String.valueOf(inbox.port()))))
            // The mail inbox runs in the test JVM, on the Docker host.
            .withExtraHost("host.docker.internal", "host-gateway")
            .withCreateContainerCmdModifier(command -> command.getHostConfig().withMemory(API_MEMORY_BYTES))
            .withExposedPorts(CONTAINER_PORT)
            .waitingFor(Wait.forHttp("/actuator/health/readiness")
                .forStatusCode(200)
                .withStartupTimeout(API_START_TIMEOUT));
    }

    /**
     * Round robin over the replicas; the Host header is kept so that URLs the API builds
     * point at the proxy.
     */
    private static String proxyConfiguration() {
        StringBuilder servers = new StringBuilder();
        for (int replica = 1; replica <= API_REPLICAS; replica++) {
            servers.append("    server api-").append(replica).append(':').append(CONTAINER_PORT).append(";\n");
        }
        return """
                upstream api_replicas {
                %s}
                server {
                    listen %d;
                    location / {
                        proxy_pass http://api_replicas;
                        proxy_set_header Host $http_host;
                        proxy_set_header X-Client-Ip $remote_addr;
                        proxy_set_header X-Forwarded-Proto $scheme;
                    }
                }
                """.formatted(servers, CONTAINER_PORT);
    }

    /**
     * Starts one container; a failure names its image and the setting that chooses it.
     */
    private void start(GenericContainer<?> container, String image, String setting) {
        started.add(container);
        try {
            container.start();
        }
        catch (RuntimeException e) {
            throw failedToStart(image, setting, e);
        }
    }

    private static IllegalStateException failedToStart(String image, String setting, RuntimeException e) {
        return new IllegalStateException("The container of image " + image + " did not start (-D" + setting
                + "=<image> chooses another; without a registry, scripts/offline-base-images.sh builds local/ ones): "
                + e.getMessage(), e);
    }

    private static URI urlOf(GenericContainer<?> container) {
        return URI.create("http://" + container.getHost() + ":" + container.getMappedPort(CONTAINER_PORT));
    }

    @Override
    public Endpoints endpoints() {
        return new Endpoints(apiUrl, frontendUrl, List.copyOf(replicaUrls), admin);
    }

    @Override
    public boolean disposable() {
        return true;
    }

    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            keepLogs(started.get(i));
            started.get(i).stop();
        }
        started.clear();
        if (network != null) {
            network.close();
            network = null;
        }
        if (inbox != null) {
            inbox.close();
            inbox = null;
        }
    }

    /** The image as a one-off container on the stack's network, as an ECS run-task. */
    @Override
    public Optional<CommandResult> importDjango(Path database) {
        try (GenericContainer<?> command = new GenericContainer<>(DockerImageName.parse(apiImage)).withNetwork(network)
            .withEnv(Map.of("SPRING_PROFILES_ACTIVE", "prod", "DB_HOST", "db", "DB_PORT", "5432", "DB_NAME",
                    this.database.getDatabaseName(), "DB_USERNAME", this.database.getUsername(), "DB_PASSWORD",
                    this.database.getPassword()))
            .withCopyFileToContainer(MountableFile.forHostPath(database, 0644), "/tmp/original.sqlite3")
            .withCommand("import-django", "--from=/tmp/original.sqlite3")
            .withStartupCheckStrategy(new IndefiniteWaitOneShotStartupCheckStrategy())) {
            try {
                command.start();
            }
            catch (RuntimeException e) {
                // A non-zero exit: its status and output are the answer.
            }
            Long status = command.getCurrentContainerInfo().getState().getExitCodeLong();
            return Optional.of(new CommandResult((status != null) ? status.intValue() : -1, command.getLogs()));
        }
    }

    @Override
    public Optional<MailInbox> inbox() {
        return Optional.ofNullable(inbox);
    }

    private void keepLogs(GenericContainer<?> container) {
        if (container.getContainerId() == null) {
            return;
        }
        try {
            Files.createDirectories(logDir);
            String name = container.getNetworkAliases()
                .stream()
                .filter(alias -> !alias.startsWith("tc-"))
                .findFirst()
                .orElse(container.getDockerImageName().replaceAll("[^A-Za-z0-9.-]+", "_"));
            Files.writeString(logDir.resolve(name + ".log"), container.getLogs());
        }
        catch (IOException | RuntimeException e) {
            System.err.println("e2e: could not keep the logs of container " + container.getContainerId() + ": " + e);
        }
    }

    private static boolean imageExists(String image) {
        try {
            DockerClientFactory.lazyClient().inspectImageCmd(image).exec();
            return true;
        }
        catch (RuntimeException e) {
            return false;
        }
    }

}
