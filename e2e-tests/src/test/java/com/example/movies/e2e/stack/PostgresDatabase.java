package com.example.movies.e2e.stack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A fresh, uniquely named database on the machine's PostgreSQL (127.0.0.1:5432, trust
 * auth, user postgres unless the libpq variables PGHOST, PGPORT, PGUSER, PGPASSWORD say
 * otherwise), dropped on close.
 */
final class PostgresDatabase implements AutoCloseable {

    final String host = env("PGHOST", "127.0.0.1");

    final int port = Integer.parseInt(env("PGPORT", "5432"));

    final String user = env("PGUSER", "postgres");

    final String password = env("PGPASSWORD", "");

    final String name = "e2e_" + UUID.randomUUID().toString().replace("-", "").toLowerCase(Locale.ROOT);

    private boolean created;

    PostgresDatabase create() throws SQLException {
        execute("CREATE DATABASE " + name);
        created = true;
        return this;
    }

    @Override
    public void close() {
        if (!created) {
            return;
        }
        try {
            execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            created = false;
        }
        catch (SQLException e) {
            System.err.println("e2e: could not drop database " + name + ": " + e);
        }
    }

    private void execute(String sql) throws SQLException {
        String url = "jdbc:postgresql://" + host + ":" + port + "/postgres";
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

}
