package com.example.movies.djangoimport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A database made by the original Django app's migrations, read only: its users
 * ({@code users_customuser}, the original's {@code AUTH_USER_MODEL}), its movies
 * ({@code movies_movie}), and the row counts of every other table. SQLite (the original's
 * default, a file) or PostgreSQL (a JDBC URL with its credentials).
 */
final class DjangoDatabase implements AutoCloseable {

    static final String USERS = "users_customuser";

    static final String MOVIES = "movies_movie";

    /** Django's own bookkeeping: nothing a user made. */
    private static final Set<String> BOOKKEEPING = Set.of("django_migrations", "sqlite_sequence");

    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    /** SQLite's text timestamps as Django writes them (UTC with USE_TZ). */
    private static final DateTimeFormatter SQLITE_TIMESTAMP = new DateTimeFormatterBuilder()
        .appendPattern("yyyy-MM-dd[ ]['T']HH:mm:ss")
        .optionalStart()
        .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
        .optionalEnd()
        .optionalStart()
        .appendOffset("+HH:MM", "Z")
        .optionalEnd()
        .toFormatter(Locale.ROOT);

    private final String name;

    private final Connection connection;

    private DjangoDatabase(String name, Connection connection) {
        this.name = name;
        this.connection = connection;
    }

    /** A user row, as Django stores it. */
    record DjangoUser(long id, String username, String email, String firstName, String lastName, String password,
            boolean staff, boolean superuser, boolean active, Instant dateJoined, Instant lastLogin) {
    }

    /** A movie row, as Django stores it (the id as text, as SQLite keeps it). */
    record DjangoMovie(String id, Instant created, Instant modified, String title, String description, String slug,
            long year) {
    }

    /**
     * Opens {@code from}: a JDBC URL ({@code jdbc:postgresql://...}, credentials in it or
     * in {@code user} and {@code password}), or the path of a SQLite file, read only.
     * @throws ImportException when it cannot be opened or is not such a database
     */
    static DjangoDatabase open(String from, String user, String password) {
        try {
            if (from.startsWith("jdbc:")) {
                return new DjangoDatabase(from, DriverManager.getConnection(from, user, password)).checked();
            }
            Path file = Path.of(from);
            if (!Files.isRegularFile(file)) {
                throw new ImportException("No file at " + file.toAbsolutePath()
                        + ": give the path of the original's db.sqlite3, or a jdbc:postgresql:// URL");
            }
            if (!isSqlite(file)) {
                throw new ImportException(file.toAbsolutePath() + " is not a SQLite database (the original's "
                        + "db.sqlite3 is one); for PostgreSQL give a jdbc:postgresql:// URL");
            }
            org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
            config.setReadOnly(true);
            return new DjangoDatabase(file.toString(),
                    DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties()))
                .checked();
        }
        catch (SQLException ex) {
            throw new ImportException("Cannot read the original database " + from + ": " + ex.getMessage(), ex);
        }
    }

    private static boolean isSqlite(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(SQLITE_HEADER.length), SQLITE_HEADER);
        }
        catch (IOException ex) {
            throw new ImportException("Cannot read " + file.toAbsolutePath() + ": " + ex.getMessage(), ex);
        }
    }

    private DjangoDatabase checked() throws SQLException {
        Set<String> tables = tables();
        List<String> missing = new ArrayList<>();
        for (String table : List.of(USERS, MOVIES)) {
            if (!tables.contains(table)) {
                missing.add(table);
            }
        }
        if (!missing.isEmpty()) {
            close();
            throw new ImportException(this.name + " has no table " + String.join(" and no table ", missing)
                    + ": it is not a database of the original Django app (its migrations create " + USERS + " and "
                    + MOVIES + ")");
        }
        return this;
    }

    String name() {
        return this.name;
    }

    private Set<String> tables() throws SQLException {
        DatabaseMetaData metaData = this.connection.getMetaData();
        Set<String> tables = new TreeSet<>();
        String schema = this.name.startsWith("jdbc:") ? this.connection.getSchema() : null;
        try (ResultSet rows = metaData.getTables(null, schema, "%", new String[] { "TABLE" })) {
            while (rows.next()) {
                tables.add(rows.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return tables;
    }

    List<DjangoUser> users() throws SQLException {
        List<DjangoUser> users = new ArrayList<>();
        try (Statement statement = this.connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT id, username, email, first_name, last_name, password, "
                        + "is_staff, is_superuser, is_active, date_joined, last_login FROM " + USERS
                        + " ORDER BY id")) {
            while (row.next()) {
                long id = row.getLong("id");
                String where = USERS + " row id=" + id;
                users.add(new DjangoUser(id, row.getString("username"), row.getString("email"),
                        row.getString("first_name"), row.getString("last_name"), row.getString("password"),
                        row.getBoolean("is_staff"), row.getBoolean("is_superuser"), row.getBoolean("is_active"),
                        timestamp(row, "date_joined", where), timestamp(row, "last_login", where)));
            }
        }
        return users;
    }

    List<DjangoMovie> movies() throws SQLException {
        List<DjangoMovie> movies = new ArrayList<>();
        try (Statement statement = this.connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT id, created, modified, title, description, slug, year "
                        + "FROM " + MOVIES + " ORDER BY created, id")) {
            while (row.next()) {
                String id = row.getString("id");
                String where = MOVIES + " row id=" + id;
                movies.add(new DjangoMovie(id, timestamp(row, "created", where), timestamp(row, "modified", where),
                        row.getString("title"), row.getString("description"), row.getString("slug"),
                        year(row.getString("year"), where)));
            }
        }
        return movies;
    }

    /** Rows of every table this import does not bring over, by table. */
    Map<String, Long> otherTables() throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : tables()) {
            if (table.equals(USERS) || table.equals(MOVIES) || BOOKKEEPING.contains(table)) {
                continue;
            }
            try (Statement statement = this.connection.createStatement();
                    ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM \"" + table + "\"")) {
                count.next();
                counts.put(table, count.getLong(1));
            }
        }
        return counts;
    }

    /**
     * A timestamp column: PostgreSQL's timestamptz, or SQLite's text in UTC.
     */
    private static Instant timestamp(ResultSet row, String column, String where) throws SQLException {
        Object value = row.getObject(column);
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof java.sql.Timestamp) {
            return row.getObject(column, OffsetDateTime.class).toInstant();
        }
        String text = value.toString().trim();
        try {
            var parsed = SQLITE_TIMESTAMP.parseBest(text, OffsetDateTime::from, LocalDateTime::from);
            return (parsed instanceof OffsetDateTime offset) ? offset.toInstant()
                    : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
        }
        catch (DateTimeParseException ex) {
            throw new ImportException(where + ": " + column + " '" + text + "' is not a timestamp");
        }
    }

    /** A year column, which SQLite may hold as anything. */
    private static long year(String text, String where) {
        try {
            return Long.parseLong(text.trim());
        }
        catch (NumberFormatException | NullPointerException ex) {
            throw new ImportException(where + ": year '" + text + "' is not a whole number");
        }
    }

    @Override
    public void close() {
        try {
            this.connection.close();
        }
        catch (SQLException ex) {
            // Read only: nothing is lost.
        }
    }

}
