package com.example.movies.user;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.task.TaskRejectedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * A full mail queue drops the mail with a warning, and the request that asked for it goes
 * on.
 */
@ExtendWith(OutputCaptureExtension.class)
class AccountMailerTest {

    @Test
    void aFullQueueDropsTheMailWithAWarning(CapturedOutput output) {
        AccountMailer mailer = new AccountMailer(MailTransport.NONE,
                new ResetMailProperties("webmaster@localhost", Duration.ofMinutes(2), null), (task) -> {
                    throw new TaskRejectedException("full");
                });
        User user = new User(42, "someone", "someone@example.com", "", "", "x", false, true, Instant.now(), null,
                false);
        assertThatNoException().isThrownBy(() -> mailer.send(user, "uid", "token"));
        assertThat(output).contains("Mail 'Password reset' of user 42 dropped: the mail queue is full");
    }

}
