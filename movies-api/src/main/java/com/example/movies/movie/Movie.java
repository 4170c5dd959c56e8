package com.example.movies.movie;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.swagger.v3.oas.annotations.media.Schema;

/** A movie, as stored and as answered (field order of the API contract). */
@JsonPropertyOrder({ "id", "created", "modified", "title", "description", "slug", "year" })
public record Movie(@Schema(accessMode = Schema.AccessMode.READ_ONLY) UUID id,
        @Schema(accessMode = Schema.AccessMode.READ_ONLY, example = "2026-11-24T14:18:53.892450Z") Instant created,
        @Schema(accessMode = Schema.AccessMode.READ_ONLY, example = "2026-11-24T14:18:53.892519Z") Instant modified,
        @Schema(maxLength = 255, example = "The Prestige!") String title,
        @Schema(nullable = true, example = "Two rival magicians") String description,
        @Schema(accessMode = Schema.AccessMode.READ_ONLY, maxLength = Slugs.MAX_LENGTH,
                example = "the-prestige") String slug,
        @Schema(minimum = "0", format = "int32", example = "2006") int year) {
}
