package com.example.movies.problem;

/** The caller is known but may not do this. */
public class PermissionDenied extends RuntimeException {

    public PermissionDenied() {
        super("Permission denied", null, false, false);
    }

}
