package com.example.movies.movie;

import java.util.Set;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The writable fields of a movie, read from a request body with DRF's rules. Read-only
 * fields (id, created, modified, slug) and unknown fields are ignored.
 *
 * @param fields the names of the fields the body has: whether it sets the description
 */
@Schema(name = "MovieRequest")
record MovieRequest(@NotBlank @Size(max = 255) @Schema(example = "The Prestige!") String title,
        @Schema(nullable = true, example = "Two rival magicians") String description,
        @NotNull @Min(0) @Schema(example = "2006") Integer year, @Schema(hidden = true) Set<String> fields) {

    MovieRequest {
        fields = Set.copyOf(fields);
    }

    /** A request with every field given. */
    MovieRequest(String title, String description, Integer year) {
        this(title, description, year, Set.of("title", "description", "year"));
    }

    boolean hasDescription() {
        return this.fields.contains("description");
    }

}
