/**
 * Movies: the catalogue's entity, its DRF reading and validation, the list cache, and its
 * HTTP endpoints.
 */
package com.example.movies.movie;
