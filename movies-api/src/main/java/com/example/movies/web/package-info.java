/**
 * What every HTTP answer shares: CORS, the security headers, and the successful
 * {@code {"detail": ...}} body.
 */
package com.example.movies.web;
