package com.example.movies.movie;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import com.example.movies.system.ApiException;
import com.example.movies.system.Timestamps;

/**
 * Movies, and the unfiltered list's JSON cached against the database's change counter
 * ({@link MovieRepository#version()}): every write counts itself in its own transaction, and every list read
 * checks the counter first, so no replica ever answers a list older than the last write it could have seen.
 */
@Service
class MovieService {

	private final MovieRepository movies;

	private final JsonMapper json;

	/** One transaction per attempt of {@link #create}: a failed insert aborts a PostgreSQL transaction. */
	private final TransactionTemplate transaction;

	private final AtomicReference<Cached> wholeList = new AtomicReference<>(new Cached(-1, null));

	MovieService(MovieRepository movies, JsonMapper json, PlatformTransactionManager transactions) {
		this.movies = movies;
		this.json = json;
		this.transaction = new TransactionTemplate(transactions);
	}

	/** A page of the list as the JSON array of the answer, and the number of matching movies. */
	record Page(byte[] json, long total) {
	}

	/** The unfiltered list's page as built after reading the counter at {@code version}. */
	private record Cached(long version, Page page) {
	}

	Page list(MovieRepository.Filter filter, Integer limit, int offset) {
		boolean wholeList = limit == null && offset == 0;
		if (wholeList && filter.equals(MovieRepository.Filter.NONE)) {
			return wholeList();
		}
		List<Movie> page = this.movies.list(filter, limit, offset);
		return new Page(this.json.writeValueAsBytes(page), wholeList ? page.size() : this.movies.count(filter));
	}

	/**
	 * Current because the counter is read before the query: the query's snapshot holds every write counted up
	 * to the version read, so while the counter still reads that version, no newer write has committed.
	 */
	private Page wholeList() {
		long version = this.movies.version();
		Cached cached = this.wholeList.get();
		if (cached.version() == version) {
			return cached.page();
		}
		List<Movie> all = this.movies.list(MovieRepository.Filter.NONE, null, 0);
		Page page = new Page(this.json.writeValueAsBytes(all), all.size());
		this.wholeList.set(new Cached(version, page));
		return page;
	}

	Movie get(UUID id) {
		return this.movies.find(id).orElseThrow(ApiException::notFound);
	}

	/**
	 * Creates a movie with a unique slug. The unique constraint decides between parallel creates of one
	 * title: the loser's transaction rolls back and it takes the next free suffix, so every create succeeds.
	 */
	Movie create(MovieRequest request) {
		var now = Timestamps.now();
		String base = Slugs.slugify(request.title());
		Set<String> taken = this.movies.slugsStartingWith(Slugs.commonPrefix(base));
		for (int n = 1;; n++) {
			String slug = Slugs.candidate(base, n);
			if (taken.contains(slug)) {
				continue;
			}
			Movie movie = new Movie(UUID.randomUUID(), now, now, request.title(), request.description(), slug,
					request.year());
			try {
				this.transaction.executeWithoutResult((status) -> {
					this.movies.insert(movie);
					this.movies.countWrite();
				});
				return movie;
			}
			catch (DuplicateKeyException ex) {
				taken.add(slug);
			}
		}
	}

	/** Applies the given fields (all of PUT's required ones, or PATCH's subset); the slug never changes. */
	@Transactional
	Movie update(UUID id, MovieRequest request) {
		Movie current = get(id);
		Movie updated = new Movie(id, current.created(), Timestamps.now(),
				(request.title() != null) ? request.title() : current.title(),
				request.hasDescription() ? request.description() : current.description(), current.slug(),
				(request.year() != null) ? request.year() : current.year());
		if (!this.movies.update(updated)) {
			throw ApiException.notFound();
		}
		this.movies.countWrite();
		return updated;
	}

	@Transactional
	void delete(UUID id) {
		if (!this.movies.delete(id)) {
			throw ApiException.notFound();
		}
		this.movies.countWrite();
	}

}
