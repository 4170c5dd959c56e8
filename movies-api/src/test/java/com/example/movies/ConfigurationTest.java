package com.example.movies;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;

import com.example.movies.auth.JwtProperties;
import com.example.movies.user.AdminProperties;
import com.example.movies.password.PasswordResetProperties;
import com.example.movies.password.ResetMailProperties;
import com.example.movies.web.CorsProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The application's own configuration files: the deployed profile has no built-in secrets
 * and names each missing variable; the local default has its demo fallbacks.
 */
class ConfigurationTest {

    @EnableConfigurationProperties({ JwtProperties.class, AdminProperties.class, ResetMailProperties.class,
            PasswordResetProperties.class, CorsProperties.class })
    static class Properties {

    }

    static final String RESET_SECRET = "MOVIES_PASSWORD_RESET_SECRET=" + "r".repeat(32);

    final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withInitializer(new ConfigDataApplicationContextInitializer())
        .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
        .withUserConfiguration(Properties.class);

    @Test
    void prodRefusesToStartWithoutItsSecretsAndNamesThem() {
        this.runner.withPropertyValues("spring.profiles.active=prod", "MOVIES_ADMIN_PASSWORD=Xk92!mqLz", RESET_SECRET)
            .run((context) -> {
                assertThat(context).hasFailed();
                assertThat(allMessages(context.getStartupFailure())).contains("must be set: MOVIES_JWT_SECRET");
            });
        this.runner
            .withPropertyValues("spring.profiles.active=prod", "MOVIES_ADMIN_PASSWORD=Xk92!mqLz",
                    "MOVIES_JWT_SECRET=" + "s".repeat(32))
            .run((context) -> assertThat(allMessages(context.getStartupFailure()))
                .contains("must be set: MOVIES_PASSWORD_RESET_SECRET"));
        this.runner
            .withPropertyValues("spring.profiles.active=prod", "MOVIES_JWT_SECRET=" + "s".repeat(32), RESET_SECRET)
            .run((context) -> assertThat(allMessages(context.getStartupFailure()))
                .contains("must be set: MOVIES_ADMIN_PASSWORD"));
        this.runner
            .withPropertyValues("spring.profiles.active=prod", "MOVIES_JWT_SECRET=short", "MOVIES_ADMIN_PASSWORD=x",
                    RESET_SECRET)
            .run((context) -> assertThat(allMessages(context.getStartupFailure())).contains("at least 32 characters"));
    }

    @Test
    void prodStartsWithItsVariables() {
        this.runner
            .withPropertyValues("spring.profiles.active=prod", "MOVIES_JWT_SECRET=" + "s".repeat(32), RESET_SECRET,
                    "MOVIES_ADMIN_PASSWORD=Xk92!mqLz", "MOVIES_ADMIN_EMAIL=ops@example.com", "MOVIES_JWT_ACCESS_TTL=5m",
                    "MOVIES_CORS_ALLOWED_ORIGINS=https://a.example,https://b.example")
            .run((context) -> {
                assertThat(context).hasNotFailed();
                assertThat(context.getBean(JwtProperties.class).accessTtl()).hasMinutes(5);
                assertThat(context.getBean(JwtProperties.class).refreshTtl()).hasDays(1);
                assertThat(context.getBean(AdminProperties.class).username()).isEqualTo("admin");
                assertThat(context.getBean(AdminProperties.class).email()).isEqualTo("ops@example.com");
                assertThat(context.getBean(CorsProperties.class).allowedOrigins()).containsExactly("https://a.example",
                        "https://b.example");
                assertThat(context.getEnvironment().getProperty("movies.demo-data")).isEqualTo("false");
                assertThat(context.getEnvironment().getProperty("logging.structured.format.console")).isEqualTo("ecs");
                // The header infra's ApiStack.CLIENT_ADDRESS_HEADER has the gateway
                // overwrite; GatewayIntegrationTest too.
                assertThat(context.getEnvironment().getProperty("server.forward-headers-strategy")).isEqualTo("native");
                assertThat(context.getEnvironment().getProperty("server.tomcat.remoteip.remote-ip-header"))
                    .isEqualTo("X-Client-Ip");
            });
    }

    @Test
    void prodDatasourceComesFromTheRdsSecretFields() {
        ApplicationContextRunner prod = this.runner.withPropertyValues("spring.profiles.active=prod",
                "MOVIES_JWT_SECRET=" + "s".repeat(32), RESET_SECRET, "MOVIES_ADMIN_PASSWORD=Xk92!mqLz");
        prod.withPropertyValues("DB_HOST=db.internal", "DB_NAME=movies", "DB_USERNAME=movies", "DB_PASSWORD=pw")
            .run((context) -> {
                assertThat(context.getEnvironment().getProperty("spring.datasource.url"))
                    .isEqualTo("jdbc:postgresql://db.internal:5432/movies");
                assertThat(context.getEnvironment().getProperty("spring.datasource.username")).isEqualTo("movies");
            });
        prod.withPropertyValues("DB_NAME=movies")
            .run((context) -> assertThatIllegalArgumentException()
                .isThrownBy(() -> context.getEnvironment().getProperty("spring.datasource.url"))
                .withMessageContaining("DB_HOST"));
        prod.run((context) -> assertThatIllegalArgumentException()
            .isThrownBy(() -> context.getEnvironment().getProperty("spring.datasource.password"))
            .withMessageContaining("DB_PASSWORD"));
    }

    @Test
    void localDefaultHasDemoFallbacks() {
        this.runner.run((context) -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getEnvironment().getActiveProfiles()).isEmpty();
            assertThat(context.getEnvironment().getDefaultProfiles()).containsExactly("local");
            assertThat(context.getBean(AdminProperties.class).password()).isEqualTo("admin");
            assertThat(context.getBean(CorsProperties.class).allowedOrigins()).containsExactly("*");
            assertThat(context.getEnvironment().getProperty("movies.demo-data")).isEqualTo("true");
            assertThat(context.getEnvironment().getProperty("spring.datasource.url")).isNull();
        });
    }

    static String allMessages(Throwable failure) {
        StringBuilder messages = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            messages.append(cause.getMessage()).append('\n');
        }
        return messages.toString();
    }

}
