package com.example.movies.staff;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import com.example.movies.Api;
import com.example.movies.Api.Reply;
import com.example.movies.GatewayIntegrationTest;
import com.example.movies.SlowSmtpServer;
import com.example.movies.TestUsers;
import com.example.movies.password.PasswordResetApiTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff's user management over HTTP on PostgreSQL, with a real SMTP server for the mails:
 * who may, the list's search and paging, creation with and without a password, changes,
 * deletion, and the rules that keep staff from locking themselves out.
 */
@GatewayIntegrationTest
class StaffUserApiTest {

    static final String USERS = "/api/v1/users";

    static final String FORBIDDEN = "{\"detail\":\"You do not have permission to perform this action.\"}";

    @Autowired
    Api api;

    @Autowired
    TestUsers users;

    @Autowired
    SlowSmtpServer smtp;

    String staffToken;

    String staff;

    @BeforeEach
    void signIn() {
        this.smtp.clear();
        this.staff = this.users.create(true);
        this.staffToken = this.api.accessToken(this.staff, TestUsers.PASSWORD);
    }

    Reply create(Map<String, Object> body) {
        return this.api.json("POST", USERS, this.staffToken, body);
    }

    @Test
    void onlyStaffManageUsers() {
        String userToken = this.api.accessToken(this.users.create(false), TestUsers.PASSWORD);
        long someone = this.users.id(this.users.create(false));
        String[][] calls = { { "GET", USERS, null },
                { "POST", USERS, "{\"username\":\"x\",\"email\":\"x@example.com\"}" },
                { "GET", USERS + "/" + someone, null }, { "PATCH", USERS + "/" + someone, "{\"is_active\":false}" },
                { "DELETE", USERS + "/" + someone, null },
                { "POST", USERS + "/" + someone + "/password-reset", null } };
        for (String[] call : calls) {
            Reply anonymous = this.api.send(call[0], call[1], null, "application/json", call[2]);
            assertThat(anonymous.status()).as("anonymous " + call[0] + " " + call[1]).isEqualTo(401);
            Reply user = this.api.send(call[0], call[1], userToken, "application/json", call[2]);
            assertThat(user.status()).as("user " + call[0] + " " + call[1]).isEqualTo(403);
            assertThat(user.body()).isEqualTo(FORBIDDEN);
        }
        assertThat(this.api.get(USERS + "/" + someone, this.staffToken).json().get("is_active").asBoolean()).isTrue();
    }

    @Test
    void theListIsSearchedAndPaged() {
        String tag = "find" + UUID.randomUUID().toString().substring(0, 6);
        for (String name : List.of("a", "b", "c")) {
            assertThat(create(Map.of("username", tag + name, "email", name + "@" + tag + ".example", "first_name",
                    "First " + name, "password", "Xk92!mqLz-" + name))
                .status()).isEqualTo(201);
        }
        Reply all = this.api.get(USERS + "?search=" + tag.toUpperCase(), this.staffToken);
        assertThat(all.header("X-Total-Count")).hasValue("3");
        assertThat(usernames(all)).containsExactly(tag + "a", tag + "b", tag + "c");
        JsonNode first = all.json().get(0);
        List<String> fields = new ArrayList<>();
        first.properties().forEach((field) -> fields.add(field.getKey()));
        assertThat(fields).containsExactly("pk", "username", "email", "first_name", "last_name", "is_active",
                "is_staff", "last_login", "date_joined");
        Reply page = this.api.get(USERS + "?search=" + tag + "&limit=1&offset=1", this.staffToken);
        assertThat(usernames(page)).containsExactly(tag + "b");
        assertThat(page.header("X-Total-Count")).hasValue("3");
        assertThat(usernames(this.api.get(USERS + "?search=First%20c", this.staffToken))).contains(tag + "c");
        assertThat(this.api.get(USERS + "?limit=-1", this.staffToken).body())
            .isEqualTo("{\"limit\":[\"Ensure this value is greater than or equal to 0.\"]}");
    }

