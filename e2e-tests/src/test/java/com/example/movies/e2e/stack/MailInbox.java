package com.example.movies.e2e.stack;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;

/**
 * The SMTP server a local stack's API sends its mails to (GreenMail, in the test JVM),
 * and the inbox the tests read them from. It listens on every interface, so that API
 * containers reach it through the Docker host.
 */
public final class MailInbox implements AutoCloseable {

    private final GreenMail server;

    private MailInbox(GreenMail server) {
        this.server = server;
    }

    /** Starts the SMTP server on a free port. */
    public static MailInbox start() {
        GreenMail server = new GreenMail(
                new ServerSetup(LocalProcess.freePort(), "0.0.0.0", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return new MailInbox(server);
    }

    public int port() {
        return server.getSmtp().getPort();
    }

    /**
     * The text of the newest mail to {@code address} whose text matches {@code pattern},
     * waiting up to {@code timeout}; the first group of the match.
     */
    public String awaitMatch(String address, Pattern pattern, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            Optional<String> found = Arrays.stream(server.getReceivedMessages())
                .filter(message -> isTo(message, address))
                .map(message -> GreenMailUtil.getBody(message).replace("=\r\n", "").replace("=\n", ""))
                .map(pattern::matcher)
                .filter(Matcher::find)
                .map(matcher -> matcher.group(1))
                .reduce((first, second) -> second);
            if (found.isPresent()) {
                return found.get();
            }
            try {
                Thread.sleep(100);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("No mail to " + address + " matching " + pattern + " arrived within " + timeout
                + "; mails received: " + server.getReceivedMessages().length);
    }

    private static boolean isTo(Message message, String address) {
        try {
            return Arrays.stream(message.getAllRecipients()).anyMatch(to -> to.toString().equalsIgnoreCase(address));
        }
        catch (MessagingException e) {
            return false;
        }
    }

    @Override
    public void close() {
        server.stop();
    }

}
