/**
 * The bundled React UI: its files, the single-page fallback, and the root page.
 */
package com.example.movies.ui;