    @Test
    void aUserCreatedWithAPasswordSignsIn() {
        String username = "new" + UUID.randomUUID().toString().substring(0, 8);
        Reply created = create(Map.of("username", username, "email", username + "@example.com", "is_staff", false,
                "password", "Xk92!mqLz"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("username").asString()).isEqualTo(username);
        assertThat(created.json().get("is_active").asBoolean()).isTrue();
        assertThat(this.api.accessToken(username, "Xk92!mqLz")).isNotBlank();

        Reply duplicate = create(Map.of("username", username, "email", "other@example.com"));
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.body()).isEqualTo("{\"username\":[\"A user with that username already exists.\"]}");
        Reply weak = create(Map.of("username", username + "w", "email", "w@example.com", "password", "123"));
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.json().get("password").toString()).contains("This password is too short.");
        Reply invalid = create(Map.of("username", "has space", "email", "nope", "is_staff", "maybe"));
        assertThat(invalid.json().has("username")).isTrue();
        assertThat(invalid.json().get("email").get(0).asString()).isEqualTo("Enter a valid email address.");
        assertThat(invalid.json().get("is_staff").get(0).asString()).isEqualTo("Must be a valid boolean.");
        assertThat(this.api.get(USERS + "?search=" + username + "w", this.staffToken).header("X-Total-Count"))
            .as("nothing created")
            .hasValue("0");
    }

    @Test
    void aUserCreatedWithoutAPasswordIsMailedALinkToSetOne() throws InterruptedException {
        String username = "mailed" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(create(Map.of("username", username, "email", username + "@example.com")).status()).isEqualTo(201);
        String mail = this.smtp.nextMessage(Duration.ofSeconds(30)).replace("=\n", "");
        assertThat(mail).contains("An account was created for you (" + username + ")");
        Matcher link = PasswordResetApiTest.LINK.matcher(mail);
        assertThat(link.find()).as(mail).isTrue();
        assertThat(this.api.json("POST", "/api/token", null, Map.of("username", username, "password", "")).status())
            .isEqualTo(400);
        assertThat(this.api
            .json("POST", PasswordResetApiTest.CONFIRM, null, Map.of("uid", link.group(1), "token", link.group(2),
                    "new_password1", "Xk92!mqLz", "new_password2", "Xk92!mqLz"))
            .status()).isEqualTo(200);
        assertThat(this.api.accessToken(username, "Xk92!mqLz")).isNotBlank();
    }

    @Test
    void staffChangeADeactivateAndDeleteUsersWhoseTokensStopAtOnce() {
        String username = this.users.create(false);
        long pk = this.users.id(username);
        String token = this.api.accessToken(username, TestUsers.PASSWORD);
        String movie = this.api.json("POST", "/api/v1/movie", token, Map.of("title", "Kept " + pk, "year", 2000))
            .json()
            .get("id")
            .asString();

        Reply changed = this.api.json("PATCH", USERS + "/" + pk, this.staffToken,
                Map.of("first_name", "Ada", "email", "ada@example.com", "is_staff", true));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("first_name").asString()).isEqualTo("Ada");
        assertThat(changed.json().get("is_staff").asBoolean()).isTrue();
        assertThat(changed.json().get("username").asString()).isEqualTo(username);

        assertThat(this.api.json("PATCH", USERS + "/" + pk, this.staffToken, Map.of("is_active", false)).status())
            .isEqualTo(200);
        assertThat(this.api.get("/api/v1/users/auth/user", token).status()).as("deactivated").isEqualTo(401);
        assertThat(this.api.json("PATCH", USERS + "/" + pk, this.staffToken, Map.of("is_active", true)).status())
            .isEqualTo(200);
        assertThat(this.api.get("/api/v1/users/auth/user", token).status()).isEqualTo(200);

        assertThat(this.api.send("DELETE", USERS + "/" + pk, this.staffToken, null, null).status()).isEqualTo(204);
        assertThat(this.api.get("/api/v1/users/auth/user", token).status()).as("deleted").isEqualTo(401);
        assertThat(this.api.get(USERS + "/" + pk, this.staffToken).status()).isEqualTo(404);
        JsonNode kept = this.api.get("/api/v1/movie/" + movie).json();
        assertThat(kept.get("title").asString()).isEqualTo("Kept " + pk);
        assertThat(kept.get("created_by").isNull()).as("the movie stays, without its creator").isTrue();
        assertThat(this.api.send("DELETE", USERS + "/" + pk, this.staffToken, null, null).status()).isEqualTo(404);
    }

    @Test
    void staffCannotLockThemselvesOut() {
        long self = this.users.id(this.staff);
        Reply deactivate = this.api.json("PATCH", USERS + "/" + self, this.staffToken, Map.of("is_active", false));
        assertThat(deactivate.status()).isEqualTo(400);
        assertThat(deactivate.body()).isEqualTo("{\"detail\":\"You cannot deactivate your own account.\"}");
        assertThat(this.api.json("PATCH", USERS + "/" + self, this.staffToken, Map.of("is_staff", "false")).body())
            .isEqualTo("{\"detail\":\"You cannot remove your own staff status.\"}");
        assertThat(this.api.send("DELETE", USERS + "/" + self, this.staffToken, null, null).body())
            .isEqualTo("{\"detail\":\"You cannot delete your own account.\"}");
        JsonNode unchanged = this.api.get(USERS + "/" + self, this.staffToken).json();
        assertThat(unchanged.get("is_active").asBoolean()).isTrue();
        assertThat(unchanged.get("is_staff").asBoolean()).isTrue();
    }

    @Test
    void staffSendAResetLinkAtMostOncePerInterval() throws InterruptedException {
        String username = this.users.create(false);
        String path = USERS + "/" + this.users.id(username) + "/password-reset";
        Reply sent = this.api.send("POST", path, this.staffToken, null, null);
        assertThat(sent.status()).isEqualTo(200);
        assertThat(sent.body()).isEqualTo("{\"detail\":\"Password reset e-mail has been sent.\"}");
        assertThat(this.smtp.nextMessage(Duration.ofSeconds(30))).contains(username);
        Reply again = this.api.send("POST", path, this.staffToken, null, null);
        assertThat(again.status()).isEqualTo(429);
        assertThat(again.header("Retry-After")).isPresent();
        assertThat(this.api.send("POST", USERS + "/999999999/password-reset", this.staffToken, null, null).status())
            .isEqualTo(404);
    }

    static List<String> usernames(Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        reply.json().forEach((user) -> names.add(user.get("username").asString()));
        return names;
    }

}
