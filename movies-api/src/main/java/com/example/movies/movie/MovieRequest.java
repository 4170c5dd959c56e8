package com.example.movies.movie;

import io.swagger.v3.oas.annotations.media.Schema;

import com.example.movies.problem.FieldErrors;
import com.example.movies.web.request.RequestData;
import com.example.movies.web.request.RequestData.CharRules;

/**
 * The writable fields of a movie, read from a request body with DRF's rules. Read-only
 * fields (id, created, modified, slug) and unknown fields are ignored.
 */
@Schema(name = "MovieRequest")
record MovieRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 255, example = "The Prestige!") String title,
        @Schema(nullable = true, example = "Two rival magicians") String description,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "0", format = "int32",
                example = "2006") Integer year,
        @Schema(hidden = true) boolean hasDescription) {

    private static final CharRules TITLE = CharRules.required(255);

    private static final CharRules DESCRIPTION = CharRules.required(Integer.MAX_VALUE).optional().nullable();

    /**
     * @param partial whether omitted fields keep their values (PATCH) or title and year
     * are required
     */
    static MovieRequest read(RequestData data, boolean partial) {
        FieldErrors errors = new FieldErrors();
        String title = data.text("title", partial ? TITLE.optional() : TITLE, errors);
        String description = data.text("description", DESCRIPTION, errors);
        Integer year = data.integer("year", !partial, 0, Integer.MAX_VALUE, errors);
        errors.throwIfAny();
        return new MovieRequest(title, description, year, data.has("description"));
    }

}
