package com.example.movies.e2e.stack;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * A running movies system that the e2e suite talks to: the API (as clients reach it) and
 * the frontend (as browsers reach it).
 *
 * <p>
 * The suite starts one stack per test run ({@link StackExtension}) and
 * {@link StackSelection} chooses which, from the system property {@code e2e.stack} or the
 * environment variable {@code E2E_STACK}:
 * <ul>
 * <li>{@code processes}: {@link ProcessesStack}, the packaged API jar on a fresh
 * PostgreSQL database and Debian's nginx serving the frontend build;</li>
 * <li>{@code containers}: {@code ContainersStack}, the Jib-built images (two API replicas
 * behind a reverse proxy, the frontend image, PostgreSQL) through Testcontainers;</li>
 * <li>{@code deployed}: {@link DeployedStack}, an already running system (nothing is
 * started).</li>
 * </ul>
 * Without a choice, {@code containers} is used when {@code ContainersStack.isAvailable()}
 * says a Docker engine is reachable and its images exist, built after the modules' last
 * build ({@link StackSelection}), else {@code processes}.
 *
 * <p>
 * {@code ContainersStack} therefore offers a public no-argument constructor and
 * {@code public static boolean isAvailable()}, which must answer quickly and never throw.
 */
public interface Stack extends AutoCloseable {

    /**
     * Starts what this stack runs locally and returns once the API is ready and the
     * frontend answers.
     */
    void start() throws Exception;

    /**
     * Where the running stack is reached, and as whom; known once {@link #start()}
     * returned.
     */
    Endpoints endpoints();

    /**
     * The API's base URL as clients call it (the gateway when deployed), without a
     * trailing slash.
     */
    default URI apiUrl() {
        return endpoints().apiUrl();
    }

    /**
     * The frontend's base URL as browsers open it (the load balancer when deployed),
     * without a trailing slash.
     */
    default URI frontendUrl() {
        return endpoints().frontendUrl();
    }

    /** A staff user of this stack. */
    default Credentials admin() {
        return endpoints().admin();
    }

    /**
     * The base URL of each API replica, addressed directly rather than through
     * {@link #apiUrl()}, so that a test can write through one replica and read through
     * another. A stack whose replicas cannot be addressed one by one (a single process, a
     * deployed gateway) has {@code List.of(apiUrl())}; tests that prove shared state
     * between replicas need at least two entries.
     */
    default List<URI> apiReplicaUrls() {
        return endpoints().apiReplicaUrls();
    }

    /**
     * The inbox of the mails the API sends, where the stack runs one (the local stacks);
     * empty where mail goes out for real (the deployed stack's SES).
     */
    default Optional<MailInbox> inbox() {
        return Optional.empty();
    }

    /**
     * The WebDriver endpoint of the stack's own browser: the containers stack runs
     * Chromium as a container. Empty: the browser journeys drive the machine's Chromium,
     * found on the {@code PATH}.
     */
    default Optional<java.net.URL> webDriverUrl() {
        return Optional.empty();
    }

    /**
     * Runs the API's {@code import-django --from=<database>} against this stack's
     * database the way its deployment would (the jar as a one-off process, the image as a
     * one-off container); empty where the suite must not write into the database behind
     * the API's back (a deployed system).
     */
    default Optional<CommandResult> importDjango(java.nio.file.Path database) throws Exception {
        return Optional.empty();
    }

    /** A one-off command's exit status and what it printed. */
    record CommandResult(int exitStatus, String output) {
    }

    /**
     * Whether this stack and its data are thrown away after the run. Only then may a test
     * do what it cannot fully undo or what would disturb real users, such as changing the
     * admin's password.
     */
    boolean disposable();

    /**
     * Stops and removes whatever {@link #start()} created; safe to call after a failed or
     * partial start.
     */
    @Override
    void close();

    /** Short name for logs and reports, e.g. {@code processes}. */
    default String name() {
        return getClass().getSimpleName().replace("Stack", "").toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The addresses of a running stack and its staff user.
     *
     * @param apiUrl the API as clients call it
     * @param frontendUrl the frontend as browsers open it
     * @param apiReplicaUrls each API replica, addressed directly
     * @param admin a staff user
     */
    record Endpoints(URI apiUrl, URI frontendUrl, List<URI> apiReplicaUrls, Credentials admin) {

        /** A stack with one API address. */
        Endpoints(URI apiUrl, URI frontendUrl, Credentials admin) {
            this(apiUrl, frontendUrl, List.of(apiUrl), admin);
        }

    }

    record Credentials(String username, String password) {
        @Override
        public String toString() {
            return "Credentials[username=" + username + ", password=***]";
        }
    }

}
