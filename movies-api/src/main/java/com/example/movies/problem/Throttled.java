package com.example.movies.problem;

import java.time.Duration;

/** Asked again too soon: the caller may try again after {@code wait}. */
public class Throttled extends RuntimeException {

    private final Duration wait;

    public Throttled(Duration wait) {
        super("Throttled for " + wait, null, false, false);
        this.wait = wait;
    }

    public Duration getWait() {
        return this.wait;
    }

}
