package com.example.movies.movie;

import java.util.Set;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import com.example.movies.Api;
import com.example.movies.Api.Reply;
import com.example.movies.MoviesApplication;
import com.example.movies.PostgresIntegrationTest;
import com.example.movies.user.UserService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The list's cache never answers older than the last write: two app instances (replicas)
 * on one PostgreSQL, each with its own cache, written through one and read through the
 * other; writes racing reads; a rolled back write; the slug retry inside the write's
 * transaction.
 */
@PostgresIntegrationTest
class MovieListCacheTest {

    /** The second replica, started once on the test context's database. */
    private static ConfigurableApplicationContext replicaB;

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MovieService service;

    @Autowired
    UserService users;

    @Autowired
    TransactionTemplate transactions;

    Api a;

    Api b;

    String token;

    @BeforeEach
    void replicas() {
        if (replicaB == null) {
            HikariDataSource database = (HikariDataSource) this.dataSource;
            replicaB = new SpringApplicationBuilder(MoviesApplication.class).run("--server.port=0",
                    "--spring.datasource.url=" + database.getJdbcUrl(),
                    "--spring.datasource.username=" + database.getUsername(),
                    "--spring.datasource.password=" + database.getPassword());
        }
        this.a = new Api(this.port);
        this.b = new Api(((WebServerApplicationContext) replicaB).getWebServer().getPort());
        this.token = this.a.accessToken("admin", "admin");
    }

    @AfterAll
    static void stopReplicaB() {
        if (replicaB != null) {
            replicaB.close();
            replicaB = null;
        }
    }

    @Test
    void everyWriteThroughOneReplicaIsInTheNextListOfTheOther() {
        // Both caches filled.
        list(this.a);
        list(this.b);
        JsonNode created = created(this.a.json("POST", "/api/v1/movie", this.token,
                Map.of("title", "Cache " + UUID.randomUUID(), "year", 1990)));
        String id = created.get("id").asString();
        assertThat(titles(list(this.b))).containsEntry(id, created.get("title").asString());

        String patched = "Patched " + UUID.randomUUID();
        assertThat(this.b.json("PATCH", "/api/v1/movie/" + id, this.token, Map.of("title", patched)).status())
            .isEqualTo(200);
        assertThat(titles(list(this.a))).containsEntry(id, patched);

        String replaced = "Replaced " + UUID.randomUUID();
        assertThat(
                this.a.json("PUT", "/api/v1/movie/" + id, this.token, Map.of("title", replaced, "year", 1991)).status())
            .isEqualTo(200);
        assertThat(titles(list(this.b))).containsEntry(id, replaced);
        assertThat(this.b.get("/api/v1/movie/" + id).json().get("title").asString()).isEqualTo(replaced);

        assertThat(this.b.send("DELETE", "/api/v1/movie/" + id, this.token, null, null).status()).isEqualTo(204);
        assertThat(titles(list(this.a))).doesNotContainKey(id);
        assertThat(titles(list(this.b))).doesNotContainKey(id);
        assertThat(this.a.get("/api/v1/movie/" + id).status()).isEqualTo(404);
    }

