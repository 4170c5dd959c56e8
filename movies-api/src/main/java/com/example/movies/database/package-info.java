/**
 * PostgreSQL session bounds: statement, connect and socket timeouts on every pooled
 * connection.
 */
package com.example.movies.database;
