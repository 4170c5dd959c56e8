package com.example.movies.djangoimport;

import java.io.PrintStream;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import com.example.movies.auth.DjangoPasswordEncoder;
import com.example.movies.djangoimport.DjangoDatabase.DjangoMovie;
import com.example.movies.djangoimport.DjangoDatabase.DjangoUser;
import com.example.movies.time.Timestamps;

/**
 * Imports an original database into this app's: checks every row against the port's rules
 * first, leaves alone what is already here (a movie with the same id, a user with the
 * same username), and writes the rest in one transaction, or nothing at all.
 */
final class DjangoImport {

    /** The port's limits (V1's columns, the API's rules). */
    static final int TITLE_MAX = 255;

    static final int SLUG_MAX = 50;

    static final int NAME_MAX = 150;

    static final int EMAIL_MAX = 254;

    private final JdbcClient jdbc;

    private final TransactionTemplate transaction;

    private final PrintStream out;

    DjangoImport(JdbcClient jdbc, TransactionTemplate transaction, PrintStream out) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.out = out;
    }

    /** What an import did (or, dry, would do). */
    record Result(List<String> importedUsers, List<String> presentUsers, int importedMovies, int presentMovies) {
    }

    Result run(DjangoDatabase source, boolean dryRun) throws SQLException {
        List<DjangoUser> users = source.users();
        List<DjangoMovie> movies = source.movies();
        this.out.println("Read " + users.size() + " users and " + movies.size() + " movies from " + source.name());
        users.forEach(DjangoImport::check);
        Map<UUID, DjangoMovie> byId = checkMovies(movies);

        Set<String> presentUsernames = existing("SELECT username FROM app_user");
        Map<String, String> presentSlugs = new HashMap<>();
        Set<String> presentIds = new HashSet<>();
        existingRows("SELECT id, slug FROM movie").forEach((row) -> {
            presentIds.add(row[0].toLowerCase(Locale.ROOT));
            presentSlugs.put(row[1], row[0]);
        });
        List<DjangoUser> newUsers = users.stream()
            .filter((user) -> !presentUsernames.contains(user.username()))
            .toList();
        List<DjangoMovie> newMovies = new ArrayList<>();
        for (Map.Entry<UUID, DjangoMovie> movie : byId.entrySet()) {
            String id = movie.getKey().toString();
            if (presentIds.contains(id)) {
                continue;
            }
            String holder = presentSlugs.get(movie.getValue().slug());
            if (holder != null) {
                throw new ImportException(DjangoDatabase.MOVIES + " row id=" + movie.getValue().id() + ": slug '"
                        + movie.getValue().slug() + "' is already the slug of movie " + holder + " in this database");
            }
            newMovies.add(movie.getValue());
        }
        Result result = new Result(newUsers.stream().map(DjangoUser::username).toList(),
                users.stream().map(DjangoUser::username).filter(presentUsernames::contains).toList(), newMovies.size(),
                movies.size() - newMovies.size());

        if (!dryRun) {
            this.transaction.executeWithoutResult((status) -> {
                newUsers.forEach(this::insert);
                newMovies.forEach(this::insert);
                if (!newMovies.isEmpty()) {
                    // The API's list cache (MovieRepository.countWrite) sees the change.
                    this.jdbc.sql("UPDATE movie_version SET version = version + 1 WHERE id = 0").update();
                }
            });
        }
        report(result, newUsers, source.otherTables(), dryRun);
        return result;
    }

    private void report(Result result, List<DjangoUser> newUsers, Map<String, Long> otherTables, boolean dryRun) {
        String verb = dryRun ? "would import" : "imported";
        this.out.println("Users: " + verb + " " + result.importedUsers().size() + list(result.importedUsers())
                + "; left alone " + result.presentUsers().size() + ", their username is already here"
                + list(result.presentUsers()));
        List<String> unchecked = newUsers.stream()
            .filter((user) -> user.password() != null && !user.password().startsWith("!")
                    && !DjangoPasswordEncoder.isSupported(user.password()))
            .map(DjangoUser::username)
            .toList();
        if (!unchecked.isEmpty()) {
            this.out.println("  " + unchecked.size() + " of them have password hashes this port cannot check "
                    + "(not PBKDF2 or bcrypt): they set a new password with \"Forgot your password?\""
                    + list(unchecked));
        }
        this.out.println("Movies: " + verb + " " + result.importedMovies() + "; left alone " + result.presentMovies()
                + ", their id is already here");
        this.out.println("Not imported: " + (otherTables.isEmpty() ? "nothing else"
                : otherTables.entrySet()
                    .stream()
                    .map((table) -> table.getKey() + " (" + table.getValue() + " rows)")
                    .collect(Collectors.joining(", "))));
        this.out.println(dryRun ? "Dry run: nothing was written." : "Done: everything above in one transaction.");
    }

    private static String list(List<String> names) {
        if (names.isEmpty()) {
            return "";
        }
        List<String> shown = names.subList(0, Math.min(names.size(), 20));
        return " (" + String.join(", ", shown) + ((names.size() > shown.size()) ? ", ..." : "") + ")";
    }

    private static void check(DjangoUser user) {
        String where = DjangoDatabase.USERS + " row id=" + user.id();
        require(user.username() != null && !user.username().isBlank(), where, "the username is empty");
        require(user.username().length() <= NAME_MAX, where,
                "the username is " + user.username().length() + " characters; the port allows " + NAME_MAX);
        require(user.email() == null || user.email().length() <= EMAIL_MAX, where,
                "the e-mail address is longer than " + EMAIL_MAX + " characters");
        require((user.firstName() == null || user.firstName().length() <= NAME_MAX)
                && (user.lastName() == null || user.lastName().length() <= NAME_MAX), where,
                "a name is longer than " + NAME_MAX + " characters");
        require(user.password() != null && user.password().length() <= 255, where, "the password hash is missing");
        require(user.dateJoined() != null, where, "date_joined is empty");
    }

    /** The movies by id, checked; a duplicate slug is refused. */
    private static Map<UUID, DjangoMovie> checkMovies(List<DjangoMovie> movies) {
        Map<UUID, DjangoMovie> byId = new LinkedHashMap<>();
        Map<String, String> slugs = new HashMap<>();
        for (DjangoMovie movie : movies) {
            String where = DjangoDatabase.MOVIES + " row id=" + movie.id();
            UUID id;
            try {
                id = UUID.fromString(dashed(movie.id()));
            }
            catch (IllegalArgumentException | NullPointerException ex) {
                throw new ImportException(where + ": the id is not a UUID");
            }
            require(movie.title() != null && !movie.title().isBlank(), where, "the title is empty");
            require(movie.title().length() <= TITLE_MAX, where,
                    "the title is " + movie.title().length() + " characters; the port allows " + TITLE_MAX);
            require(movie.year() >= 0 && movie.year() <= Integer.MAX_VALUE, where,
                    "the year " + movie.year() + " is out of range (0 to " + Integer.MAX_VALUE + ")");
            require(movie.slug() != null && !movie.slug().isBlank() && movie.slug().length() <= SLUG_MAX, where,
                    "the slug is empty or longer than " + SLUG_MAX + " characters");
            require(movie.created() != null && movie.modified() != null, where, "created or modified is empty");
            String other = slugs.putIfAbsent(movie.slug(), movie.id());
            require(other == null, where, "duplicate slug '" + movie.slug() + "' (also row id=" + other + ")");
            byId.put(id, movie);
        }
        return byId;
    }

    /** SQLite keeps Django's UUIDs as 32 hex digits. */
    private static String dashed(String id) {
        String hex = id.trim();
        if (hex.length() == 32 && hex.indexOf('-') < 0) {
            return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                    + hex.substring(16, 20) + "-" + hex.substring(20);
        }
        return hex;
    }

    private static void require(boolean condition, String where, String reason) {
        if (!condition) {
            throw new ImportException(where + ": " + reason);
        }
    }

    /** The values of a one-column query; none where the schema does not exist yet. */
    private Set<String> existing(String sql) {
        return new HashSet<>(existingRows(sql).stream().map((row) -> row[0]).toList());
    }

    private List<String[]> existingRows(String sql) {
        try {
            return this.jdbc.sql(sql).query((row, number) -> {
                int columns = row.getMetaData().getColumnCount();
                String[] values = new String[columns];
                for (int column = 0; column < columns; column++) {
                    values[column] = row.getString(column + 1);
                }
                return values;
            }).list();
        }
        catch (DataAccessException ex) {
            // A dry run on a database without the schema (nothing creates it then).
            return List.of();
        }
    }

    private void insert(DjangoUser user) {
        this.jdbc
            .sql("INSERT INTO app_user (username, email, first_name, last_name, password, is_staff, is_active, "
                    + "date_joined, last_login) VALUES (:username, :email, :firstName, :lastName, :password, :staff, "
                    + ":active, :dateJoined, :lastLogin)")
            .param("username", user.username())
            .param("email", (user.email() != null) ? user.email() : "")
            .param("firstName", (user.firstName() != null) ? user.firstName() : "")
            .param("lastName", (user.lastName() != null) ? user.lastName() : "")
            .param("password", user.password())
            .param("staff", user.staff() || user.superuser())
            .param("active", user.active())
            .param("dateJoined", Timestamps.utc(user.dateJoined()))
            .param("lastLogin", (user.lastLogin() != null) ? Timestamps.utc(user.lastLogin()) : null)
            .update();
    }

    private void insert(DjangoMovie movie) {
        this.jdbc
            .sql("INSERT INTO movie (id, created, modified, title, description, slug, release_year) "
                    + "VALUES (:id, :created, :modified, :title, :description, :slug, :year)")
            .param("id", UUID.fromString(dashed(movie.id())))
            .param("created", Timestamps.utc(movie.created()))
            .param("modified", Timestamps.utc(movie.modified()))
            .param("title", movie.title())
            .param("description", movie.description())
            .param("slug", movie.slug())
            .param("year", (int) movie.year())
            .update();
    }

}
