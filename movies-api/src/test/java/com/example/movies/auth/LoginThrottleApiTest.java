package com.example.movies.auth;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.example.movies.Api;
import com.example.movies.Api.Reply;
import com.example.movies.PostgresIntegrationTest;
import com.example.movies.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Brute force on the sign-in endpoints: limited per username and per client address, 429
 * with {@code Retry-After} in DRF's shape, counted in PostgreSQL, race-safe, and only for
 * one window.
 */
@PostgresIntegrationTest
class LoginThrottleApiTest {

    /**
     * This test's client address as the server sees it (no forwarded header is trusted by
     * default).
     */
    static final String LOOPBACK = LoginThrottle.key("address", "127.0.0.1");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LoginThrottleProperties limits;

    @Autowired
    Api api;

    @Autowired
    TestUsers users;

    @BeforeEach
    void setUp() {
        forgetAddress();
    }

    /**
     * Other tests sign in from the same address: they start from a clean address counter.
     */
    @AfterEach
    void forgetAddress() {
        this.jdbc.sql("DELETE FROM login_attempt WHERE throttle_key = :key").param("key", LOOPBACK).update();
    }

    Reply token(String username, String password) {
        return this.api.json("POST", "/api/token", null, Map.of("username", username, "password", password));
    }

    Reply login(String username, String password) {
        return this.api.json("POST", "/api/v1/users/auth/login", null,
                Map.of("username", username, "password", password));
    }

    Integer failures(String key) {
        return this.jdbc.sql("SELECT failures FROM login_attempt WHERE throttle_key = :key")
            .param("key", key)
            .query(Integer.class)
            .optional()
            .orElse(null);
    }

    static void assertThrottled(Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(429);
        long retryAfter = Long.parseLong(reply.header("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 15 * 60L);
        assertThat(reply.body())
            .isEqualTo("{\"detail\":\"Request was throttled. Expected available in " + retryAfter + " seconds.\"}");
    }

    @Test
    void defaultsAreTenPerUsernameAndFiftyPerAddressIn15Minutes() {
        assertThat(this.limits.perUsername()).isEqualTo(10);
        assertThat(this.limits.perAddress()).isEqualTo(50);
        assertThat(this.limits.window()).hasMinutes(15);
    }

    @Test
    void aUsernameIsRefusedAfterItsFailuresForOneWindowOnly() {
        String username = this.users.create(false);
        for (int i = 0; i < 10; i++) {
            assertThat(((i % 2 == 0) ? token(username, "wrong") : login(username, "wrong")).status()).isIn(400, 401);
        }
        assertThrottled(token(username, "wrong"));
        assertThrottled(token(username, TestUsers.PASSWORD));
        assertThrottled(login(username, TestUsers.PASSWORD));
        assertThat(failures(LoginThrottle.key("user", username))).as("refused attempts are not counted").isEqualTo(10);
        assertThat(token(this.users.create(false), TestUsers.PASSWORD).status()).as("other users").isEqualTo(200);

        // The window ends: the real user signs in again.
        this.jdbc.sql("UPDATE login_attempt SET window_start = :start WHERE throttle_key = :key")
            .param("start", OffsetDateTime.now(ZoneOffset.UTC).minus(this.limits.window()).minusSeconds(1))
            .param("key", LoginThrottle.key("user", username))
            .update();
        assertThat(token(username, TestUsers.PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void successfulSignInsAndInvalidRequestsDoNotCount() {
        String username = this.users.create(false);
        for (int i = 0; i < 9; i++) {
            assertThat(token(username, "wrong").status()).isEqualTo(401);
        }
        assertThat(token(username, TestUsers.PASSWORD).status()).isEqualTo(200);
        assertThat(this.api.json("POST", "/api/token", null, Map.of("username", username)).status()).isEqualTo(400);
        assertThat(failures(LoginThrottle.key("user", username))).isEqualTo(9);
        assertThat(token(username, "wrong").status()).as("the tenth failure").isEqualTo(401);
        assertThrottled(token(username, "wrong"));
    }

    @Test
    void anAddressIsRefusedAfterItsFailuresWhateverTheUsername() {
        this.jdbc.sql("INSERT INTO login_attempt (throttle_key, window_start, failures) VALUES (:key, :now, 49)")
            .param("key", LOOPBACK)
            .param("now", OffsetDateTime.now(ZoneOffset.UTC))
            .update();
        assertThat(token(this.users.create(false), "wrong").status()).as("the fiftieth failure").isEqualTo(401);
        String other = this.users.create(false);
        assertThrottled(token(other, TestUsers.PASSWORD));
        assertThrottled(login(other, TestUsers.PASSWORD));
        assertThat(failures(LoginThrottle.key("user", other))).as("the username's reservation is given back").isZero();
    }

    @Test
    void concurrentAttemptsNeverPassTheLimit() throws Exception {
        String username = this.users.create(false);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                statuses.add(pool.submit(() -> token(username, "wrong").status()));
            }
            List<Integer> answered = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                answered.add(status.get());
            }
            assertThat(answered).filteredOn((status) -> status == 401).hasSize(10);
            assertThat(answered).filteredOn((status) -> status == 429).hasSize(10);
        }
        finally {
            pool.shutdownNow();
        }
        assertThat(failures(LoginThrottle.key("user", username))).isEqualTo(10);
    }

    @Test
    void aForwardedAddressIsNotTrustedByDefault() {
        Reply reply = this.api.send(this.api.request("/api/token")
            .header("Content-Type", "application/json")
            .header("X-Client-Ip", "203.0.113.7")
            .header("X-Forwarded-For", "203.0.113.7")
            .header("Forwarded", "for=203.0.113.7")
            .POST(java.net.http.HttpRequest.BodyPublishers
                .ofString("{\"username\":\"nobody-" + System.nanoTime() + "\",\"password\":\"x\"}")));
        assertThat(reply.status()).isEqualTo(401);
        assertThat(failures(LoginThrottle.key("address", "203.0.113.7"))).isNull();
        assertThat(failures(LOOPBACK)).isEqualTo(1);
    }

}
