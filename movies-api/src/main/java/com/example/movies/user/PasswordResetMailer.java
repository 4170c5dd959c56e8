package com.example.movies.user;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends the reset link through Spring Mail where SMTP is configured
 * ({@code spring.mail.host}), else logs it. The mail goes out on Boot's task executor,
 * after the answer: a reset for a known address must take as long as one for an unknown
 * address, however slow the SMTP server.
 */
@Component
class PasswordResetMailer {

    private static final Log logger = LogFactory.getLog(PasswordResetMailer.class);

    private final ObjectProvider<JavaMailSender> mailSender;

    private final ResetMailProperties properties;

    private final TaskExecutor executor;

    PasswordResetMailer(ObjectProvider<JavaMailSender> mailSender, ResetMailProperties properties,
            @Qualifier("applicationTaskExecutor") TaskExecutor executor) {
        this.mailSender = mailSender;
        this.properties = properties;
        this.executor = executor;
    }

    void send(User user, String uid, String token) {
        try {
            this.executor.execute(() -> deliver(user, uid, token));
        }
        catch (TaskRejectedException ex) {
            // The queue is full (spring.task.execution.pool): the SMTP server is slow or
            // down, or mails are flooding.
            logger.warn("Password reset mail of user " + user.id() + " dropped: the mail queue is full");
        }
    }

    private void deliver(User user, String uid, String token) {
        String text = "You're receiving this email because you requested a password reset for your user account " + "("
                + user.username() + ").\n\nConfirm it with uid " + uid + " and token " + token
                + " at /api/v1/users/auth/password/reset/confirm.\n";
        JavaMailSender sender = this.mailSender.getIfAvailable();
        if (sender == null) {
            logger.info("No SMTP server configured (spring.mail.host); password reset mail to " + user.email() + ":\n"
                    + text);
            return;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(this.properties.from());
        message.setTo(user.email());
        message.setSubject("Password reset");
        message.setText(text);
        try {
            sender.send(message);
        }
        catch (MailException ex) {
            // The answer stays the same whether or not a mail goes out: it must not
            // reveal accounts.
            logger.error("Could not send the password reset mail of user " + user.id(), ex);
        }
    }

}
