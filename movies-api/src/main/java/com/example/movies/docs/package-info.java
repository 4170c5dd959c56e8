/**
 * The OpenAPI document that the gateway's routes are generated from, and its Swagger UI
 * page.
 */
package com.example.movies.docs;
