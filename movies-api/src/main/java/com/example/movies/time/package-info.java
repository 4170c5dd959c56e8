/**
 * The API's one timestamp format and precision, for the database and for JSON.
 */
package com.example.movies.time;
