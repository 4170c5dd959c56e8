package com.example.movies.user;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The signed-in user as dj-rest-auth shows it; {@code pk} and {@code email} are
 * read-only.
 */
@JsonPropertyOrder({ "pk", "username", "email", "first_name", "last_name" })
public record UserDetails(@Schema(accessMode = Schema.AccessMode.READ_ONLY) long pk,
        @Schema(maxLength = 150, example = "admin") String username,
        @Schema(accessMode = Schema.AccessMode.READ_ONLY, example = "admin@example.com") String email,
        @JsonProperty("first_name") @Schema(maxLength = 150) String firstName,
        @JsonProperty("last_name") @Schema(maxLength = 150) String lastName,
        @JsonProperty("is_staff") @Schema(accessMode = Schema.AccessMode.READ_ONLY) boolean staff,
        @JsonProperty("password_change_required") @Schema(accessMode = Schema.AccessMode.READ_ONLY,
                description = "The password was set at installation, not chosen: the user should change it") boolean passwordChangeRequired) {

    public static UserDetails of(User user) {
        return new UserDetails(user.id(), user.username(), user.email(), user.firstName(), user.lastName(),
                user.staff(), user.passwordChangeRequired());
    }

}
