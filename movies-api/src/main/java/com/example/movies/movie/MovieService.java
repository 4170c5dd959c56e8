package com.example.movies.movie;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import com.example.movies.system.ApiException;
import com.example.movies.system.Timestamps;

@Service
class MovieService {

	private final MovieRepository movies;

	MovieService(MovieRepository movies) {
		this.movies = movies;
	}

	record Page(List<Movie> movies, long total) {
	}

	Page list(MovieRepository.Filter filter, Integer limit, int offset) {
		List<Movie> page = this.movies.list(filter, limit, offset);
		boolean wholeList = limit == null && offset == 0;
		return new Page(page, wholeList ? page.size() : this.movies.count(filter));
	}

	Movie get(UUID id) {
		return this.movies.find(id).orElseThrow(ApiException::notFound);
	}

	/**
	 * Creates a movie with a unique slug. The unique constraint decides between parallel creates of one
	 * title: the loser takes the next free suffix, so every create succeeds.
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
				this.movies.insert(movie);
				return movie;
			}
			catch (DuplicateKeyException ex) {
				taken.add(slug);
			}
		}
	}

	/** Applies the given fields (all of PUT's required ones, or PATCH's subset); the slug never changes. */
	Movie update(UUID id, MovieRequest request) {
		Movie current = get(id);
		Movie updated = new Movie(id, current.created(), Timestamps.now(),
				(request.title() != null) ? request.title() : current.title(),
				request.hasDescription() ? request.description() : current.description(), current.slug(),
				(request.year() != null) ? request.year() : current.year());
		if (!this.movies.update(updated)) {
			throw ApiException.notFound();
		}
		return updated;
	}

	void delete(UUID id) {
		if (!this.movies.delete(id)) {
			throw ApiException.notFound();
		}
	}

}
