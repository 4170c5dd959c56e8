package com.example.movies;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * The real PostgreSQL of the integration tests, never the embedded H2, decided once per
 * test JVM:
 * <ol>
 * <li>the server named by
 * {@code SPRING_DATASOURCE_URL}/{@code _USERNAME}/{@code _PASSWORD} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/postgres}, user {@code postgres}) when it
 * answers, in a database of its own for this JVM, dropped when the JVM ends; unless
 * {@code MOVIES_TEST_POSTGRES_IMAGE} names an image and a Docker engine is reachable,
 * which asks for a container first;</li>
 * <li>else, with a Docker engine, a Testcontainers PostgreSQL
 * ({@code @ServiceConnection}) of {@code MOVIES_TEST_POSTGRES_IMAGE}, default the root
 * pom's {@code postgres.image} ({@code postgres:17}, offline
 * {@code local/postgres});</li>
 * <li>else the tests fail at once, saying which of the two to provide.</li>
 * </ol>
 */
@TestConfiguration(proxyBeanMethods = false)
public class PostgresTestDatabase {

    private static final String IMAGE = Objects.requireNonNullElse(System.getenv("MOVIES_TEST_POSTGRES_IMAGE"),
            System.getProperty("movies.test.postgresImage", "postgres:17"));

    /** Decided once per JVM. */
    private static final boolean CONTAINER = useContainer();

    private static boolean useContainer() {
        boolean imageAsked = System.getenv("MOVIES_TEST_POSTGRES_IMAGE") != null;
        if (imageAsked && DockerClientFactory.instance().isDockerAvailable()) {
            return true;
        }
        String serverUrl = serverUrl();
        if (answers(serverUrl)) {
            return false;
        }
        if (DockerClientFactory.instance().isDockerAvailable()) {
            return true;
        }
        throw new IllegalStateException("The PostgreSQL integration tests need PostgreSQL, and there is none: nothing "
                + "answers at " + serverUrl + " (SPRING_DATASOURCE_URL) and no Docker engine is reachable. Provide one "
                + "of the two: a PostgreSQL server there (user postgres, or SPRING_DATASOURCE_USERNAME/_PASSWORD), or a "
                + "Docker engine, on which Testcontainers runs " + IMAGE + " (MOVIES_TEST_POSTGRES_IMAGE names another "
                + "image).");
    }

    static String serverUrl() {
        return Objects.requireNonNullElse(System.getenv("SPRING_DATASOURCE_URL"),
                "jdbc:postgresql://127.0.0.1:5432/postgres");
    }

    private static String username() {
        return Objects.requireNonNullElse(System.getenv("SPRING_DATASOURCE_USERNAME"), "postgres");
    }

    private static String password() {
        return Objects.requireNonNullElse(System.getenv("SPRING_DATASOURCE_PASSWORD"), "");
    }

    /** Whether a server answers there within two seconds. */
    static boolean answers(String serverUrl) {
        Properties properties = new Properties();
        properties.setProperty("user", username());
        properties.setProperty("password", password());
        properties.setProperty("connectTimeout", "2");
        properties.setProperty("loginTimeout", "2");
        try (Connection connection = DriverManager.getConnection(serverUrl, properties)) {
            return true;
        }
        catch (SQLException ex) {
            return false;
        }
    }

    @Bean
    @ServiceConnection
    @Conditional(InContainer.class)
    PostgreSQLContainer postgresContainer() {
        return new PostgreSQLContainer(DockerImageName.parse(IMAGE).asCompatibleSubstituteFor("postgres"));
    }

    @Bean
    @Conditional(OnServer.class)
    DynamicPropertyRegistrar serverDatabase() {
        return (registry) -> {
            registry.add("spring.datasource.url", () -> ServerDatabase.INSTANCE.url);
            registry.add("spring.datasource.username", () -> ServerDatabase.INSTANCE.username);
            registry.add("spring.datasource.password", () -> ServerDatabase.INSTANCE.password);
        };
    }

    static final class InContainer implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return CONTAINER;
        }

    }

    static final class OnServer implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !CONTAINER;
        }

    }

    /**
     * A database created on the configured server for this JVM, so parallel runs never
     * share data.
     */
    static final class ServerDatabase {

        private static final Pattern DATABASE_IN_URL = Pattern.compile("^(jdbc:postgresql://[^/]+/)([^?]*)(.*)$");

        static final ServerDatabase INSTANCE = new ServerDatabase();

        final String url;

        final String username;

        final String password;

        private ServerDatabase() {
            String serverUrl = serverUrl();
            this.username = username();
            this.password = password();
            Matcher matcher = DATABASE_IN_URL.matcher(serverUrl);
            if (!matcher.matches()) {
                throw new IllegalStateException("SPRING_DATASOURCE_URL is not a PostgreSQL URL: " + serverUrl);
            }
            String database = "movies_test_" + ProcessHandle.current().pid() + "_"
                    + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
            execute(serverUrl, "CREATE DATABASE " + database);
            Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(() -> execute(serverUrl, "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)")));
            this.url = matcher.group(1) + database + matcher.group(3);
        }

        private void execute(String serverUrl, String sql) {
            try (Connection connection = DriverManager.getConnection(serverUrl, this.username, this.password);
                    Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
            catch (SQLException ex) {
                throw new IllegalStateException("The PostgreSQL integration tests' server " + serverUrl
                        + " (SPRING_DATASOURCE_URL) failed '" + sql + "'", ex);
            }
        }

    }

}
