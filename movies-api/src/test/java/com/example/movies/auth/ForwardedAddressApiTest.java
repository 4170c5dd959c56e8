package com.example.movies.auth;

import java.net.http.HttpRequest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.example.movies.Api;
import com.example.movies.Api.Reply;
import com.example.movies.GatewayIntegrationTest;
import com.example.movies.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behind the gateway (as deployed), the login throttle counts the client's address from
 * {@code X-Client-Ip}, which the gateway overwrites with the address it saw; an
 * {@code X-Forwarded-For} the client wrote counts for nothing.
 */
@GatewayIntegrationTest
class ForwardedAddressApiTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Api api;

    @Autowired
    TestUsers users;

    Reply signIn(String clientAddress, String username, String password) {
        return signIn(clientAddress, "198.51.100.250", username, password);
    }

    Reply signIn(String clientAddress, String forwardedFor, String username, String password) {
        return this.api.send(this.api.request("/api/token")
            .header("Content-Type", "application/json")
            .header("X-Client-Ip", clientAddress)
            .header("X-Forwarded-For", forwardedFor)
            .POST(HttpRequest.BodyPublishers
                .ofString("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}")));
    }

    Integer failures(String address) {
        return this.jdbc.sql("SELECT failures FROM login_attempt WHERE throttle_key = :key")
            .param("key", LoginThrottle.key("address", address))
            .query(Integer.class)
            .optional()
            .orElse(null);
    }

    @Test
    void theClientAddressTheGatewaySetIsCounted() {
        assertThat(signIn("198.51.100.23", this.users.create(false), "wrong").status()).isEqualTo(401);
        assertThat(failures("198.51.100.23")).isEqualTo(1);
        // What a client writes into X-Forwarded-For (the gateway may pass it on) is not
        // its address.
        assertThat(signIn("198.51.100.24", "203.0.113.99", this.users.create(false), "wrong").status()).isEqualTo(401);
        assertThat(failures("198.51.100.24")).isEqualTo(1);
        assertThat(failures("203.0.113.99")).isNull();
        assertThat(failures("198.51.100.250")).isNull();
        assertThat(failures("127.0.0.1")).as("not the proxy's own address").isNull();
    }

    @Test
    void eachForwardedAddressHasItsOwnLimit() {
        this.jdbc.sql("INSERT INTO login_attempt (throttle_key, window_start, failures) VALUES (:key, :now, 49)")
            .param("key", LoginThrottle.key("address", "198.51.100.77"))
            .param("now", OffsetDateTime.now(ZoneOffset.UTC))
            .update();
        assertThat(signIn("198.51.100.77", this.users.create(false), "wrong").status()).isEqualTo(401);
        Reply throttled = signIn("198.51.100.77", this.users.create(false), TestUsers.PASSWORD);
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.header("Retry-After")).isPresent();
        assertThat(signIn("198.51.100.78", this.users.create(false), TestUsers.PASSWORD).status())
            .as("another client behind the same gateway")
            .isEqualTo(200);
    }

}
