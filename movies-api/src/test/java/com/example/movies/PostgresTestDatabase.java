package com.example.movies;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Objects;
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
 * The real PostgreSQL of the integration tests, never the embedded H2. With a PostgreSQL image named in
 * {@code MOVIES_TEST_POSTGRES_IMAGE} and a reachable Docker engine: a Testcontainers container. No registry is
 * reachable from these machines, so the image is opt-in (a locally built one) rather than pulled. Otherwise:
 * the server named by {@code SPRING_DATASOURCE_URL}/{@code _USERNAME}/{@code _PASSWORD} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/postgres}, user {@code postgres}), in a database of its own for this
 * test JVM, dropped when the JVM ends. No PostgreSQL at all fails the tests loudly.
 */
@TestConfiguration(proxyBeanMethods = false)
public class PostgresTestDatabase {

	private static final String IMAGE = System.getenv("MOVIES_TEST_POSTGRES_IMAGE");

	/** Decided once per JVM. */
	private static final boolean CONTAINER = IMAGE != null && DockerClientFactory.instance().isDockerAvailable();

	@Bean
	@ServiceConnection
	@Conditional(DockerAvailable.class)
	PostgreSQLContainer postgresContainer() {
		return new PostgreSQLContainer(DockerImageName.parse(IMAGE).asCompatibleSubstituteFor("postgres"));
	}

	@Bean
	@Conditional(NoDocker.class)
	DynamicPropertyRegistrar serverDatabase() {
		return (registry) -> {
			registry.add("spring.datasource.url", () -> ServerDatabase.INSTANCE.url);
			registry.add("spring.datasource.username", () -> ServerDatabase.INSTANCE.username);
			registry.add("spring.datasource.password", () -> ServerDatabase.INSTANCE.password);
		};
	}

	static final class DockerAvailable implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return CONTAINER;
		}

	}

	static final class NoDocker implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !CONTAINER;
		}

	}

	/** A database created on the configured server for this JVM, so parallel runs never share data. */
	static final class ServerDatabase {

		private static final Pattern DATABASE_IN_URL = Pattern.compile("^(jdbc:postgresql://[^/]+/)([^?]*)(.*)$");

		static final ServerDatabase INSTANCE = new ServerDatabase();

		final String url;

		final String username;

		final String password;

		private ServerDatabase() {
			String serverUrl = Objects.requireNonNullElse(System.getenv("SPRING_DATASOURCE_URL"),
					"jdbc:postgresql://127.0.0.1:5432/postgres");
			this.username = Objects.requireNonNullElse(System.getenv("SPRING_DATASOURCE_USERNAME"), "postgres");
			this.password = Objects.requireNonNullElse(System.getenv("SPRING_DATASOURCE_PASSWORD"), "");
			Matcher matcher = DATABASE_IN_URL.matcher(serverUrl);
			if (!matcher.matches()) {
				throw new IllegalStateException("SPRING_DATASOURCE_URL is not a PostgreSQL URL: " + serverUrl);
			}
			String database = "movies_test_" + ProcessHandle.current().pid() + "_"
					+ HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
			execute(serverUrl, "CREATE DATABASE " + database);
			Runtime.getRuntime()
				.addShutdownHook(new Thread(() -> execute(serverUrl, "DROP DATABASE IF EXISTS " + database
						+ " WITH (FORCE)")));
			this.url = matcher.group(1) + database + matcher.group(3);
		}

		private void execute(String serverUrl, String sql) {
			try (Connection connection = DriverManager.getConnection(serverUrl, this.username, this.password);
					Statement statement = connection.createStatement()) {
				statement.execute(sql);
			}
			catch (SQLException ex) {
				throw new IllegalStateException("The PostgreSQL integration tests need PostgreSQL: no Docker engine "
						+ "is reachable and " + serverUrl + " (SPRING_DATASOURCE_URL) failed '" + sql + "'", ex);
			}
		}

	}

}
