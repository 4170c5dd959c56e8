package com.example.movies.user;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.example.movies.Api;
import com.example.movies.Api.Reply;
import com.example.movies.PostgresIntegrationTest;
import com.example.movies.TestUsers;
import com.example.movies.password.AccountTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The users rows of the contract: user list, user details, password change and reset, on
 * PostgreSQL.
 */
@PostgresIntegrationTest
class UserApiTest {

    static final String USER = "/api/v1/users/auth/user";

    static final String TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}Z";

    @Autowired
    UserRepository userRepository;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountTokens tokens;

    @Autowired
    Api api;

    @Autowired
    TestUsers users;

    @Test
    void staffListAllUsers() {
        this.users.create(false);
        Reply reply = this.api.get("/api/v1/users", this.api.accessToken("admin", "admin"));
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().isArray()).isTrue();
        JsonNode admin = reply.json().get(0);
        List<String> names = new ArrayList<>();
        admin.properties().forEach((property) -> names.add(property.getKey()));
        assertThat(names).containsExactly("pk", "username", "email", "first_name", "last_name", "is_active", "is_staff",
                "last_login", "date_joined");
        assertThat(admin.get("is_staff").asBoolean()).isTrue();
        assertThat(admin.get("date_joined").asString()).matches(TIMESTAMP);
        assertThat(admin.get("last_login").asString()).matches(TIMESTAMP);
        assertThat(reply.json().size()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void userDetailsReadAndUpdate() {
        String username = this.users.create(false);
        String access = this.api.accessToken(username, TestUsers.PASSWORD);
        long id = this.users.id(username);
        Reply get = this.api.get("/api/v1/users/auth/user", access);
        assertThat(get.body()).isEqualTo("{\"pk\":" + id + ",\"username\":\"" + username + "\",\"email\":\"" + username
                + "@example.com\",\"first_name\":\"\",\"last_name\":\"\",\"is_staff\":false,\"password_change_required\":false}");

        Reply patch = this.api.json("PATCH", "/api/v1/users/auth/user", access,
                Map.of("first_name", "Ada", "pk", 999, "email", "changed@example.com", "unknown", 1));
        assertThat(patch.status()).isEqualTo(200);
        assertThat(patch.json().get("first_name").asString()).isEqualTo("Ada");
        assertThat(patch.json().get("pk").asLong()).as("pk read-only").isEqualTo(id);
        assertThat(patch.json().get("email").asString()).as("email read-only").isEqualTo(username + "@example.com");

        Reply putMissing = this.api.json("PUT", "/api/v1/users/auth/user", access, Map.of("last_name", "Lovelace"));
        assertThat(putMissing.status()).isEqualTo(400);
        assertThat(putMissing.body()).isEqualTo("{\"username\":[\"This field is required.\"]}");

        String renamed = username + "-renamed";
        Reply put = this.api.json("PUT", "/api/v1/users/auth/user", access,
                Map.of("username", renamed, "last_name", "Lovelace"));
        assertThat(put.status()).isEqualTo(200);
        assertThat(put.json().get("username").asString()).isEqualTo(renamed);
        assertThat(put.json().get("first_name").asString()).isEqualTo("Ada");
        assertThat(put.json().get("last_name").asString()).isEqualTo("Lovelace");
        assertThat(this.api.get("/api/v1/users/auth/user", access).json()).isEqualTo(put.json());
    }

    /**
     * Django's UnicodeUsernameValidator: Python's word characters (letters and digits of
     * any script, the underscore) and @.+-; a combining mark is none of them.
     */
    @Test
    void usernamesAreDjangosUnicodeWordCharacters() {
        String username = this.users.create(false);
        String access = this.api.accessToken(username, TestUsers.PASSWORD);
        String unicode = "Zoë_李٣.@+-" + username.hashCode();
        Reply renamed = this.api.json("PATCH", "/api/v1/users/auth/user", access, Map.of("username", unicode));
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        assertThat(renamed.json().get("username").asString()).isEqualTo(unicode);
        Reply combining = this.api.json("PATCH", "/api/v1/users/auth/user", access,
                Map.of("username", "e\u0301" + username));
        assertThat(combining.status()).isEqualTo(400);
        assertThat(combining.body()).contains("Enter a valid username.");
    }

    @Test
    void invalidUserDetailsAreRefused() {
        String username = this.users.create(false);
        String other = this.users.create(false);
        String access = this.api.accessToken(username, TestUsers.PASSWORD);
        assertThat(this.api.json("PATCH", "/api/v1/users/auth/user", access, Map.of("username", other)).body())
            .isEqualTo("{\"username\":[\"A user with that username already exists.\"]}");
        assertThat(this.api.json("PATCH", "/api/v1/users/auth/user", access, Map.of("username", "has space")).body())
            .isEqualTo("{\"username\":[\"Enter a valid username. This value may contain only letters, numbers, "
                    + "and @/./+/-/_ characters.\"]}");
        assertThat(
                this.api.json("PATCH", "/api/v1/users/auth/user", access, Map.of("username", "x".repeat(151))).body())
            .isEqualTo("{\"username\":[\"Ensure this field has no more than 150 characters.\"]}");
        assertThat(this.api.json("PATCH", "/api/v1/users/auth/user", access, "[]").status()).isEqualTo(400);
        assertThat(this.api.json("PATCH", "/api/v1/users/auth/user", access, "{").status()).isEqualTo(400);
        assertThat(this.api.json("POST", "/api/v1/users/auth/user", access, Map.of()).status()).isEqualTo(405);
        assertThat(this.api.get("/api/v1/users/auth/user", access).json().get("username").asString())
            .isEqualTo(username);
        assertThat(this.api.get("/api/v1/users/auth/user").status()).isEqualTo(401);
    }

    @Test
    void passwordChangeAppliesDjangosValidators() {
        String username = this.users.create(false);
        String access = this.api.accessToken(username, TestUsers.PASSWORD);
        String path = "/api/v1/users/auth/password/change";
        assertThat(this.api.json("POST", path, access, Map.of("new_password1", "Xk92!mqLz", "new_password2", "other"))
            .body()).isEqualTo("{\"new_password2\":[\"The two password fields didn\u2019t match.\"]}");
        assertThat(this.api.json("POST", path, access, Map.of("new_password1", "123", "new_password2", "123")).body())
            .isEqualTo("{\"new_password2\":[\"This password is too short. It must contain at least 8 characters.\","
                    + "\"This password is too common.\",\"This password is entirely numeric.\"]}");
        assertThat(this.api.json("POST", path, access, Map.of("new_password1", username, "new_password2", username))
            .body()).contains("The password is too similar to the username.");
        assertThat(this.api.json("POST", path, access, Map.of()).body()).isEqualTo(
                "{\"new_password1\":[\"This field is required.\"],\"new_password2\":[\"This field is required.\"]}");
        assertThat(this.users.passwordIs(username, TestUsers.PASSWORD)).as("bad input changes nothing").isTrue();
        assertThat(this.api.json("POST", path, null, Map.of()).status()).isEqualTo(401);

        Reply changed = this.api.json("POST", path, access,
                Map.of("new_password1", "Xk92!mqLz", "new_password2", "Xk92!mqLz"));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("detail").asString()).isEqualTo("New password has been saved.");
        assertThat(this.users.passwordIs(username, "Xk92!mqLz")).isTrue();
        assertThat(
                this.api.json("POST", "/api/token", null, Map.of("username", username, "password", TestUsers.PASSWORD))
                    .status())
            .isEqualTo(401);
    }

    @Test
    void aPasswordChangeEndsTheOtherSessionsAndKeepsThisOne() {
        String username = this.users.create(false);
        JsonNode other = this.api.tokens(username, TestUsers.PASSWORD);
        JsonNode current = this.api.tokens(username, TestUsers.PASSWORD);
        Reply changed = this.api.json("POST", "/api/v1/users/auth/password/change", current.get("access").asString(),
                Map.of("new_password1", "Xk92!mqLz", "new_password2", "Xk92!mqLz"));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("sessions").asString())
            .isEqualTo("Your other sessions have been signed out; this one goes on with the tokens of this answer.");

        for (JsonNode session : List.of(other, current)) {
            assertThat(this.api.get(USER, session.get("access").asString()).status())
                .as("an access token issued before the change")
                .isEqualTo(401);
            assertThat(this.api
                .json("POST", "/api/token/refresh", null, Map.of("refresh", session.get("refresh").asString()))
                .status()).as("a refresh token issued before the change").isEqualTo(401);
        }
        assertThat(this.api.get(USER, changed.json().get("access").asString()).status()).isEqualTo(200);
        Reply refreshed = this.api.json("POST", "/api/token/refresh", null,
                Map.of("refresh", changed.json().get("refresh").asString()));
        assertThat(refreshed.status()).as("this session goes on").isEqualTo(200);
        assertThat(this.api.get(USER, refreshed.json().get("access").asString()).status()).isEqualTo(200);
    }

    @Test
    void theAdminIsAskedToChangeTheConfiguredPasswordUntilTheyDo() {
        String username = this.users.create(true);
        this.jdbc.sql("UPDATE app_user SET password_change_required = TRUE WHERE username = :username")
            .param("username", username)
            .update();
        String access = this.api.accessToken(username, TestUsers.PASSWORD);
        assertThat(this.api.get(USER, access).json().get("password_change_required").asBoolean()).isTrue();
        Reply changed = this.api.json("POST", "/api/v1/users/auth/password/change", access,
                Map.of("new_password1", "Xk92!mqLz", "new_password2", "Xk92!mqLz"));
        assertThat(this.api.get(USER, changed.json().get("access").asString())
            .json()
            .get("password_change_required")
            .asBoolean()).isFalse();
    }

    @Test
    void passwordResetAnswersTheSameForUnknownAddresses() {
        String username = this.users.create(false);
        for (String email : List.of(username + "@example.com", "nobody-" + username + "@example.com")) {
            Reply reply = this.api.json("POST", "/api/v1/users/auth/password/reset", null, Map.of("email", email));
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.body()).isEqualTo("{\"detail\":\"Password reset e-mail has been sent.\"}");
        }
        assertThat(this.api.json("POST", "/api/v1/users/auth/password/reset", null, Map.of("email", "not-an-address"))
            .body()).isEqualTo("{\"email\":[\"Enter a valid email address.\"]}");
        assertThat(this.api.json("POST", "/api/v1/users/auth/password/reset", null, Map.of()).body())
            .isEqualTo("{\"email\":[\"This field is required.\"]}");
        assertThat(this.users.passwordIs(username, TestUsers.PASSWORD)).isTrue();
    }

    @Test
    void passwordResetConfirmSetsTheNewPasswordOnce() {
        String username = this.users.create(false);
        User user = this.userRepository.findByUsername(username).orElseThrow();
        String uid = AccountTokens.uid(user);
        String token = this.tokens.token(user);
        String path = "/api/v1/users/auth/password/reset/confirm";

        assertThat(this.api
            .json("POST", path, null,
                    Map.of("uid", "!!", "token", token, "new_password1", "Xk92!mqLz", "new_password2", "Xk92!mqLz"))
            .body()).isEqualTo("{\"uid\":[\"Invalid value\"]}");
        assertThat(this.api
            .json("POST", path, null,
                    Map.of("uid", uid, "token", "1-abc", "new_password1", "Xk92!mqLz", "new_password2", "Xk92!mqLz"))
            .body()).isEqualTo("{\"token\":[\"Invalid value\"]}");
        assertThat(this.api
            .json("POST", path, null,
                    Map.of("uid", uid, "token", token, "new_password1", "short", "new_password2", "short"))
            .body()).contains("This password is too short.");
        assertThat(this.users.passwordIs(username, TestUsers.PASSWORD)).isTrue();

        Reply reset = this.api.json("POST", path, null,
                Map.of("uid", uid, "token", token, "new_password1", "Xk92!mqLz", "new_password2", "Xk92!mqLz"));
        assertThat(reset.status()).isEqualTo(200);
        assertThat(reset.body()).isEqualTo("{\"detail\":\"Password has been reset with the new password.\"}");
        assertThat(this.users.passwordIs(username, "Xk92!mqLz")).isTrue();

        Reply again = this.api.json("POST", path, null,
                Map.of("uid", uid, "token", token, "new_password1", "Yq81@nwKp", "new_password2", "Yq81@nwKp"));
        assertThat(again.body()).as("the token dies with the password it was made for")
            .isEqualTo("{\"token\":[\"Invalid value\"]}");
    }

}
