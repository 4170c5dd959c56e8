package com.example.movies;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * A real SMTP server for the app's mail, on a free loopback port: it greets each
 * connection only after {@link #GREETING_DELAY} (a slow mail relay), then takes every
 * message and keeps it for the test to read. Importing it sets its port;
 * {@link GatewayIntegrationTest} sets {@code spring.mail.host=127.0.0.1} (a property that
 * decides whether Boot makes a mail sender at all, so it cannot wait for this server to
 * start).
 */
@TestConfiguration(proxyBeanMethods = false)
public class SlowSmtpServer implements DisposableBean {

    public static final Duration GREETING_DELAY = Duration.ofMillis(1500);

    private final ServerSocket server;

    private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();

    public SlowSmtpServer() throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "slow-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @Bean
    DynamicPropertyRegistrar smtpProperties() {
        return (registry) -> {
            registry.add("spring.mail.port", this.server::getLocalPort);
            registry.add("spring.mail.properties.mail.smtp.timeout", () -> "10000");
        };
    }

    /** The next message received (headers and body), waiting up to {@code timeout}. */
    public String nextMessage(Duration timeout) throws InterruptedException {
        String message = this.messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (message == null) {
            throw new IllegalStateException("No mail arrived within " + timeout);
        }
        return message;
    }

    public void clear() {
        this.messages.clear();
    }

    private void accept() {
        while (!this.server.isClosed()) {
            try {
                Socket socket = this.server.accept();
                Thread session = new Thread(() -> session(socket), "slow-smtp-session");
                session.setDaemon(true);
                session.start();
            }
            catch (IOException ex) {
                return;
            }
        }
    }

    private void session(Socket socket) {
        try (socket;
                BufferedReader in = new BufferedReader(
                        new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
            OutputStream out = socket.getOutputStream();
            Thread.sleep(GREETING_DELAY.toMillis());
            reply(out, "220 slow-smtp ESMTP");
            for (String line; (line = in.readLine()) != null;) {
                String command = line.toUpperCase();
                if (command.startsWith("DATA")) {
                    reply(out, "354 End data with <CR><LF>.<CR><LF>");
                    StringBuilder message = new StringBuilder();
                    for (String data; (data = in.readLine()) != null && !data.equals(".");) {
                        message.append(data).append('\n');
                    }
                    this.messages.add(message.toString());
                    reply(out, "250 OK");
                }
                else if (command.startsWith("QUIT")) {
                    reply(out, "221 Bye");
                    return;
                }
                else if (command.startsWith("EHLO") || command.startsWith("HELO")) {
                    reply(out, "250 slow-smtp");
                }
                else {
                    reply(out, "250 OK");
                }
            }
        }
        catch (IOException | InterruptedException ex) {
            // The client went away.
        }
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void destroy() throws IOException {
        this.server.close();
    }

}
