/**
 * Staff's management of the accounts: list, create, change, delete, send a reset link.
 */
package com.example.movies.staff;
