package com.example.movies.e2e.drills;

import com.example.movies.e2e.stack.Settings;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of the drill's own, which it may stop and start: {@code initdb}
 * into a temporary directory and {@code pg_ctl} on a free port of 127.0.0.1 (trust
 * authentication, user {@code postgres}). Never the machine's cluster on 5432, which
 * others use. The binaries are the newest {@code /usr/lib/postgresql/<version>/bin}
 * unless {@code e2e.pgBin} / {@code E2E_PG_BIN} names a directory. PostgreSQL refuses to
 * run as root, so as root the commands run as the {@code postgres} user (which the
 * PostgreSQL package creates).
 */
final class PrivatePostgres implements AutoCloseable {

    private final Path bin;

    private final Path directory;

    private final Path data;

    private final Path log;

    final int port;

    private PrivatePostgres(Path bin, Path directory, int port) {
        this.bin = bin;
        this.directory = directory;
        this.data = directory.resolve("data");
        this.log = directory.resolve("postgres.log");
        this.port = port;
    }

    /** A new cluster, started. */
    static PrivatePostgres start() throws IOException, InterruptedException {
        Path directory = Files.createTempDirectory("movies-drill-pg-");
        if (runningAsRoot()) {
            UserPrincipal postgres = FileSystems.getDefault()
                .getUserPrincipalLookupService()
                .lookupPrincipalByName("postgres");
            Files.setOwner(directory, postgres);
        }
        PrivatePostgres cluster = new PrivatePostgres(binaries(), directory, freePort());
        cluster.run("initdb", "-D", cluster.data.toString(), "-U", "postgres", "-A", "trust", "-E", "UTF8",
                "--no-sync");
        Files.writeString(cluster.data.resolve("postgresql.conf"),
                String.join("\n", "port = " + cluster.port, "listen_addresses = '127.0.0.1'",
                        "unix_socket_directories = '" + directory + "'", "max_connections = 50",
                        "shared_buffers = 32MB", ""),
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        cluster.startServer();
        return cluster;
    }

    /** Starts the (stopped) server and waits until it accepts connections. */
    void startServer() throws IOException, InterruptedException {
        run("pg_ctl", "-D", data.toString(), "-l", log.toString(), "-w", "-t", "60", "start");
    }

    /**
     * Stops the server the way an administrator or a failover does: open sessions are
     * terminated at once.
     */
    void stopServer() throws IOException, InterruptedException {
        run("pg_ctl", "-D", data.toString(), "-m", "fast", "-w", "-t", "60", "stop");
    }

    /**
     * Freezes every process of the server (SIGSTOP): connections stay open and connects
     * are still accepted by the kernel, but nothing answers, as with a hung host or a
     * network partition. Only timeouts end the waits.
     */
    void freeze() throws IOException, InterruptedException {
        signal("-STOP");
    }

    /** Lets a frozen server run again (SIGCONT). */
    void thaw() throws IOException, InterruptedException {
        signal("-CONT");
    }

    private void signal(String signal) throws IOException, InterruptedException {
        long postmaster = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
        List<String> command = new ArrayList<>(List.of("kill", signal, String.valueOf(postmaster)));
        ProcessHandle.of(postmaster)
            .orElseThrow()
            .children()
            .forEach(child -> command.add(String.valueOf(child.pid())));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /**
     * A connection of the drill itself (application name {@value #DRILL_APPLICATION}),
     * not of the API's pool.
     */
    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database) + "?ApplicationName=" + DRILL_APPLICATION, "postgres", "");
    }

    static final String DRILL_APPLICATION = "drill";

    void createDatabase(String name) throws SQLException {
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
    }

    @Override
    public void close() {
        try {
            if (Files.exists(data.resolve("postmaster.pid"))) {
                run("pg_ctl", "-D", data.toString(), "-m", "immediate", "-w", "stop");
            }
        }
        catch (Exception e) {
            System.err.println("drill: could not stop the private PostgreSQL in " + directory + ": " + e);
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        catch (IOException e) {
            System.err.println("drill: could not delete " + directory + ": " + e);
        }
    }

    private void run(String program, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (runningAsRoot()) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(bin.resolve(program).toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output + logTail());
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        }
        catch (IOException e) {
            return "";
        }
    }

    private static Path binaries() throws IOException {
        var configured = Settings.find("e2e.pgBin");
        if (configured.isPresent()) {
            return Path.of(configured.get());
        }
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("The drills need PostgreSQL's server binaries (initdb, pg_ctl): none under "
                    + root + "; install the postgresql package or set e2e.pgBin / E2E_PG_BIN");
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(version -> version.resolve("bin"))
                .filter(dir -> Files.isExecutable(dir.resolve("initdb")))
                .max(Comparator.comparingInt(
                        dir -> Integer.parseInt(dir.getParent().getFileName().toString().replaceAll("\\D", "0"))))
                .orElseThrow(() -> new IllegalStateException("No initdb under " + root));
        }
    }

    private static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

}
