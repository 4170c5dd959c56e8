package com.example.movies.database;

import java.time.Duration;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Bounds on every PostgreSQL session of the pool, so a slow or unreachable database costs
 * a request seconds, not a thread forever: {@code statementTimeout} is PostgreSQL's
 * {@code statement_timeout} (the server cancels the statement, the connection stays
 * usable, the client gets a 503); {@code connectTimeout} bounds opening a TCP connection
 * and {@code socketTimeout} any single read (a database that stopped answering, e.g. a
 * network partition or a failover). The socket timeout must exceed the statement timeout,
 * so the server's cancel is what normally ends a slow statement. The pool's own limits
 * (size, connection wait) are Hikari's {@code spring.datasource.hikari.*} keys in
 * application.yaml. Zero switches a bound off.
 */
@ConfigurationProperties("movies.database")
public record DatabaseProperties(Duration statementTimeout, Duration connectTimeout, Duration socketTimeout) {

    public DatabaseProperties {
        statementTimeout = orZero(statementTimeout);
        connectTimeout = orZero(connectTimeout);
        socketTimeout = orZero(socketTimeout);
        if (!socketTimeout.isZero() && (statementTimeout.isZero() || socketTimeout.compareTo(statementTimeout) <= 0)) {
            throw new IllegalArgumentException("movies.database.socket-timeout (" + socketTimeout
                    + ") must exceed movies.database.statement-timeout (" + statementTimeout + ")");
        }
    }

    /** Sets the bounds as PostgreSQL JDBC driver properties of the pool's connections. */
    void applyTo(HikariDataSource dataSource) {
        if (!this.statementTimeout.isZero()) {
            Object options = dataSource.getDataSourceProperties().get("options");
            dataSource.addDataSourceProperty("options", ((options != null) ? options + " " : "")
                    + "-c statement_timeout=" + this.statementTimeout.toMillis());
        }
        if (!this.connectTimeout.isZero()) {
            dataSource.addDataSourceProperty("connectTimeout", String.valueOf(seconds(this.connectTimeout)));
        }
        if (!this.socketTimeout.isZero()) {
            dataSource.addDataSourceProperty("socketTimeout", String.valueOf(seconds(this.socketTimeout)));
        }
    }

    /**
     * The driver counts whole seconds; a bound below one second becomes one second rather
     * than none.
     */
    private static long seconds(Duration duration) {
        return Math.max(1, (duration.toMillis() + 999) / 1000);
    }

    private static Duration orZero(Duration duration) {
        return (duration != null) ? duration : Duration.ZERO;
    }

}
