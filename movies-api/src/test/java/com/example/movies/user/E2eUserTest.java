package com.example.movies.user;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import com.example.movies.Api;
import com.example.movies.PostgresIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The deployed e2e suite's own staff account: made at start where configured, and kept as
 * configured (a rotated secret, a deactivation), so the suite never needs the admin.
 */
@PostgresIntegrationTest
class E2eUserTest {

    @Autowired
    UserRepository users;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    AdminProperties admin;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Api api;

    void start(String username, String password) {
        new AdminBootstrap(this.users, this.passwordEncoder, this.admin, new E2eUserProperties(username, password))
            .run(null);
    }

    int signIn(String username, String password) {
        return this.api.json("POST", "/api/token", null, Map.of("username", username, "password", password)).status();
    }

    @Test
    void theSuitesAccountIsMadeAndKeptAsConfigured() {
        String username = "e2e-" + System.nanoTime();
        start(username, "first-generated-secret-0123");
        start(username, "first-generated-secret-0123");
        assertThat(signIn(username, "first-generated-secret-0123")).isEqualTo(200);
        assertThat(this.users.findByUsername(username).orElseThrow().staff()).isTrue();

        start(username, "rotated-generated-secret-4567");
        assertThat(signIn(username, "first-generated-secret-0123")).isEqualTo(401);
        assertThat(signIn(username, "rotated-generated-secret-4567")).isEqualTo(200);

        this.jdbc.sql("UPDATE app_user SET is_active = FALSE, is_staff = FALSE WHERE username = :username")
            .param("username", username)
            .update();
        start(username, "rotated-generated-secret-4567");
        User user = this.users.findByUsername(username).orElseThrow();
        assertThat(user.active()).isTrue();
        assertThat(user.staff()).isTrue();
    }

    @Test
    void aShortPasswordStopsTheStartAndNoneIsMadeWithoutAUsername() {
        assertThatIllegalStateException().isThrownBy(() -> start("e2e-short", "short"))
            .withMessageContaining("MOVIES_E2E_USER_PASSWORD must be at least 16 characters");
        long before = this.jdbc.sql("SELECT COUNT(*) FROM app_user").query(Long.class).single();
        start("", null);
        assertThat(this.jdbc.sql("SELECT COUNT(*) FROM app_user").query(Long.class).single()).isEqualTo(before);
    }

}
