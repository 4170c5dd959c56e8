package com.example.movies.infra.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One operation of the API's OpenAPI document: an HTTP method on a path template such as
 * {@code /api/v1/movie/{id}}.
 */
public record ApiOperation(String method, String path) implements Comparable<ApiOperation> {

    // The keys of an OpenAPI path item that are operations (the others are summary,
    // parameters, servers...).
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");

    private static final Comparator<ApiOperation> ORDER = Comparator.comparing(ApiOperation::path)
        .thenComparing(ApiOperation::method);

    /**
     * The OpenAPI extension that marks an operation of an optional feature (the API's
     * {@code x-feature}, e.g. {@code sign-up}).
     */
    public static final String FEATURE = "x-feature";

    /**
     * The operations of the OpenAPI document at {@code document}, in path order: all but
     * those of an optional feature not in {@code features}.
     */
    public static SortedSet<ApiOperation> readAll(Path document, Set<String> features) {
        JsonNode paths;
        try {
            paths = new ObjectMapper().readTree(Files.readString(document)).path("paths");
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read the API's OpenAPI document " + document.toAbsolutePath()
                    + " (the movies-api build writes it; build movies-api first)", e);
        }
        SortedSet<ApiOperation> operations = new TreeSet<>();
        paths.properties().forEach(path -> path.getValue().properties().forEach(entry -> {
            String key = entry.getKey();
            JsonNode feature = entry.getValue().path(FEATURE);
            if (METHODS.contains(key) && (feature.isMissingNode() || features.contains(feature.asText()))) {
                operations.add(new ApiOperation(key.toUpperCase(Locale.ROOT), path.getKey()));
            }
        }));
        if (operations.isEmpty()) {
            throw new IllegalStateException("The OpenAPI document " + document.toAbsolutePath() + " has no operations");
        }
        return operations;
    }

    /**
     * The API Gateway route key of this operation, e.g. {@code GET /api/v1/movie/{id}}.
     */
    public String routeKey() {
        return method + " " + path;
    }

    @Override
    public int compareTo(ApiOperation other) {
        return ORDER.compare(this, other);
    }
}
