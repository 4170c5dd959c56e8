package com.example.movies.staff;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.swagger.v3.oas.annotations.media.Schema;

import com.example.movies.user.User;

/**
 * An account as staff see it: the user list's rows and the answers of staff's user
 * operations.
 */
@JsonPropertyOrder({ "pk", "username", "email", "first_name", "last_name", "is_active", "is_staff", "last_login",
        "date_joined" })
record UserSummary(long pk, String username, String email, @JsonProperty("first_name") String firstName,
        @JsonProperty("last_name") String lastName, @JsonProperty("is_active") boolean active,
        @JsonProperty("is_staff") boolean staff, @JsonProperty("last_login") @Schema(nullable = true) Instant lastLogin,
        @JsonProperty("date_joined") Instant dateJoined) {

    static UserSummary of(User user) {
        return new UserSummary(user.id(), user.username(), user.email(), user.firstName(), user.lastName(),
                user.active(), user.staff(), user.lastLogin(), user.dateJoined());
    }

}
