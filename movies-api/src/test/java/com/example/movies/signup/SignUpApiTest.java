package com.example.movies.signup;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.example.movies.Api;
import com.example.movies.Api.Reply;
import com.example.movies.GatewayIntegrationTest;
import com.example.movies.SlowSmtpServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Self-service sign-up (on in the local profile) through a real SMTP server: an inactive
 * account, the mail's key activates it once, the answer to "send it again" never reveals
 * an account, and bad input creates nothing.
 */
@GatewayIntegrationTest
class SignUpApiTest {

    static final String REGISTER = "/api/v1/users/auth/registration";

    static final String VERIFY = REGISTER + "/verify-email";

    static final String RESEND = REGISTER + "/resend-email";

    static final String PASSWORD = "Xk92!mqLz-sign";

    /** The key in the mail's text, possibly quoted-printable (soft line breaks). */
    static final Pattern KEY = Pattern.compile("key (\\S+) to");

    @Autowired
    Api api;

    @Autowired
    SlowSmtpServer smtp;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void setUp() {
        this.smtp.clear();
    }

    static String newUsername() {
        return "signup-" + UUID.randomUUID().toString().substring(0, 8);
    }

    Reply register(String username, String email, String password1, String password2) {
        return this.api.json("POST", REGISTER, null,
                Map.of("username", username, "email", email, "password1", password1, "password2", password2));
    }

    Reply signIn(String username, String password) {
        return this.api.json("POST", "/api/v1/users/auth/login", null,
                Map.of("username", username, "password", password));
    }

    String keyOfMail() throws InterruptedException {
        String mail = this.smtp.nextMessage(Duration.ofSeconds(30)).replace("=\n", "").replace("=3D", "=");
        Matcher key = KEY.matcher(mail);
        assertThat(key.find()).as(mail).isTrue();
        assertThat(mail).as("the link to the frontend's page").contains("/sign-up/verify/" + key.group(1));
        return key.group(1);
    }

    long accounts(String username) {
        return this.jdbc.sql("SELECT COUNT(*) FROM app_user WHERE username = :username")
            .param("username", username)
            .query(Long.class)
            .single();
    }

    @Test
    void aNewAccountSignsInOnceItsAddressIsVerified() throws InterruptedException {
        String username = newUsername();
        Reply registered = register(username, username + "@example.com", PASSWORD, PASSWORD);
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        assertThat(registered.body()).isEqualTo("{\"detail\":\"Verification e-mail sent.\"}");
        assertThat(signIn(username, PASSWORD).status()).as("inactive until verified").isEqualTo(400);

        String key = keyOfMail();
        Reply verified = this.api.json("POST", VERIFY, null, Map.of("key", key));
        assertThat(verified.status()).as(verified.body()).isEqualTo(200);
        assertThat(verified.body()).isEqualTo("{\"detail\":\"ok\"}");
        assertThat(signIn(username, PASSWORD).status()).isEqualTo(200);

        Reply again = this.api.json("POST", VERIFY, null, Map.of("key", key));
        assertThat(again.status()).as("a key works once").isEqualTo(404);
        assertThat(again.body()).isEqualTo("{\"detail\":\"Not found.\"}");
    }

    @Test
    void aVerificationKeyCannotReactivateAnAccountStaffDeactivated() throws InterruptedException {
        String username = newUsername();
        assertThat(register(username, username + "@example.com", PASSWORD, PASSWORD).status()).isEqualTo(201);
        String key = keyOfMail();
        assertThat(this.api.json("POST", VERIFY, null, Map.of("key", key)).status()).isEqualTo(200);
        this.jdbc.sql("UPDATE app_user SET is_active = FALSE WHERE username = :username")
            .param("username", username)
            .update();

        assertThat(this.api.json("POST", VERIFY, null, Map.of("key", key)).status()).isEqualTo(404);
        assertThat(this.api.json("POST", RESEND, null, Map.of("email", username + "@example.com")).status())
            .isEqualTo(200);
        assertThatIllegalStateException().as("no new mail for a verified address")
            .isThrownBy(() -> this.smtp.nextMessage(SlowSmtpServer.GREETING_DELAY.multipliedBy(3)));
        assertThat(signIn(username, PASSWORD).status()).isEqualTo(400);
    }

