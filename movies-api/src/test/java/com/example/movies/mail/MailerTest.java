package com.example.movies.mail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.task.TaskRejectedException;

import com.example.movies.mail.MailTemplate.Message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * A full mail queue drops the mail with a warning, and the request that asked for it goes
 * on.
 */
@ExtendWith(OutputCaptureExtension.class)
class MailerTest {

    @Test
    void aFullQueueDropsTheMailWithAWarning(CapturedOutput output) {
        Mailer mailer = new Mailer(MailTransport.NONE, (task) -> {
            throw new TaskRejectedException("full");
        });
        assertThatNoException().isThrownBy(() -> mailer.send("webmaster@localhost", "someone@example.com", "user 42",
                new Message("Password reset", "text")));
        assertThat(output).contains("Mail 'Password reset' of user 42 dropped: the mail queue is full");
    }

}
