package com.example.movies.e2e.drills;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.movies.e2e.drills.Traffic.Call;
import com.example.movies.e2e.stack.Settings;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A rolling deploy as ECS runs one, on the Jib-built API image: under steady reads and
 * writes through a reverse proxy (the gateway's part), each API replica in turn is
 * replaced: a new one starts, the proxy adds it once its readiness is UP, the old one
 * gets SIGTERM while the proxy still sends to it for a moment (the gateway's cached DNS
 * answer after ECS deregistered it from Cloud Map), then the proxy drops it; the old one
 * drains and stops. No request may fail and every acknowledged write must be stored. Run
 * by {@code scripts/containers-e2e.sh} after the images are built (its base-image
 * settings), not by the jar drills.
 */
class RollingDeployDrill {

    private static final String DRILL = "rolling deploy";

    private static final int PORT = 8080;

    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    /**
     * How long the proxy still sends to a task after its SIGTERM: the gateway's DNS
     * cache, shortened.
     */
    private static final Duration CACHED_DNS = Duration.ofSeconds(1);

    /**
     * The API's drain delay here (30 s on ECS, infra's apiDrainSeconds): longer than the
     * cache and the reload. {@code -Ddrill.drainDelay=0s} shows what the drain is for:
     * the drill then fails.
     */
    private static final String DRAIN_DELAY = Settings.find("drill.drainDelay").orElse("3s");

    private final String apiImage = Settings.find("e2e.apiImage").orElse("movies/movies-api:local");

    private final String postgresImage = Settings.find("e2e.postgresImage").orElse("postgres:17");

    private final String proxyImage = Settings.find("e2e.proxyImage").orElse("nginx:stable");

    private final String secret = UUID.randomUUID() + "-" + UUID.randomUUID();

    private final List<GenericContainer<?>> started = new ArrayList<>();

    private Network network;

    private PostgreSQLContainer database;

    private GenericContainer<?> proxy;

    private int generation;

    @AfterEach
    void stopEverything() {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).stop();
        }
        if (network != null) {
            network.close();
        }
    }

    @Test
    void replacingEveryReplicaUnderLoadFailsNoRequestAndLosesNoWrite() throws Exception {
        network = Network.newNetwork();
        database = new PostgreSQLContainer(DockerImageName.parse(postgresImage).asCompatibleSubstituteFor("postgres"))
            .withNetwork(network)
            .withNetworkAliases("db")
            .withDatabaseName("movies")
            .withUsername("movies")
            .withPassword("drill-" + UUID.randomUUID());
        start(database);
        List<GenericContainer<?>> replicas = new ArrayList<>(List.of(replica(), replica()));
        proxy = new GenericContainer<>(DockerImageName.parse(proxyImage)).withNetwork(network)
            .withCopyToContainer(Transferable.of(proxyConfiguration(replicas)), "/etc/nginx/conf.d/default.conf")
            .withExposedPorts(PORT)
            .waitingFor(Wait.forHttp("/actuator/health/readiness").forStatusCode(200));
        start(proxy);
        URI url = URI.create("http://" + proxy.getHost() + ":" + proxy.getMappedPort(PORT));

        Traffic traffic = new Traffic(url, Traffic.adminToken(url), System.nanoTime());
        traffic.start(4, 4);
        List<String> steps = new ArrayList<>();
        try {
            Thread.sleep(3_000);
            for (int i = 0; i < 2; i++) {
                GenericContainer<?> old = replicas.get(0);
                long begun = traffic.now();
                GenericContainer<?> fresh = replica();
                long ready = traffic.now();
                replicas.add(fresh);
                route(replicas);
                long routed = traffic.now();
                // ECS deregisters the old task from Cloud Map and sends it SIGTERM; the
                // gateway still sends to it while its cached DNS answer lives (DNS_TTL,
                // here shortened to a second), which the API's drain delay covers.
                Thread terminate = new Thread(() -> DockerClientFactory.instance()
                    .client()
                    .stopContainerCmd(old.getContainerId())
                    .withTimeout(45)
                    .exec(), "sigterm");
                terminate.start();
                Thread.sleep(CACHED_DNS.toMillis());
                replicas.remove(old);
                route(replicas);
                terminate.join();
                long stopped = traffic.now();
                old.stop();
                started.remove(old);
                steps.add(String.format(
                        "replica %d: new one ready in %d ms; old one got SIGTERM while routed for %d ms, stopped after %d ms",
                        i + 1, ready - begun, CACHED_DNS.toMillis(), stopped - routed));
                Thread.sleep(3_000);
            }
        }
        finally {
            traffic.stop();
        }

        List<Call> calls = traffic.calls(call -> true);
        steps.forEach(step -> Drill.print(DRILL, "%s", step));
        Drill.print(DRILL, "%d calls: %s; p50 %d ms, p99 %d ms, max %d ms", calls.size(), Drill.outcomes(calls),
                Drill.percentile(calls, 50), Drill.percentile(calls, 99), Drill.maxLatency(calls));
        assertThat(calls).as("calls made during the drill").hasSizeGreaterThan(100);
        Drill.assertAllAnsweredWithoutA500(calls);
        assertThat(calls).as("no request failed: no 5xx from the API or the proxy")
            .noneSatisfy(call -> assertThat(call.status()).isGreaterThanOrEqualTo(500));
        try (Connection connection = DriverManager.getConnection(database.getJdbcUrl(), database.getUsername(),
                database.getPassword())) {
            Drill.assertAcknowledgedWritesStored(DRILL, traffic, Drill.storedMovies(connection), 20);
        }
    }

    /**
     * A new API replica on the network, started and ready (ECS waits for it likewise).
     */
    private GenericContainer<?> replica() {
        generation++;
        GenericContainer<?> replica = new GenericContainer<>(DockerImageName.parse(apiImage)).withNetwork(network)
            .withNetworkAliases("api-" + generation)
            .withEnv(Map.ofEntries(Map.entry("SPRING_PROFILES_ACTIVE", "prod"), Map.entry("DB_HOST", "db"),
                    Map.entry("DB_PORT", "5432"), Map.entry("DB_NAME", database.getDatabaseName()),
                    Map.entry("DB_USERNAME", database.getUsername()), Map.entry("DB_PASSWORD", database.getPassword()),
                    Map.entry("MOVIES_JWT_SECRET", secret), Map.entry("MOVIES_PASSWORD_RESET_SECRET", secret),
                    Map.entry("MOVIES_ADMIN_USERNAME", ApiServer.ADMIN_USERNAME),
                    Map.entry("MOVIES_ADMIN_PASSWORD", ApiServer.ADMIN_PASSWORD),
                    Map.entry("MOVIES_SHUTDOWN_DRAIN_DELAY", DRAIN_DELAY)))
            .withCreateContainerCmdModifier(command -> command.getHostConfig().withMemory(512L * 1024 * 1024))
            .withExposedPorts(PORT)
            .waitingFor(
                    Wait.forHttp("/actuator/health/readiness").forStatusCode(200).withStartupTimeout(START_TIMEOUT));
        start(replica);
        return replica;
    }

    /** The proxy sends to exactly these replicas from now on (a graceful reload). */
    private void route(List<GenericContainer<?>> replicas) throws Exception {
        proxy.copyFileToContainer(Transferable.of(proxyConfiguration(replicas)), "/etc/nginx/conf.d/default.conf");
        var reload = proxy.execInContainer("nginx", "-s", "reload");
        assertThat(reload.getExitCode()).as(reload.getStderr()).isZero();
        // nginx's workers take the new configuration within moments; old ones finish
        // their requests.
        Thread.sleep(500);
    }

    /**
     * The proxy stands in for API Gateway, which never reloads. nginx's reload closes the
     * clients' idle keep-alive connections, and a client reusing one at that instant gets
     * no answer: a race of the stand-in, not of the API. So the proxy keeps no client
     * connection open between requests; its connections to the replicas are new per
     * request, as before.
     */
    private static String proxyConfiguration(List<GenericContainer<?>> replicas) {
        StringBuilder servers = new StringBuilder();
        for (GenericContainer<?> replica : replicas) {
            servers.append("    server ")
                .append(replica.getNetworkAliases().get(replica.getNetworkAliases().size() - 1))
                .append(':')
                .append(PORT)
                .append(";\n");
        }
        return """
                upstream api_replicas {
                %s}
                server {
                    listen %d;
                    keepalive_timeout 0;
                    location / {
                        proxy_pass http://api_replicas;
                        proxy_set_header Host $http_host;
                        proxy_set_header X-Client-Ip $remote_addr;
                    }
                }
                """.formatted(servers, PORT);
    }

    private void start(GenericContainer<?> container) {
        started.add(container);
        container.start();
    }

}
