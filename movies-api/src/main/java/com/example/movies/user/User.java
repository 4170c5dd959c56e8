package com.example.movies.user;

import java.time.Instant;

/**
 * A user account (the original's Django auth user). {@code password} is the encoded hash;
 * {@code passwordChangeRequired} marks a password the user did not choose (the admin's
 * first).
 */
public record User(long id, String username, String email, String firstName, String lastName, String password,
        boolean staff, boolean active, Instant dateJoined, Instant lastLogin, boolean passwordChangeRequired) {

    @Override
    public String toString() {
        return "User[" + this.id + ", " + this.username + "]";
    }

}
