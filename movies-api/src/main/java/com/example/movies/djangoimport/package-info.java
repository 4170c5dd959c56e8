/**
 * Bringing the data of the original Django app over: the {@code import-django} command
 * reads an original database (SQLite or PostgreSQL) and imports its users, with their
 * password hashes, and its movies into the configured database, in one transaction.
 */
package com.example.movies.djangoimport;
