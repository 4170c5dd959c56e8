package com.example.movies.problem;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Input that breaks the rules, field by field: each field's messages. */
public class InvalidFields extends RuntimeException {

    private final Map<String, List<String>> fields;

    public InvalidFields(Map<String, List<String>> fields) {
        super("Invalid " + fields.keySet(), null, false, false);
        // In the order found, as DRF answers them.
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** One message on one field, e.g. {@code {"non_field_errors": ["..."]}}. */
    public static InvalidFields of(String field, String message) {
        return new InvalidFields(Map.of(field, List.of(message)));
    }

    public Map<String, List<String>> getFields() {
        return this.fields;
    }

}
