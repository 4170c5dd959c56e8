package com.example.movies.movie;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DuplicateKeyException;

import com.example.movies.PostgresTestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The repository's SQL on real PostgreSQL (JDBC slice, Flyway-migrated, each test rolled
 * back).
 */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({ PostgresTestDatabase.class, MovieRepository.class })
class MovieRepositoryTest {

    @Autowired
    MovieRepository movies;

    @Autowired
    JdbcClient jdbc;

    /** A user of this test's own (rolled back with it): the slice starts no admin. */
    long userId() {
        this.jdbc.sql("INSERT INTO app_user (username, email, first_name, last_name, password, is_staff, is_active, "
                + "date_joined) VALUES ('repo-user', 'repo@example.com', '', '', 'x', FALSE, TRUE, CURRENT_TIMESTAMP)")
            .update();
        return this.jdbc.sql("SELECT id FROM app_user WHERE username = 'repo-user'").query(Long.class).single();
    }

    static Movie movie(String title, String slug, int year) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return new Movie(UUID.randomUUID(), now, now, title, null, slug, year, null, null);
    }

    @Test
    void storesAndReadsAMovieExactly() {
        Movie movie = new Movie(UUID.randomUUID(), Instant.parse("2026-11-24T14:18:53.892450Z"),
                Instant.parse("2026-11-24T14:18:53.892519Z"), "Ünïcödé 🎬", "d".repeat(100_000), "repo-exact", 2006,
                null, null);
        this.movies.insert(movie, null);
        assertThat(this.movies.find(movie.id())).contains(movie);
    }

    @Test
    void listsByYearThenInsertionWithEscapedSearch() {
        this.movies.insert(movie("Repo_Zeta", "repo-zeta", 2001), null);
        this.movies.insert(movie("Repo_Alpha", "repo-alpha", 1999), null);
        this.movies.insert(movie("Repo%Beta", "repo-beta", 2001), null);
        MovieRepository.Filter all = new MovieRepository.Filter("repo", null, null, null);
        assertThat(this.movies.list(all, MovieOrdering.DEFAULT, null, 0)).extracting(Movie::slug)
            .containsExactly("repo-alpha", "repo-zeta", "repo-beta");
        assertThat(
                this.movies.list(new MovieRepository.Filter("o%b", null, null, null), MovieOrdering.DEFAULT, null, 0))
            .extracting(Movie::slug)
            .containsExactly("repo-beta");
        assertThat(this.movies.list(new MovieRepository.Filter("o_", null, null, null), MovieOrdering.DEFAULT, null, 0))
            .extracting(Movie::slug)
            .containsExactly("repo-alpha", "repo-zeta");
        assertThat(this.movies.list(new MovieRepository.Filter("repo", 2001, null, null), MovieOrdering.DEFAULT, 1, 1))
            .extracting(Movie::slug)
            .containsExactly("repo-beta");
        assertThat(this.movies.count(new MovieRepository.Filter("repo", 2001, null, null))).isEqualTo(2);
    }

    @Test
    void slugsAreUniqueInTheDatabase() {
        this.movies.insert(movie("One", "repo-same", 2000), null);
        this.movies.insert(movie("Two", "repo-same-2", 2000), null);
        assertThat(this.movies.slugsStartingWith("repo-sa")).containsExactlyInAnyOrder("repo-same", "repo-same-2");
        assertThat(this.movies.slugsStartingWith("repo_sa")).as("_ is no wildcard").isEmpty();
        assertThatExceptionOfType(DuplicateKeyException.class)
            .isThrownBy(() -> this.movies.insert(movie("Three", "repo-same", 2000), null));
    }

    @Test
    void updatesAndDeletes() {
        Movie movie = movie("Before", "repo-update", 1990);
        this.movies.insert(movie, null);
        Movie changed = new Movie(movie.id(), movie.created(), movie.modified().plusSeconds(1), "After", "text",
                "ignored-slug", 1991, null, "repo-user");
        assertThat(this.movies.update(changed, userId())).isTrue();
        assertThat(this.movies.find(movie.id()).orElseThrow().slug()).isEqualTo("repo-update");
        assertThat(this.movies.find(movie.id()).orElseThrow().title()).isEqualTo("After");
        assertThat(this.movies.delete(movie.id())).isTrue();
        assertThat(this.movies.delete(movie.id())).isFalse();
        assertThat(this.movies.list(new MovieRepository.Filter("before", null, null, null), MovieOrdering.DEFAULT, null,
                0))
            .isEqualTo(List.of());
    }

}
