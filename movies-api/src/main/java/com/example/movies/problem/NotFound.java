package com.example.movies.problem;

/** The thing asked for does not exist (or may not be revealed to exist). */
public class NotFound extends RuntimeException {

    public NotFound() {
        super("Not found", null, false, false);
    }

}
