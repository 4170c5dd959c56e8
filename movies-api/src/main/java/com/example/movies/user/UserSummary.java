package com.example.movies.user;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.swagger.v3.oas.annotations.media.Schema;

/** A row of the staff-only user list. */
@JsonPropertyOrder({ "email", "last_login", "date_joined", "is_staff" })
record UserSummary(String email, @JsonProperty("last_login") @Schema(nullable = true) Instant lastLogin,
        @JsonProperty("date_joined") Instant dateJoined, @JsonProperty("is_staff") boolean staff) {

    static UserSummary of(User user) {
        return new UserSummary(user.email(), user.lastLogin(), user.dateJoined(), user.staff());
    }

}
