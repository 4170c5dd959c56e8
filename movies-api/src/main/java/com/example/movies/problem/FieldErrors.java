package com.example.movies.problem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects DRF-style validation errors, field by field in the order they are found. */
public final class FieldErrors {

    private final Map<String, List<String>> errors = new LinkedHashMap<>();

    public void add(String field, String message) {
        this.errors.computeIfAbsent(field, (key) -> new ArrayList<>()).add(message);
    }

    public boolean has(String field) {
        return this.errors.containsKey(field);
    }

    /** Throws every collected error, if there is any. */
    public void throwIfAny() {
        if (!this.errors.isEmpty()) {
            throw new InvalidFields(this.errors);
        }
    }

}
