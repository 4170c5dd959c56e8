package com.example.movies.password;

import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.example.movies.mail.MailTemplate;
import com.example.movies.mail.Mailer;
import com.example.movies.user.User;

/**
 * The account mails (password reset, welcome, sign-up verification), from the templates
 * under resources/mail, each with the frontend's page for its link where the frontend's
 * URL is known, and the API's way always.
 */
@Component
public class AccountMailer {

    private static final MailTemplate RESET = new MailTemplate("password-reset");

    private static final MailTemplate WELCOME = new MailTemplate("welcome");

    private static final MailTemplate VERIFICATION = new MailTemplate("email-verification");

    private final Mailer mailer;

    private final ResetMailProperties properties;

    AccountMailer(Mailer mailer, ResetMailProperties properties) {
        this.mailer = mailer;
        this.properties = properties;
    }

    /** The reset link of a user who asked for it (or whom staff sent it). */
    void sendReset(User user, String uid, String token) {
        send(user, RESET, uid, token);
    }

    /** The set-your-password link of an account staff created without a password. */
    void sendWelcome(User user, String uid, String token) {
        send(user, WELCOME, uid, token);
    }

    /** The link that verifies a signed-up account's address, which activates it. */
    public void sendVerification(User user, String key) {
        Map<String, String> values = new HashMap<>();
        values.put("username", user.username());
        values.put("key", key);
        values.put("link", this.properties.frontendPage("/sign-up/verify/" + key).orElse(null));
        queue(user, VERIFICATION, values);
    }

    private void send(User user, MailTemplate template, String uid, String token) {
        Map<String, String> values = new HashMap<>();
        values.put("username", user.username());
        values.put("uid", uid);
        values.put("token", token);
        values.put("link", this.properties.frontendPage("/password/reset/" + uid + "/" + token).orElse(null));
        queue(user, template, values);
    }

    private void queue(User user, MailTemplate template, Map<String, String> values) {
        this.mailer.send(this.properties.from(), user.email(), "user " + user.id(), template.render(values));
    }

}
