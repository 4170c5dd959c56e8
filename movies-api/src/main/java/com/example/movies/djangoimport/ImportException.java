package com.example.movies.djangoimport;

/**
 * Why an import cannot go on, in words for the person running it (the row and the
 * reason); nothing has been written.
 */
class ImportException extends RuntimeException {

    ImportException(String message) {
        super(message);
    }

    ImportException(String message, Throwable cause) {
        super(message, cause);
    }

}
