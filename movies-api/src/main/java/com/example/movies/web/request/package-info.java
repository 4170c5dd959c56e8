/**
 * Reading request bodies and query parameters the way DRF does, with its coercions and
 * messages, into typed requests.
 */
package com.example.movies.web.request;
