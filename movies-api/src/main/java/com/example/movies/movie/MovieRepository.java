package com.example.movies.movie;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.stereotype.Repository;

import com.example.movies.database.Like;
import com.example.movies.time.Timestamps;

/** Movies in the database, through plain SQL that runs on both H2 and PostgreSQL. */
@Repository
class MovieRepository {

    /** A movie's row with its creator's and last modifier's usernames. */
    private static final String SELECT = "SELECT m.id, m.created, m.modified, m.title, m.description, m.slug, "
            + "m.release_year, c.username AS created_by_name, u.username AS modified_by_name FROM movie m "
            + "LEFT JOIN app_user c ON c.id = m.created_by LEFT JOIN app_user u ON u.id = m.modified_by";

    private static final String FROM_WITH_CREATOR = " FROM movie m LEFT JOIN app_user c ON c.id = m.created_by";

    /** Rows of movie_version (V2). */
    private static final int VERSION_STRIPES = 16;

    private final JdbcClient jdbc;

    MovieRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Filters of the list; {@code null} means "not filtered".
     *
     * @param search a case-insensitive part of the title
     * @param createdBy the creator's username
     * @param creatorId the creator's id (the signed-in user's own movies)
     */
    record Filter(String search, Integer year, String createdBy, Long creatorId) {

        static final Filter NONE = new Filter(null, null, null, null);

        String where() {
            StringBuilder where = new StringBuilder(" WHERE 1 = 1");
            if (this.search != null) {
                where.append(" AND LOWER(m.title) LIKE :search" + Like.ESCAPE);
            }
            if (this.year != null) {
                where.append(" AND m.release_year = :year");
            }
            if (this.createdBy != null) {
                where.append(" AND c.username = :createdBy");
            }
            if (this.creatorId != null) {
                where.append(" AND m.created_by = :creatorId");
            }
            return where.toString();
        }

        StatementSpec bind(StatementSpec statement) {
            if (this.search != null) {
                statement = statement.param("search", Like.containsIgnoringCase(this.search));
            }
            if (this.year != null) {
                statement = statement.param("year", this.year);
            }
            if (this.createdBy != null) {
                statement = statement.param("createdBy", this.createdBy);
            }
            if (this.creatorId != null) {
                statement = statement.param("creatorId", this.creatorId);
            }
            return statement;
        }

    }

    /** In {@code ordering}'s order, then by creation. */
    List<Movie> list(Filter filter, MovieOrdering ordering, Integer limit, int offset) {
        String page = ((limit != null) ? " LIMIT " + limit : "") + ((offset > 0) ? " OFFSET " + offset : "");
        return filter.bind(this.jdbc.sql(SELECT + filter.where() + " ORDER BY " + ordering.sql() + page))
            .query(MovieRepository::movie)
            .list();
    }

    long count(Filter filter) {
        return filter.bind(this.jdbc.sql("SELECT COUNT(*)" + FROM_WITH_CREATOR + filter.where()))
            .query(Long.class)
            .single();
    }

    Optional<Movie> find(UUID id) {
        return this.jdbc.sql(SELECT + " WHERE m.id = :id").param("id", id).query(MovieRepository::movie).optional();
    }

    /** Slugs already taken that start with the prefix. */
    Set<String> slugsStartingWith(String prefix) {
        return new HashSet<>(this.jdbc.sql("SELECT slug FROM movie WHERE slug LIKE :prefix" + Like.ESCAPE)
            .param("prefix", Like.prefix(prefix))
            .query(String.class)
            .list());
    }

    /**
     * @param creatorId who creates it, {@code null} for none (the demo data)
     * @throws org.springframework.dao.DuplicateKeyException when the slug is taken (by a
     * parallel create)
     */
    void insert(Movie movie, Long creatorId) {
        this.jdbc
            .sql("INSERT INTO movie (id, created, modified, title, description, slug, release_year, created_by, "
                    + "modified_by) VALUES (:id, :created, :modified, :title, :description, :slug, :year, :creator, "
                    + ":creator)")
            .param("id", movie.id())
            .param("created", Timestamps.utc(movie.created()))
            .param("modified", Timestamps.utc(movie.modified()))
            .param("title", movie.title())
            .param("description", movie.description())
            .param("slug", movie.slug())
            .param("year", movie.year())
            .param("creator", creatorId)
            .update();
    }

    /**
     * Updates the editable fields and who changed them last; id, created, creator and
     * slug never change.
     */
    boolean update(Movie movie, long modifierId) {
        return this.jdbc
            .sql("UPDATE movie SET modified = :modified, title = :title, description = :description, "
                    + "release_year = :year, modified_by = :modifier WHERE id = :id")
            .param("id", movie.id())
            .param("modified", Timestamps.utc(movie.modified()))
            .param("title", movie.title())
            .param("description", movie.description())
            .param("year", movie.year())
            .param("modifier", modifierId)
            .update() == 1;
    }

    boolean delete(UUID id) {
        return this.jdbc.sql("DELETE FROM movie WHERE id = :id").param("id", id).update() == 1;
    }

    /**
     * The change counter of all movies (V2): the number of committed movie writes, read
     * before a cached response is used or built. Equal readings mean no write committed
     * in between.
     */
    long version() {
        return this.jdbc.sql("SELECT CAST(SUM(version) AS BIGINT) FROM movie_version").query(Long.class).single();
    }

    /**
     * Counts a write, on a random one of the counter's 16 stripes: the last statement of
     * its transaction.
     */
    void countWrite() {
        this.jdbc.sql("UPDATE movie_version SET version = version + 1 WHERE id = :stripe")
            .param("stripe", ThreadLocalRandom.current().nextInt(VERSION_STRIPES))
            .update();
    }

    boolean isEmpty() {
        return this.jdbc.sql("SELECT COUNT(*) FROM movie").query(Long.class).single() == 0;
    }

    private static Movie movie(ResultSet row, int rowNumber) throws SQLException {
        return new Movie(row.getObject("id", UUID.class), row.getObject("created", OffsetDateTime.class).toInstant(),
                row.getObject("modified", OffsetDateTime.class).toInstant(), row.getString("title"),
                row.getString("description"), row.getString("slug"), row.getInt("release_year"),
                row.getString("created_by_name"), row.getString("modified_by_name"));
    }

}
