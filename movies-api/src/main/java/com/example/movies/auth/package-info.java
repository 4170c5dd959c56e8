/**
 * Signing in and out: the sign-in throttle, password check, JWT issue, refresh and
 * revocation, and the bearer-token security of every request.
 */
package com.example.movies.auth;
