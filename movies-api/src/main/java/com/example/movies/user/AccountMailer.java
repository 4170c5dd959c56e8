package com.example.movies.user;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends the account mails (password reset, welcome, sign-up verification) through the
 * configured transport (MailConfig: Amazon SES, SMTP, or none: then the mail is logged).
 * The mail goes out on Boot's task executor, after the answer: a reset for a known
 * address must take as long as one for an unknown address, however slow the SMTP server.
 */
@Component
class AccountMailer {

    private static final Log logger = LogFactory.getLog(AccountMailer.class);

    private final MailTransport transport;

    private final ResetMailProperties properties;

    private final TaskExecutor executor;

    AccountMailer(MailTransport transport, ResetMailProperties properties,
            @Qualifier("applicationTaskExecutor") TaskExecutor executor) {
        this.transport = transport;
        this.properties = properties;
        this.executor = executor;
    }

    /** The reset link of a user who asked for it (or whom staff sent it). */
    void send(User user, String uid, String token) {
        queue(user, "Password reset",
                "You're receiving this email because you requested a password reset for your user account ("
                        + user.username() + ").\n\n" + instructions(uid, token));
    }

    /** The set-your-password link of an account staff created without a password. */
    void sendWelcome(User user, String uid, String token) {
        queue(user, "Your account", "An account was created for you (" + user.username()
                + "). Set its password to sign in.\n\n" + instructions(uid, token));
    }

    /** The link that verifies a signed-up account's address, which activates it. */
    void sendVerification(User user, String key) {
        String page = this.properties.frontendPage("/sign-up/verify/" + key)
            .map((link) -> "Activate it at " + link + "\n\nOr p")
            .orElse("P");
        queue(user, "Confirm your e-mail address", "You signed up as " + user.username() + ".\n\n" + page
                + "ost the key " + key + " to /api/v1/users/auth/registration/verify-email.\n");
    }

    /**
     * The frontend's page for the link where its URL is known, and the API's way always.
     */
    private String instructions(String uid, String token) {
        String page = this.properties.frontendPage("/password/reset/" + uid + "/" + token)
            .map((link) -> "Set your new password at " + link + "\n\nOr c")
            .orElse("C");
        return page + "onfirm it with uid " + uid + " and token " + token
                + " at /api/v1/users/auth/password/reset/confirm.\n";
    }

    private void queue(User user, String subject, String text) {
        try {
            this.executor.execute(() -> deliver(user, subject, text));
        }
        catch (TaskRejectedException ex) {
            // The queue is full (spring.task.execution.pool): the SMTP server is slow or
            // down, or mails are flooding.
            logger.warn("Mail '" + subject + "' of user " + user.id() + " dropped: the mail queue is full");
        }
    }

    private void deliver(User user, String subject, String text) {
        JavaMailSender sender = this.transport.sender();
        if (sender == null) {
            logger.info("No mail sender configured (spring.mail.host or spring.cloud.aws.ses.enabled); mail '" + subject
                    + "' to " + user.email() + ":\n" + text);
            return;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(this.properties.from());
        message.setTo(user.email());
        message.setSubject(subject);
        message.setText(text);
        try {
            sender.send(message);
        }
        catch (MailException ex) {
            // The answer stays the same whether or not a mail goes out: it must not
            // reveal accounts.
            logger.error("Could not send the mail '" + subject + "' of user " + user.id() + " through "
                    + this.transport.name(), ex);
        }
    }

}
