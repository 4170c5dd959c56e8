package com.example.movies.user;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.example.movies.time.Timestamps;

/** Users in the database, through plain SQL that runs on both H2 and PostgreSQL. */
@Repository
public class UserRepository {

    private static final String SELECT = "SELECT id, username, email, first_name, last_name, password, is_staff, "
            + "is_active, date_joined, last_login FROM app_user";

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<User> findById(long id) {
        return this.jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(UserRepository::user).optional();
    }

    /** Usernames are case-sensitive, as in Django. */
    public Optional<User> findByUsername(String username) {
        return this.jdbc.sql(SELECT + " WHERE username = :username")
            .param("username", username)
            .query(UserRepository::user)
            .optional();
    }

    /** Accounts with this address, case-insensitively (addresses are not unique). */
    List<User> findByEmail(String email) {
        return this.jdbc.sql(SELECT + " WHERE LOWER(email) = LOWER(:email) ORDER BY id")
            .param("email", email)
            .query(UserRepository::user)
            .list();
    }

    /**
     * Claims the account's next reset mail: false while its last one went out less than
     * {@code interval} ago.
     */
    boolean claimResetMail(long id, Instant now, Duration interval) {
        return this.jdbc
            .sql("UPDATE app_user SET reset_mail_sent = :now WHERE id = :id "
                    + "AND (reset_mail_sent IS NULL OR reset_mail_sent <= :since)")
            .param("id", id)
            .param("now", Timestamps.utc(now))
            .param("since", Timestamps.utc(now.minus(interval)))
            .update() == 1;
    }

    List<User> findAll() {
        return this.jdbc.sql(SELECT + " ORDER BY id").query(UserRepository::user).list();
    }

    /**
     * @throws org.springframework.dao.DuplicateKeyException when the username is taken
     */
    void insert(String username, String email, String passwordHash, boolean staff, Instant dateJoined) {
        this.jdbc
            .sql("INSERT INTO app_user (username, email, first_name, last_name, password, is_staff, is_active, "
                    + "date_joined) VALUES (:username, :email, '', '', :password, :staff, TRUE, :dateJoined)")
            .param("username", username)
            .param("email", email)
            .param("password", passwordHash)
            .param("staff", staff)
            .param("dateJoined", Timestamps.utc(dateJoined))
            .update();
    }

    /**
     * @throws org.springframework.dao.DuplicateKeyException when the username is taken
     */
    void updateProfile(long id, String username, String firstName, String lastName) {
        this.jdbc
            .sql("UPDATE app_user SET username = :username, first_name = :firstName, last_name = :lastName "
                    + "WHERE id = :id")
            .param("id", id)
            .param("username", username)
            .param("firstName", firstName)
            .param("lastName", lastName)
            .update();
    }

    void updatePassword(long id, String passwordHash) {
        this.jdbc.sql("UPDATE app_user SET password = :password WHERE id = :id")
            .param("id", id)
            .param("password", passwordHash)
            .update();
    }

    void updateLastLogin(long id, Instant lastLogin) {
        this.jdbc.sql("UPDATE app_user SET last_login = :lastLogin WHERE id = :id")
            .param("id", id)
            .param("lastLogin", Timestamps.utc(lastLogin))
            .update();
    }

    private static User user(ResultSet row, int rowNumber) throws SQLException {
        OffsetDateTime lastLogin = row.getObject("last_login", OffsetDateTime.class);
        return new User(row.getLong("id"), row.getString("username"), row.getString("email"),
                row.getString("first_name"), row.getString("last_name"), row.getString("password"),
                row.getBoolean("is_staff"), row.getBoolean("is_active"),
                row.getObject("date_joined", OffsetDateTime.class).toInstant(),
                (lastLogin != null) ? lastLogin.toInstant() : null);
    }

}
