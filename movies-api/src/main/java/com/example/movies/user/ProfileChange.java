package com.example.movies.user;

import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

import com.example.movies.web.error.FieldErrors;
import com.example.movies.web.request.RequestData;
import com.example.movies.web.request.RequestData.CharRules;

/** The signed-in user's writable fields; {@code null} keeps a field as it is (PATCH). */
@Schema(name = "ProfileChange")
public record ProfileChange(@Schema(maxLength = 150, example = "admin") String username,
        @JsonProperty("first_name") @Schema(maxLength = 150) String firstName,
        @JsonProperty("last_name") @Schema(maxLength = 150) String lastName) {

    private static final CharRules USERNAME = CharRules.required(150);

    private static final CharRules NAME = CharRules.required(150).optional().blankAllowed();

    /** Django's UnicodeUsernameValidator. */
    private static final Pattern VALID_USERNAME = Pattern.compile("[\\w.@+-]+", Pattern.UNICODE_CHARACTER_CLASS);

    /**
     * @param partial whether an omitted username is kept (PATCH) or required (PUT)
     */
    static ProfileChange read(RequestData data, boolean partial) {
        FieldErrors errors = new FieldErrors();
        String username = data.text("username", partial ? USERNAME.optional() : USERNAME, errors);
        if (username != null && !VALID_USERNAME.matcher(username).matches()) {
            errors.add("username", "Enter a valid username. This value may contain only letters, numbers, "
                    + "and @/./+/-/_ characters.");
        }
        String firstName = data.text("first_name", NAME, errors);
        String lastName = data.text("last_name", NAME, errors);
        errors.throwIfAny();
        return new ProfileChange(username, firstName, lastName);
    }

}
