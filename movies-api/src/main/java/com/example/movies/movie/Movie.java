package com.example.movies.movie;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.swagger.v3.oas.annotations.media.Schema;

import com.example.movies.user.User;

/**
 * A movie, as stored and as answered (field order of the API contract). {@code createdBy}
 * and {@code modifiedBy} are usernames, {@code null} for movies without a known creator
 * (from before ownership, the demo data, imports) or whose user was deleted.
 */
@JsonPropertyOrder({ "id", "created", "modified", "title", "description", "slug", "year", "created_by", "modified_by" })
public record Movie(@Schema(accessMode = Schema.AccessMode.READ_ONLY) UUID id,
        @Schema(accessMode = Schema.AccessMode.READ_ONLY, example = "2026-11-24T14:18:53.892450Z") Instant created,
        @Schema(accessMode = Schema.AccessMode.READ_ONLY, example = "2026-11-24T14:18:53.892519Z") Instant modified,
        @Schema(maxLength = 255, example = "The Prestige!") String title,
        @Schema(nullable = true, example = "Two rival magicians") String description,
        @Schema(accessMode = Schema.AccessMode.READ_ONLY, maxLength = Slugs.MAX_LENGTH,
                example = "the-prestige") String slug,
        @Schema(minimum = "0", format = "int32", example = "2006") int year,
        @JsonProperty("created_by") @Schema(accessMode = Schema.AccessMode.READ_ONLY, nullable = true,
                example = "admin") String createdBy,
        @JsonProperty("modified_by") @Schema(accessMode = Schema.AccessMode.READ_ONLY, nullable = true,
                example = "admin") String modifiedBy) {

    /** Whether {@code user} may change or delete this movie: its creator, or staff. */
    boolean changeableBy(User user) {
        return user.staff() || (this.createdBy != null && this.createdBy.equals(user.username()));
    }

}
