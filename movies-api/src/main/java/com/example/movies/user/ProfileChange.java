package com.example.movies.user;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

import com.example.movies.problem.FieldErrors;
import com.example.movies.web.request.RequestData;

/** The signed-in user's writable fields; {@code null} keeps a field as it is (PATCH). */
@Schema(name = "ProfileChange")
public record ProfileChange(@Schema(maxLength = 150, example = "admin") String username,
        @JsonProperty("first_name") @Schema(maxLength = 150) String firstName,
        @JsonProperty("last_name") @Schema(maxLength = 150) String lastName) {

    /**
     * @param partial whether an omitted username is kept (PATCH) or required (PUT)
     */
    static ProfileChange read(RequestData data, boolean partial) {
        FieldErrors errors = new FieldErrors();
        String username = AccountFields.username(data,
                partial ? AccountFields.USERNAME.optional() : AccountFields.USERNAME, errors);
        String firstName = data.text("first_name", AccountFields.NAME, errors);
        String lastName = data.text("last_name", AccountFields.NAME, errors);
        errors.throwIfAny();
        return new ProfileChange(username, firstName, lastName);
    }

}
