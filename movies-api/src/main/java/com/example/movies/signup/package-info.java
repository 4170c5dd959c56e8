/**
 * Self-service sign-up, when turned on: an inactive account until the link of its
 * verification mail is followed.
 */
package com.example.movies.signup;
