package com.example.movies.djangoimport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.example.movies.Api;
import com.example.movies.Api.Reply;
import com.example.movies.PostgresIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code import-django} on PostgreSQL with a database the original's own migrations made
 * ({@code src/test/resources/django}): the original's users sign in with their old
 * passwords (and their hashes become the port's), movies keep their ids, slugs and
 * timestamps; a second run and a dry run change nothing; bad input is refused with the
 * row and the reason, and changes nothing either.
 */
@PostgresIntegrationTest
class DjangoImportTest {

    static final Path FIXTURE = Path.of("src/test/resources/django/original.sqlite3");

    @Autowired
    HikariDataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Api api;

    @TempDir
    Path temp;

    record Run(int status, String out, String err) {
    }

    Run importDjango(String... args) {
        return importInto(this.dataSource.getJdbcUrl(), args);
    }

    Run importInto(String url, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--spring.datasource.url=" + url,
                "--spring.datasource.username=" + this.dataSource.getUsername(),
                "--spring.datasource.password=" + this.dataSource.getPassword()));
        int status = DjangoImportCommand.run(all.toArray(String[]::new),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** What an import could change: every account and movie, as rows. */
    String snapshot() {
        return this.jdbc.sql("SELECT username, password, is_active FROM app_user ORDER BY username")
            .query()
            .listOfRows() + "" + this.jdbc.sql("SELECT id, slug, title FROM movie ORDER BY id").query().listOfRows();
    }

    @Test
    void theOriginalsUsersSignInWithTheirOldPasswordsAndMoviesKeepTheirIdsAndSlugs() {
        String before = snapshot();
        Run dry = importDjango("--from=" + FIXTURE, "--dry-run");
        assertThat(dry.status()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("would import 6 (alice, bob, carol, dave, erin, frank)")
            .contains("left alone 1, their username is already here (admin)")
            .contains("Movies: would import 4")
            .contains("Dry run: nothing was written.");
        assertThat(snapshot()).as("a dry run writes nothing").isEqualTo(before);

        Run run = importDjango("--from=" + FIXTURE);
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("Users: imported 6")
            .contains("Movies: imported 4")
            .contains("1 of them have password hashes this port cannot check (not PBKDF2 or bcrypt): they set a new "
                    + "password with \"Forgot your password?\" (frank)")
            .contains("auth_group (1 rows)", "django_admin_log (1 rows)", "users_customuser_groups (1 rows)")
            .contains("Done: everything above in one transaction.");

        Map<String, Object> amelie = this.jdbc
            .sql("SELECT title, slug, description, release_year, created, modified FROM movie WHERE id = :id")
            .param("id", UUID.fromString("e3d7d75f-1692-4350-8db1-2ba249aaa215"))
            .query()
            .singleRow();
        assertThat(amelie).containsEntry("title", "Amélie")
            .containsEntry("slug", "amelie")
            .containsEntry("description", null)
            .containsEntry("release_year", 2001);
        assertThat(((OffsetDateTime) this.jdbc.sql("SELECT created FROM movie WHERE slug = 'amelie'")
            .query(OffsetDateTime.class)
            .single()).withOffsetSameInstant(ZoneOffset.UTC))
            .isEqualTo(OffsetDateTime.of(2022, 12, 21, 22, 46, 1, 654321000, ZoneOffset.UTC));
        Reply shawshank = this.api.get("/api/v1/movie/7b1fe4d8-f750-4f62-9db8-37be482ebc42");
        assertThat(shawshank.status()).as("the original's URL of the movie").isEqualTo(200);
        assertThat(shawshank.json().get("slug").asString()).isEqualTo("the-shawshank-redemption-2");
        assertThat(shawshank.json().get("created").asString()).isEqualTo("2022-12-21T22:47:01.654321Z");

        for (String[] user : new String[][] { { "alice", "Alice-Pass-2022" }, { "bob", "Bob-Pass-2023" },
                { "carol", "Carol-Pass-2023" } }) {
            String old = hash(user[0]);
            assertThat(signIn(user[0], "wrong-" + user[1])).as(user[0] + " with a wrong password").isEqualTo(401);
            assertThat(hash(user[0])).as("a failed sign-in keeps the hash").isEqualTo(old);
            assertThat(signIn(user[0], user[1])).as(user[0] + " with the old password").isEqualTo(200);
            assertThat(hash(user[0])).as("upgraded to the port's own encoder").startsWith("{bcrypt}");
            assertThat(signIn(user[0], user[1])).as("and still signs in").isEqualTo(200);
        }
        assertThat(this.api.get("/api/v1/users/auth/user", this.api.accessToken("bob", "Bob-Pass-2023"))
            .json()
            .get("is_staff")
            .asBoolean()).isTrue();
        assertThat(signIn("dave", "Dave-Pass-2022")).as("inactive in the original, inactive here").isEqualTo(401);
        assertThat(signIn("frank", "Frank-Pass-2023")).as("argon2: only after a reset").isEqualTo(401);
        assertThat(hash("dave")).startsWith("pbkdf2_sha256$390000$");

        String imported = snapshot();
        Run again = importDjango("--from=" + FIXTURE);
        assertThat(again.status()).as(again.err()).isZero();
        assertThat(again.out()).contains("Users: imported 0").contains("left alone 7").contains("Movies: imported 0");
        assertThat(snapshot()).as("a second import changes nothing").isEqualTo(imported);
    }

    int signIn(String username, String password) {
        return this.api.json("POST", "/api/token", null, Map.of("username", username, "password", password)).status();
    }

    String hash(String username) {
        return this.jdbc.sql("SELECT password FROM app_user WHERE username = :username")
            .param("username", username)
            .query(String.class)
            .single();
    }

    @Test
    void anEmptyDatabaseGetsTheSchemaFirst() throws SQLException {
        String database = "import_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("CREATE DATABASE " + database);
        try {
            String url = this.dataSource.getJdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1");
            Run run = importInto(url, "--from=" + FIXTURE.toAbsolutePath());
            assertThat(run.status()).as(run.err()).isZero();
            assertThat(run.out()).contains("Users: imported 7 (admin, alice");
            try (Connection connection = DriverManager.getConnection(url, this.dataSource.getUsername(),
                    this.dataSource.getPassword())) {
                assertThat(JdbcClient
                    .create(new org.springframework.jdbc.datasource.SingleConnectionDataSource(connection, true))
                    .sql("SELECT COUNT(*) FROM movie")
                    .query(Long.class)
                    .single()).isEqualTo(4);
            }
        }
        finally {
            execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    @Test
    void badInputIsRefusedWithTheRowAndTheReasonAndChangesNothing() throws IOException, SQLException {
        String before = snapshot();

        Path text = Files.writeString(this.temp.resolve("notes.txt"), "not a database");
        assertRefused(importDjango("--from=" + text), "is not a SQLite database");

        Path empty = this.temp.resolve("empty.sqlite3");
        sqlite(empty, "CREATE TABLE something (id INTEGER)");
        assertRefused(importDjango("--from=" + empty),
                "has no table users_customuser and no table movies_movie: it is not a database of the original");

        assertRefused(
                importDjango("--from=" + broken("long-title.sqlite3",
                        "UPDATE movies_movie SET title = '" + "x".repeat(256) + "' WHERE slug = 'metropolis'")),
                "movies_movie row id=2baf8c28b1904cde9e2ce0e56e9a145a: the title is 256 characters; the port allows 255");
        assertRefused(importDjango("--from=" + broken("year.sqlite3",
                "PRAGMA ignore_check_constraints = true; UPDATE movies_movie SET year = -1 WHERE slug = 'amelie'")),
                "movies_movie row id=e3d7d75f169243508db12ba249aaa215: the year -1 is out of range");
        assertRefused(
                importDjango("--from="
                        + broken("slug.sqlite3", "UPDATE movies_movie SET slug = 'metropolis' WHERE slug = 'amelie'")),
                "duplicate slug 'metropolis'");
        assertRefused(importDjango("--from=jdbc:postgresql://127.0.0.1:1/nothing?connectTimeout=2"),
                "Cannot read the original database jdbc:postgresql://127.0.0.1:1/nothing");
        assertRefused(importDjango("--from=" + this.temp.resolve("missing.sqlite3")), "No file at");

        assertThat(importDjango().status()).as("no --from").isEqualTo(2);
        assertThat(importDjango("--from=" + FIXTURE, "--frm=x").err()).contains("Unknown argument --frm=x");
        assertThat(snapshot()).as("nothing was written").isEqualTo(before);
    }

    void assertRefused(Run run, String message) {
        assertThat(run.status()).as(run.out()).isEqualTo(1);
        assertThat(run.err()).startsWith("import-django: nothing imported: ").contains(message);
    }

    /** A copy of the fixture, changed by {@code sql}. */
    Path broken(String name, String sql) throws IOException, SQLException {
        Path copy = Files.copy(FIXTURE, this.temp.resolve(name));
        sqlite(copy, sql);
        return copy;
    }

    static void sqlite(Path file, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement()) {
            for (String part : sql.split(";")) {
                statement.execute(part);
            }
        }
    }

    void execute(String sql) throws SQLException {
        try (Connection connection = this.dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

}
