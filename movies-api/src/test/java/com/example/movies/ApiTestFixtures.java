package com.example.movies;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * What the API tests of {@link PostgresIntegrationTest} inject: a client of the running
 * app and test accounts.
 */
@TestConfiguration(proxyBeanMethods = false)
class ApiTestFixtures {

    /**
     * Lazy: the server's port is known once the context has started, before any test
     * instance asks for it.
     */
    @Bean
    @Lazy
    Api api(@Value("${local.server.port}") int port) {
        return new Api(port);
    }

    @Bean
    TestUsers testUsers(JdbcClient jdbc, PasswordEncoder passwordEncoder) {
        return new TestUsers(jdbc, passwordEncoder);
    }

}
