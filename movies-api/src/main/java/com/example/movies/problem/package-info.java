/**
 * Why a request cannot be served, in the domain's words: services throw these, and
 * web.error translates each to the contract's body.
 */
package com.example.movies.problem;
