/**
 * Accounts: users, the first admin, profiles, the password policy, password change and
 * reset by mail.
 */
package com.example.movies.user;
