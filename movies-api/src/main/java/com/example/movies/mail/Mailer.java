package com.example.movies.mail;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import com.example.movies.mail.MailTemplate.Message;

/**
 * Sends mails through the configured transport (MailConfig: Amazon SES, SMTP, or none:
 * then the mail is logged). The mail goes out on Boot's task executor, after the answer:
 * a reset for a known address must take as long as one for an unknown address, however
 * slow the SMTP server.
 */
@Component
public class Mailer {

    private static final Log logger = LogFactory.getLog(Mailer.class);

    private final MailTransport transport;

    private final TaskExecutor executor;

    public Mailer(MailTransport transport, @Qualifier("applicationTaskExecutor") TaskExecutor executor) {
        this.transport = transport;
        this.executor = executor;
    }

    /**
     * Queues a mail; {@code about} names its recipient in the logs (such as "user 42")
     * without the address.
     */
    public void send(String from, String to, String about, Message message) {
        try {
            this.executor.execute(() -> deliver(from, to, about, message));
        }
        catch (TaskRejectedException ex) {
            // The queue is full (spring.task.execution.pool): the SMTP server is slow or
            // down, or mails are flooding.
            logger.warn("Mail '" + message.subject() + "' of " + about + " dropped: the mail queue is full");
        }
    }

    private void deliver(String from, String to, String about, Message message) {
        JavaMailSender sender = this.transport.sender();
        if (sender == null) {
            logger.info("No mail sender configured (spring.mail.host or spring.cloud.aws.ses.enabled); mail '"
                    + message.subject() + "' to " + to + ":\n" + message.text());
            return;
        }
        SimpleMailMessage mail = new SimpleMailMessage();
        mail.setFrom(from);
        mail.setTo(to);
        mail.setSubject(message.subject());
        mail.setText(message.text());
        try {
            sender.send(mail);
        }
        catch (MailException ex) {
            // The answer stays the same whether or not a mail goes out: it must not
            // reveal accounts.
            logger.error("Could not send the mail '" + message.subject() + "' of " + about + " through "
                    + this.transport.name(), ex);
        }
    }

}
