package com.example.movies.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.example.movies.time.Timestamps;
import com.example.movies.problem.Throttled;

/**
 * Brute-force protection of the sign-in endpoints: failed attempts are counted per
 * username and per client address in a fixed window, in the database (every replica
 * counts the same). Each attempt first reserves a failure on both counters with one
 * conditional UPDATE, so concurrent attempts can never pass the limit; a successful
 * sign-in gives its reservation back. Past a limit, attempts are refused until the window
 * that started with the first failure ends: the real user waits at most one window, never
 * forever.
 */
@Component
class LoginThrottle {

    private final JdbcClient jdbc;

    private final LoginThrottleProperties properties;

    LoginThrottle(JdbcClient jdbc, LoginThrottleProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /**
     * An attempt that holds a reservation on its counters until it {@link #succeeded()}.
     */
    final class Attempt {

        private final List<String> keys;

        private Attempt(List<String> keys) {
            this.keys = keys;
        }

        /** The credentials were right: the attempt does not count as a failure. */
        void succeeded() {
            this.keys.forEach(LoginThrottle.this::release);
        }

    }

    /**
     * Reserves one failure for this username (or e-mail address) and client address.
     * @throws Throttled when either has used up its failures in the current window
     */
    Attempt begin(String username, String clientAddress) {
        Instant now = Instant.now();
        List<String> reserved = new ArrayList<>(2);
        Duration wait = Duration.ZERO;
        for (Counter counter : List.of(new Counter(key("user", username), this.properties.perUsername()),
                new Counter(key("address", clientAddress), this.properties.perAddress()))) {
            Optional<Duration> refused = reserve(counter, now);
            if (refused.isEmpty()) {
                reserved.add(counter.key());
            }
            else if (refused.get().compareTo(wait) > 0) {
                wait = refused.get();
            }
        }
        if (reserved.size() < 2) {
            reserved.forEach(this::release);
            throw new Throttled(wait);
        }
        return new Attempt(reserved);
    }

    private record Counter(String key, int max) {
    }

    /**
     * Counts one more failure in the key's window, or starts a new window.
     * @return empty when counted, else the time left until the key's window ends
     */
    private Optional<Duration> reserve(Counter counter, Instant now) {
        if (countFailure(counter, now)) {
            return Optional.empty();
        }
        Optional<Instant> windowStart = this.jdbc
            .sql("SELECT window_start FROM login_attempt WHERE throttle_key = :key")
            .param("key", counter.key())
            .query(OffsetDateTime.class)
            .optional()
            .map(OffsetDateTime::toInstant);
        if (windowStart.isPresent()) {
            Duration left = Duration.between(now, windowStart.get().plus(this.properties.window()));
            return Optional.of(left.isNegative() ? Duration.ZERO : left);
        }
        try {
            this.jdbc.sql("INSERT INTO login_attempt (throttle_key, window_start, failures) VALUES (:key, :now, 1)")
                .param("key", counter.key())
                .param("now", Timestamps.utc(now))
                .update();
        }
        catch (DuplicateKeyException ex) {
            // Another request made the row just now.
            return countFailure(counter, now) ? Optional.empty() : Optional.of(this.properties.window());
        }
        // A new key: rows of ended windows go now, so the table holds only the current
        // windows.
        this.jdbc.sql("DELETE FROM login_attempt WHERE window_start <= :ended")
            .param("ended", Timestamps.utc(now.minus(this.properties.window())))
            .update();
        return Optional.empty();
    }

    /**
     * One atomic statement: a new window if the last one ended, else one more failure if
     * under the limit.
     */
    private boolean countFailure(Counter counter, Instant now) {
        return this.jdbc
            .sql("UPDATE login_attempt SET "
                    + "failures = CASE WHEN window_start <= :ended THEN 1 ELSE failures + 1 END, "
                    + "window_start = CASE WHEN window_start <= :ended THEN :now ELSE window_start END "
                    + "WHERE throttle_key = :key AND (window_start <= :ended OR failures < :max)")
            .param("key", counter.key())
            .param("now", Timestamps.utc(now))
            .param("ended", Timestamps.utc(now.minus(this.properties.window())))
            .param("max", counter.max())
            .update() == 1;
    }

    private void release(String key) {
        this.jdbc.sql("UPDATE login_attempt SET failures = failures - 1 WHERE throttle_key = :key AND failures > 0")
            .param("key", key)
            .update();
    }

    /** The stored key: a hash, so that no username or address is kept in the table. */
    static String key(String kind, String value) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                .digest((kind + ":" + value).getBytes(StandardCharsets.UTF_8));
            return kind.charAt(0) + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

}