    @Test
    void writesRacingReadsAreSeenByTheNextRead() throws Exception {
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService readers = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> reads = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Api replica = (i % 2 == 0) ? this.a : this.b;
                reads.add(readers.submit(() -> {
                    int count = 0;
                    while (writing.get()) {
                        assertThat(replica.get("/api/v1/movie").status()).isEqualTo(200);
                        count++;
                    }
                    return count;
                }));
            }
            for (int i = 0; i < 20; i++) {
                Api writer = (i % 2 == 0) ? this.a : this.b;
                Api reader = (i % 2 == 0) ? this.b : this.a;
                String title = "Race read " + i + " " + UUID.randomUUID();
                String id = created(
                        writer.json("POST", "/api/v1/movie", this.token, Map.of("title", title, "year", 2001)))
                    .get("id")
                    .asString();
                assertThat(titles(list(reader))).containsEntry(id, title);
                assertThat(titles(list(writer))).containsEntry(id, title);
            }
            writing.set(false);
            for (Future<Integer> read : reads) {
                assertThat(read.get(30, TimeUnit.SECONDS)).isPositive();
            }
        }
        finally {
            writing.set(false);
            readers.shutdownNow();
        }
    }

    @Test
    void aRolledBackWriteLeavesTheCounterAndTheListAsTheyWere() {
        JsonNode created = created(this.a.json("POST", "/api/v1/movie", this.token,
                Map.of("title", "Rollback " + UUID.randomUUID(), "year", 1980)));
        UUID id = UUID.fromString(created.get("id").asString());
        String title = created.get("title").asString();
        long before = version();
        this.transactions.executeWithoutResult((status) -> {
            this.service.update(id, new MovieRequest("Never committed", null, null, Set.of("title")),
                    this.users.findByUsername("admin").orElseThrow());
            // Read through both replicas while the write is uncommitted: the caches fill
            // at the old version.
            assertThat(titles(list(this.a))).containsEntry(id.toString(), title);
            assertThat(titles(list(this.b))).containsEntry(id.toString(), title);
            status.setRollbackOnly();
        });
        assertThat(version()).isEqualTo(before);
        assertThat(titles(list(this.a))).containsEntry(id.toString(), title);
        assertThat(titles(list(this.b))).containsEntry(id.toString(), title);
        // A failed write counts nothing either.
        assertThat(
                this.a.json("PATCH", "/api/v1/movie/" + UUID.randomUUID(), this.token, Map.of("title", "x")).status())
            .isEqualTo(404);
        assertThat(version()).isEqualTo(before);
    }

    @Test
    void eachWriteCountsOnce() {
        long before = version();
        String id = created(this.a.json("POST", "/api/v1/movie", this.token,
                Map.of("title", "Counted " + UUID.randomUUID(), "year", 1970)))
            .get("id")
            .asString();
        assertThat(this.a.json("PATCH", "/api/v1/movie/" + id, this.token, Map.of("year", 1971)).status())
            .isEqualTo(200);
        assertThat(this.a.send("DELETE", "/api/v1/movie/" + id, this.token, null, null).status()).isEqualTo(204);
        assertThat(version()).isEqualTo(before + 3);
    }

    /**
     * The slug taken by a transaction that commits while the create waits on it: retried
     * in a new transaction.
     */
    @Test
    void aSlugTakenDuringTheCreateIsRetriedInANewTransaction() throws Exception {
        String title = "Savepoint " + UUID.randomUUID().toString().substring(0, 8);
        String slug = Slugs.slugify(title);
        ExecutorService creator = Executors.newSingleThreadExecutor();
        try (Connection blocker = this.dataSource.getConnection()) {
            blocker.setAutoCommit(false);
            try (PreparedStatement insert = blocker.prepareStatement("INSERT INTO movie (id, created, modified, title, "
                    + "description, slug, release_year) VALUES (?, ?, ?, ?, NULL, ?, 2000)")) {
                OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
                insert.setObject(1, UUID.randomUUID());
                insert.setObject(2, now);
                insert.setObject(3, now);
                insert.setString(4, title);
                insert.setString(5, slug);
                insert.executeUpdate();
            }
            long before = version();
            Future<Reply> create = creator
                .submit(() -> this.a.json("POST", "/api/v1/movie", this.token, Map.of("title", title, "year", 2000)));
            // The create's insert waits on the uncommitted row's unique key.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (this.jdbc
                .sql("SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() "
                        + "AND wait_event_type = 'Lock'")
                .query(Long.class)
                .single() == 0) {
                assertThat(System.nanoTime()).as("the create waits on the slug").isLessThan(deadline);
                Thread.sleep(20);
            }
            blocker.commit();
            Reply reply = create.get(20, TimeUnit.SECONDS);
            assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
            assertThat(reply.json().get("slug").asString()).isEqualTo(slug + "-2");
            assertThat(version()).isEqualTo(before + 1);
            assertThat(titles(list(this.b))).containsValue(title).containsKey(reply.json().get("id").asString());
        }
        finally {
            creator.shutdownNow();
        }
    }

    /**
     * One movie comes from the list's cache while it is current, else from the database:
     * the same bytes.
     */
    @Test
    void oneMovieIsTheSameFromTheCacheAndFromTheDatabaseAndNeverOlder() {
        JsonNode created = created(this.a.json("POST", "/api/v1/movie", this.token,
                Map.of("title", "One " + UUID.randomUUID(), "year", 1950, "description", "d\u00e9j\u00e0 \"vu\"")));
        String path = "/api/v1/movie/" + created.get("id").asString();
        // The create moved the counter: the database answers.
        Reply fromDatabase = this.a.get(path);
        assertThat(fromDatabase.status()).isEqualTo(200);
        list(this.a);
        list(this.b);
        Reply fromCache = this.a.get(path);
        assertThat(fromCache.body()).isEqualTo(fromDatabase.body());
        assertThat(fromCache.header("Content-Type")).isEqualTo(fromDatabase.header("Content-Type"))
            .hasValue("application/json");
        assertThat(this.b.get(path).body()).isEqualTo(fromDatabase.body());
        Reply missing = this.b.get("/api/v1/movie/" + UUID.randomUUID());
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body()).isEqualTo("{\"detail\":\"Not found.\"}");

        // Written through A while B's cache holds the old version: B answers the new one.
        String patched = "Patched one " + UUID.randomUUID();
        assertThat(this.a.json("PATCH", path, this.token, Map.of("title", patched)).status()).isEqualTo(200);
        assertThat(this.b.get(path).json().get("title").asString()).isEqualTo(patched);
        list(this.b);
        assertThat(this.b.get(path).json().get("title").asString()).isEqualTo(patched);

        // Deleted through B while A's cache (rebuilt) still holds it: A answers 404,
        // before and after a rebuild.
        list(this.a);
        assertThat(this.b.send("DELETE", path, this.token, null, null).status()).isEqualTo(204);
        assertThat(this.a.get(path).status()).isEqualTo(404);
        list(this.a);
        assertThat(this.a.get(path).status()).isEqualTo(404);
        assertThat(this.a.get(path).body()).isEqualTo("{\"detail\":\"Not found.\"}");
        Reply html = this.a.send(this.a.request(path).header("Accept", "text/html").GET());
        assertThat(html.status()).isEqualTo(406);
    }

    /**
     * The cached bytes are exactly what the JSON of each movie makes, with the headers of
     * the contract.
     */
    @Test
    void theCachedListIsTheJsonOfItsMovies() {
        created(this.a.json("POST", "/api/v1/movie", this.token,
                Map.of("title", "Bytes " + UUID.randomUUID(), "year", 1960, "description", "Quotes \" and \\ and é")));
        list(this.a);
        Reply cached = this.a.get("/api/v1/movie");
        List<String> movies = new ArrayList<>();
        for (JsonNode movie : cached.json()) {
            movies.add(this.a.get("/api/v1/movie/" + movie.get("id").asString()).body());
        }
        assertThat(cached.body()).isEqualTo("[" + String.join(",", movies) + "]");
        assertThat(cached.header("Content-Type")).hasValue("application/json");
        assertThat(cached.header("X-Total-Count")).hasValue(Integer.toString(movies.size()));
        assertThat(cached.header("Content-Length"))
            .hasValue(Integer.toString(cached.body().getBytes(StandardCharsets.UTF_8).length));
        // The uncached path (any filter or page) writes the same JSON; JSON is all the
        // list answers (as before).
        Reply paged = this.a.get("/api/v1/movie?limit=100000");
        assertThat(paged.body()).isEqualTo(cached.body());
        assertThat(paged.header("X-Total-Count")).isEqualTo(cached.header("X-Total-Count"));
        Reply html = this.a.send(this.a.request("/api/v1/movie").header("Accept", "text/html").GET());
        assertThat(html.status()).isEqualTo(406);
    }

    private Reply list(Api replica) {
        Reply reply = replica.get("/api/v1/movie");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.header("X-Total-Count")).hasValue(Integer.toString(reply.json().size()));
        return reply;
    }

    private static Map<String, String> titles(Reply list) {
        Map<String, String> titles = new LinkedHashMap<>();
        for (JsonNode movie : list.json()) {
            titles.put(movie.get("id").asString(), movie.get("title").asString());
        }
        return titles;
    }

    private static JsonNode created(Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json();
    }

    private long version() {
        return this.jdbc.sql("SELECT SUM(version) FROM movie_version").query(Long.class).single();
    }

}
