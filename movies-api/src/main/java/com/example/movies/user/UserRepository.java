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

import com.example.movies.database.Like;
import com.example.movies.time.Timestamps;

/** Users in the database, through plain SQL that runs on both H2 and PostgreSQL. */
@Repository
public class UserRepository {

    private static final String SELECT = "SELECT id, username, email, first_name, last_name, password, is_staff, "
            + "is_active, date_joined, last_login, password_change_required FROM app_user";

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

    /** Accounts of self-service sign-up with this address, not yet verified. */
    List<User> findUnverifiedByEmail(String email) {
        return this.jdbc.sql(SELECT + " WHERE LOWER(email) = LOWER(:email) AND email_verified = FALSE ORDER BY id")
            .param("email", email)
            .query(UserRepository::user)
            .list();
    }

    /**
     * Verifies a signed-up account's address and activates it, once: false when it was
     * verified before (an account staff deactivated since stays inactive).
     */
    boolean verify(long id) {
        return this.jdbc.sql(
                "UPDATE app_user SET email_verified = TRUE, is_active = TRUE WHERE id = :id AND email_verified = FALSE")
            .param("id", id)
            .update() == 1;
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

    /**
     * A page of the users whose username, e-mail or names contain {@code search}
     * (case-insensitive), by id.
     */
    List<User> find(String search, Integer limit, int offset) {
        String page = ((limit != null) ? " LIMIT " + limit : "") + ((offset > 0) ? " OFFSET " + offset : "");
        return bind(this.jdbc.sql(SELECT + where(search) + " ORDER BY id" + page), search).query(UserRepository::user)
            .list();
    }

    long count(String search) {
        return bind(this.jdbc.sql("SELECT COUNT(*) FROM app_user" + where(search)), search).query(Long.class).single();
    }

    private static String where(String search) {
        return (search == null) ? ""
                : " WHERE LOWER(username) LIKE :search" + Like.ESCAPE + " OR LOWER(email) LIKE :search" + Like.ESCAPE
                        + " OR LOWER(first_name) LIKE :search" + Like.ESCAPE + " OR LOWER(last_name) LIKE :search"
                        + Like.ESCAPE;
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, String search) {
        if (search == null) {
            return statement;
        }
        return statement.param("search", Like.containsIgnoringCase(search));
    }

    /** How an account comes to be, which decides its first state. */
    enum Origin {

        /** By staff: active. */
        STAFF,

        /** By self-service sign-up: inactive until its address is verified. */
        SIGN_UP,

        /** The first start's admin: active, asked to change the configured password. */
        BOOTSTRAP

    }

    /**
     * @return the new user, as stored
     * @throws org.springframework.dao.DuplicateKeyException when the username is taken
     */
    User insert(NewUser user, String passwordHash, Instant dateJoined, Origin origin) {
        this.jdbc
            .sql("INSERT INTO app_user (username, email, first_name, last_name, password, is_staff, is_active, "
                    + "email_verified, password_change_required, date_joined) VALUES (:username, :email, "
                    + ":firstName, :lastName, :password, :staff, :active, :active, :changeRequired, :dateJoined)")
            .param("active", origin != Origin.SIGN_UP)
            .param("changeRequired", origin == Origin.BOOTSTRAP)
            .param("username", user.username())
            .param("email", user.email())
            .param("firstName", user.firstName())
            .param("lastName", user.lastName())
            .param("password", passwordHash)
            .param("staff", user.staff())
            .param("dateJoined", Timestamps.utc(dateJoined))
            .update();
        return findByUsername(user.username()).orElseThrow();
    }

    /** Staff's changes to an account: e-mail, names, active and staff. */
    void updateAccount(long id, String email, String firstName, String lastName, boolean active, boolean staff) {
        this.jdbc
            .sql("UPDATE app_user SET email = :email, first_name = :firstName, last_name = :lastName, "
                    + "is_active = :active, is_staff = :staff WHERE id = :id")
            .param("id", id)
            .param("email", email)
            .param("firstName", firstName)
            .param("lastName", lastName)
            .param("active", active)
            .param("staff", staff)
            .update();
    }

    /** Deletes the account; its movies stay, without a creator (V5). */
    boolean delete(long id) {
        return this.jdbc.sql("DELETE FROM app_user WHERE id = :id").param("id", id).update() == 1;
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

    /** A password the user chose: no longer one to be changed. */
    void updatePassword(long id, String passwordHash) {
        this.jdbc.sql("UPDATE app_user SET password = :password, password_change_required = FALSE WHERE id = :id")
            .param("id", id)
            .param("password", passwordHash)
            .update();
    }

    /** Another hash of the same password: the rest of the account stays as it is. */
    void replacePasswordHash(long id, String passwordHash) {
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
                (lastLogin != null) ? lastLogin.toInstant() : null, row.getBoolean("password_change_required"));
    }

}
