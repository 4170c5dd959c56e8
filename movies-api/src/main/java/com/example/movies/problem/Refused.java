package com.example.movies.problem;

/**
 * A request the rules refuse as a whole, with the reason for the caller (DRF's
 * {@code detail}).
 */
public class Refused extends RuntimeException {

    public Refused(String reason) {
        super(reason, null, false, false);
    }

}