    @Test
    void keysThatAreNotOnesAreNotFound() {
        for (String key : new String[] { "", "x", "MQ:abc", "MQ:1-00", ":", "not base64!:1-2", "OTk5OTk5:1-2" }) {
            Reply reply = this.api.json("POST", VERIFY, null, Map.of("key", key));
            assertThat(reply.status()).as(key).isIn(400, 404);
        }
        assertThat(this.api.json("POST", VERIFY, null, Map.of()).body())
            .isEqualTo("{\"key\":[\"This field is required.\"]}");
    }

    @Test
    void resendAnswersAlikeAndMailsAnUnverifiedAddressOncePerInterval() throws InterruptedException {
        String username = newUsername();
        String email = username + "@example.com";
        assertThat(register(username, email, PASSWORD, PASSWORD).status()).isEqualTo(201);
        String first = keyOfMail();

        Reply unknown = this.api.json("POST", RESEND, null, Map.of("email", "nobody-" + email));
        Reply known = this.api.json("POST", RESEND, null, Map.of("email", email));
        assertThat(known.status()).isEqualTo(200);
        assertThat(known.body()).isEqualTo(unknown.body()).isEqualTo("{\"detail\":\"ok\"}");
        assertThatIllegalStateException().as("within the interval of the sign-up's own mail")
            .isThrownBy(() -> this.smtp.nextMessage(SlowSmtpServer.GREETING_DELAY.multipliedBy(3)));

        this.jdbc.sql("UPDATE app_user SET reset_mail_sent = NULL WHERE username = :username")
            .param("username", username)
            .update();
        assertThat(this.api.json("POST", RESEND, null, Map.of("email", email)).status()).isEqualTo(200);
        String second = keyOfMail();
        assertThat(this.api.json("POST", VERIFY, null, Map.of("key", second)).status()).isEqualTo(200);
        assertThat(this.api.json("POST", VERIFY, null, Map.of("key", first)).status())
            .as("the first key is used up with the address verified")
            .isEqualTo(404);
    }

    @Test
    void badSignUpsSayWhatIsWrongAndCreateNothing() {
        String username = newUsername();
        Reply mismatch = register(username, username + "@example.com", PASSWORD, PASSWORD + "x");
        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(mismatch.body())
            .isEqualTo("{\"non_field_errors\":[\"The two password fields didn\u2019t match.\"]}");

        Reply weak = register(username, username + "@example.com", "12345678", "12345678");
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.json().get("password1").toString()).contains("This password is too common.")
            .contains("This password is entirely numeric.");

        Reply missing = this.api.json("POST", REGISTER, null, Map.of("username", username));
        assertThat(missing.body()).isEqualTo("{\"email\":[\"This field is required.\"],"
                + "\"password1\":[\"This field is required.\"],\"password2\":[\"This field is required.\"]}");

        Reply badName = register("no spaces please", username + "@example.com", PASSWORD, PASSWORD);
        assertThat(badName.json().has("username")).as(badName.body()).isTrue();
        assertThat(accounts(username)).isZero();

        Reply taken = register("admin", username + "@example.com", PASSWORD, PASSWORD);
        assertThat(taken.status()).isEqualTo(400);
        assertThat(taken.body()).isEqualTo("{\"username\":[\"A user with that username already exists.\"]}");

        Reply addressTaken = register(username, "admin@example.com", PASSWORD, PASSWORD);
        assertThat(addressTaken.status()).isEqualTo(400);
        assertThat(addressTaken.body())
            .isEqualTo("{\"email\":[\"A user is already registered with this e-mail address.\"]}");
        assertThat(accounts(username)).isZero();
    }

}
