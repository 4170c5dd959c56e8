/**
 * The server's own behaviour: request limits and admission, the shutdown drain, and
 * health checks.
 */
package com.example.movies.server;
