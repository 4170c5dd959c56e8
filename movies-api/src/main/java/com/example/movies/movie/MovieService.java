package com.example.movies.movie;

import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import com.example.movies.user.User;
import com.example.movies.user.UserChanged;
import com.example.movies.problem.NotFound;
import com.example.movies.problem.PermissionDenied;
import com.example.movies.time.Timestamps;

/**
 * Movies, and the unfiltered list's JSON (and each of its movies' JSON) cached against
 * the database's change counter ({@link MovieRepository#version()}): every write counts
 * itself in its own transaction, and every read checks the counter first, so no replica
 * ever answers older than the last write it could have seen.
 */
@Service
class MovieService {

    private final MovieRepository movies;

    private final JsonMapper json;

    /**
     * One transaction per attempt of {@link #create}: a failed insert aborts a PostgreSQL
     * transaction.
     */
    private final TransactionTemplate transaction;

    private final AtomicReference<Cached> wholeList = new AtomicReference<>(new Cached(-1, null, Map.of()));

    MovieService(MovieRepository movies, JsonMapper json, PlatformTransactionManager transactions) {
        this.movies = movies;
        this.json = json;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * A page of the list as the JSON array of the answer, and the number of matching
     * movies.
     */
    record Page(byte[] json, long total) {
    }

    /**
     * The unfiltered list's page, and each movie's JSON by id, as built after reading the
     * counter at {@code version}.
     */
    private record Cached(long version, Page page, Map<UUID, byte[]> movies) {
    }

    /**
     * A page of the list: the unfiltered list in the default order from the cache, any
     * other from the database (so every filter, order and page is as current as the
     * cache).
     */
    Page list(MovieRepository.Filter filter, MovieOrdering ordering, Integer limit, int offset) {
        boolean wholeList = limit == null && offset == 0;
        if (wholeList && filter.equals(MovieRepository.Filter.NONE) && ordering.isDefault()) {
            return wholeList();
        }
        List<Movie> page = this.movies.list(filter, ordering, limit, offset);
        return new Page(this.json.writeValueAsBytes(page), wholeList ? page.size() : this.movies.count(filter));
    }

    /**
     * Current because the counter is read before the query: the query's snapshot holds
     * every write committed when the counter was read, and while the counter still reads
     * that number, no write has committed since.
     */
    private Page wholeList() {
        long version = this.movies.version();
        Cached cached = this.wholeList.get();
        if (cached.version() != version) {
            cached = cache(version);
        }
        return cached.page();
    }

    /**
     * The list's JSON is its movies' JSON, comma-separated in brackets: each movie is
     * serialized once.
     */
    private Cached cache(long version) {
        List<Movie> all = this.movies.list(MovieRepository.Filter.NONE, MovieOrdering.DEFAULT, null, 0);
        Map<UUID, byte[]> byId = new HashMap<>();
        ByteArrayOutputStream list = new ByteArrayOutputStream(256 * all.size() + 2);
        list.write('[');
        for (Movie movie : all) {
            byte[] json = this.json.writeValueAsBytes(movie);
            byId.put(movie.id(), json);
            if (list.size() > 1) {
                list.write(',');
            }
            list.writeBytes(json);
        }
        list.write(']');
        Cached cached = new Cached(version, new Page(list.toByteArray(), all.size()), byId);
        this.wholeList.set(cached);
        return cached;
    }

    /**
     * One movie's JSON: from the list's cache while the counter still reads its version
     * (a movie missing there does not exist), else from the database. Only list reads
     * rebuild the cache.
     */
    byte[] getJson(UUID id) {
        long version = this.movies.version();
        Cached cached = this.wholeList.get();
        if (cached.version() == version) {
            byte[] movie = cached.movies().get(id);
            if (movie == null) {
                throw new NotFound();
            }
            return movie;
        }
        return this.json.writeValueAsBytes(get(id));
    }

    Movie get(UUID id) {
        return this.movies.find(id).orElseThrow(NotFound::new);
    }

    /**
     * Creates a movie with a unique slug, as {@code creator}'s ({@code null}: nobody's,
     * as the demo data). The unique constraint decides between parallel creates of one
     * title: the loser's transaction rolls back and it takes the next free suffix, so
     * every create succeeds.
     */
    Movie create(MovieRequest request, User creator) {
        var now = Timestamps.now();
        String base = Slugs.slugify(request.title());
        Set<String> taken = this.movies.slugsStartingWith(Slugs.commonPrefix(base));
        for (int n = 1;; n++) {
            String slug = Slugs.candidate(base, n);
            if (taken.contains(slug)) {
                continue;
            }
            String username = (creator != null) ? creator.username() : null;
            Movie movie = new Movie(UUID.randomUUID(), now, now, request.title(), request.description(), slug,
                    request.year(), username, username);
            try {
                this.transaction.executeWithoutResult((status) -> {
                    this.movies.insert(movie, (creator != null) ? creator.id() : null);
                    this.movies.countWrite();
                });
                return movie;
            }
            catch (DuplicateKeyException ex) {
                taken.add(slug);
            }
        }
    }

    /**
     * Applies the given fields (all of PUT's required ones, or PATCH's subset); the slug
     * never changes.
     */
    @Transactional
    Movie update(UUID id, MovieRequest request, User user) {
        Movie current = changeable(id, user);
        Movie updated = new Movie(id, current.created(), Timestamps.now(),
                (request.title() != null) ? request.title() : current.title(),
                request.hasDescription() ? request.description() : current.description(), current.slug(),
                (request.year() != null) ? request.year() : current.year(), current.createdBy(), user.username());
        if (!this.movies.update(updated, user.id())) {
            throw new NotFound();
        }
        this.movies.countWrite();
        return updated;
    }

    @Transactional
    void delete(UUID id, User user) {
        changeable(id, user);
        if (!this.movies.delete(id)) {
            throw new NotFound();
        }
        this.movies.countWrite();
    }

    /**
     * The movie, if {@code user} may change it: its creator or staff; anyone else gets a
     * 403.
     */
    private Movie changeable(UUID id, User user) {
        Movie movie = get(id);
        if (!movie.changeableBy(user)) {
            throw new PermissionDenied();
        }
        return movie;
    }

    /**
     * A user's new username, or a deleted user, changes the {@code created_by} and
     * {@code modified_by} of their movies: counted as a movie write in the same
     * transaction, so no cached answer outlives it.
     */
    @EventListener
    void onUserChanged(UserChanged event) {
        this.movies.countWrite();
    }

}
