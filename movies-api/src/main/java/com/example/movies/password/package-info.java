/**
 * Passwords: the signed-in user's change, reset links and verification keys (HMAC
 * tokens), and the account mails that carry them.
 */
package com.example.movies.password;
