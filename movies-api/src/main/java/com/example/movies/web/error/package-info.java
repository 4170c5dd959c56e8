/**
 * The DRF error contract, all of it: every error body and its headers, from Spring MVC,
 * the error page, Tomcat and the filters, written by one writer.
 */
package com.example.movies.web.error;
