package com.example.movies.user;

/**
 * Published inside the transaction that renamed or deleted a user, for what shows
 * usernames (a movie's {@code created_by}) to count the change with it.
 *
 * @param userId the user renamed or deleted
 */
public record UserChanged(long userId) {
}
