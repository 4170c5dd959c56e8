package com.example.movies.password;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import com.example.movies.Api;
import com.example.movies.Api.Reply;
import com.example.movies.GatewayIntegrationTest;
import com.example.movies.SlowSmtpServer;
import com.example.movies.TestUsers;
import com.example.movies.user.User;
import com.example.movies.user.UserService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Password reset against a real (and slow) SMTP server: the answer never tells whether an
 * address exists, by its status, its body or its time; the token of the mail works once,
 * and not after it expired.
 */
@GatewayIntegrationTest
public class PasswordResetApiTest {

    static final String RESET = "/api/v1/users/auth/password/reset";

    public static final String CONFIRM = "/api/v1/users/auth/password/reset/confirm";

    /** The mail's text, possibly quoted-printable (soft line breaks). */
    public static final Pattern LINK = Pattern.compile("uid (\\S+) and token (\\S+) at");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SlowSmtpServer smtp;

    @Autowired
    UserService userRepository;

    @Autowired
    AccountTokens tokens;

    @Autowired
    ResetMailProperties resetMail;

    @Autowired
    @Qualifier("applicationTaskExecutor")
    ThreadPoolTaskExecutor mailQueue;

    @Autowired
    Api api;

    @Autowired
    TestUsers users;

    @BeforeEach
    void setUp() {
        this.smtp.clear();
    }

    Reply reset(String email) {
        return this.api.json("POST", RESET, null, Map.of("email", email));
    }

    long millis(String email) {
        long start = System.nanoTime();
        Reply reply = reset(email);
        long elapsed = (System.nanoTime() - start) / 1_000_000;
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("{\"detail\":\"Password reset e-mail has been sent.\"}");
        return elapsed;
    }

    static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    @Test
    void aKnownAddressIsAnsweredLikeAnUnknownOneAndAsFast() throws InterruptedException {
        String known = this.users.create(false) + "@example.com";
        String unknown = "nobody-" + known;
        List<Long> knownTimes = new ArrayList<>();
        List<Long> unknownTimes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            knownTimes.add(millis(known));
            unknownTimes.add(millis(unknown));
        }
        // The SMTP server greets after 1.5 s: an answer that waited for the mail would
        // show it.
        assertThat(median(knownTimes) - median(unknownTimes)).as("known %s, unknown %s", knownTimes, unknownTimes)
            .isLessThan(SlowSmtpServer.GREETING_DELAY.toMillis() / 3);
        assertThat(this.smtp.nextMessage(Duration.ofSeconds(30))).as("the mail still goes out").contains(known);
    }

    @Test
    void theTokenOfTheMailResetsThePasswordOnce() throws InterruptedException {
        String username = this.users.create(false);
        assertThat(reset(username + "@example.com").status()).isEqualTo(200);
        String mail = this.smtp.nextMessage(Duration.ofSeconds(30)).replace("=\n", "");
        Matcher link = LINK.matcher(mail);
        assertThat(link.find()).as(mail).isTrue();
        assertThat(mail).as("the link to the frontend's page")
            .contains("Set your new password at http://localhost:")
            .contains("/password/reset/" + link.group(1) + "/" + link.group(2));
        Map<String, String> confirm = Map.of("uid", link.group(1), "token", link.group(2), "new_password1", "Xk92!mqLz",
                "new_password2", "Xk92!mqLz");
        assertThat(this.api.json("POST", CONFIRM, null, confirm).status()).isEqualTo(200);
        assertThat(this.users.passwordIs(username, "Xk92!mqLz")).isTrue();

        Reply again = this.api.json("POST", CONFIRM, null, Map.of("uid", link.group(1), "token", link.group(2),
                "new_password1", "Yq81@nwKp", "new_password2", "Yq81@nwKp"));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.body()).isEqualTo("{\"token\":[\"Invalid value\"]}");
        assertThat(this.users.passwordIs(username, "Xk92!mqLz")).isTrue();
    }

    @Test
    void anExpiredTokenIsRefused() {
        String username = this.users.create(false);
        User user = this.userRepository.findByUsername(username).orElseThrow();
        Instant justExpired = Instant.now().minus(AccountTokens.VALIDITY).minusSeconds(5);
        Instant stillValid = Instant.now().minus(AccountTokens.VALIDITY).plusSeconds(60);
        Reply expired = this.api.json("POST", CONFIRM, null, Map.of("uid", AccountTokens.uid(user), "token",
                this.tokens.token(user, justExpired), "new_password1", "Xk92!mqLz", "new_password2", "Xk92!mqLz"));
        assertThat(expired.status()).isEqualTo(400);
        assertThat(expired.body()).isEqualTo("{\"token\":[\"Invalid value\"]}");
        assertThat(this.users.passwordIs(username, TestUsers.PASSWORD)).isTrue();
        Reply valid = this.api.json("POST", CONFIRM, null, Map.of("uid", AccountTokens.uid(user), "token",
                this.tokens.token(user, stillValid), "new_password1", "Xk92!mqLz", "new_password2", "Xk92!mqLz"));
        assertThat(valid.status()).as("a token just inside its three days").isEqualTo(200);
    }

    @Test
    void anAccountGetsAtMostOneMailPerInterval() throws InterruptedException {
        String email = this.users.create(false) + "@example.com";
        assertThat(reset(email).status()).isEqualTo(200);
        assertThat(reset(email).status()).as("answered alike").isEqualTo(200);
        assertThat(this.smtp.nextMessage(Duration.ofSeconds(30))).contains(email);
        assertThatIllegalStateException().as("a second mail within the interval")
            .isThrownBy(() -> this.smtp.nextMessage(SlowSmtpServer.GREETING_DELAY.multipliedBy(3)));
        this.jdbc.sql("UPDATE app_user SET reset_mail_sent = :sent WHERE email = :email")
            .param("sent", OffsetDateTime.now(ZoneOffset.UTC).minus(this.resetMail.resetInterval()))
            .param("email", email)
            .update();
        assertThat(reset(email).status()).isEqualTo(200);
        assertThat(this.smtp.nextMessage(Duration.ofSeconds(30))).as("the interval has passed").contains(email);
    }

    @Test
    void mailsWaitInABoundedQueue() {
        assertThat(this.mailQueue.getQueueCapacity()).isEqualTo(100);
        assertThat(this.mailQueue.getMaxPoolSize()).isEqualTo(8);
    }

}
