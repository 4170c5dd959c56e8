package com.example.movies;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Creates accounts straight in the database, each with a unique username, for tests that
 * need their own.
 */
public final class TestUsers {

    public static final String PASSWORD = "correct horse battery";

    private final JdbcClient jdbc;

    private final PasswordEncoder passwordEncoder;

    private final String passwordHash;

    public TestUsers(JdbcClient jdbc, PasswordEncoder passwordEncoder) {
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
        this.passwordHash = passwordEncoder.encode(PASSWORD);
    }

    /**
     * @return the new user's username; its password is {@link #PASSWORD}
     */
    public String create(boolean staff) {
        String username = "user-" + UUID.randomUUID().toString().substring(0, 8);
        this.jdbc
            .sql("INSERT INTO app_user (username, email, first_name, last_name, password, is_staff, is_active, "
                    + "date_joined) VALUES (:username, :email, '', '', :password, :staff, TRUE, :now)")
            .param("username", username)
            .param("email", username + "@example.com")
            .param("password", this.passwordHash)
            .param("staff", staff)
            .param("now", OffsetDateTime.now(ZoneOffset.UTC))
            .update();
        return username;
    }

    public long id(String username) {
        return this.jdbc.sql("SELECT id FROM app_user WHERE username = :username")
            .param("username", username)
            .query(Long.class)
            .single();
    }

    public boolean passwordIs(String username, String password) {
        String hash = this.jdbc.sql("SELECT password FROM app_user WHERE username = :username")
            .param("username", username)
            .query(String.class)
            .single();
        return this.passwordEncoder.matches(password, hash);
    }

}
