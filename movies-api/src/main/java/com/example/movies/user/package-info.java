/**
 * The accounts: users, their profiles, the first admin, the password policy and the
 * account fields' rules.
 */
package com.example.movies.user;
