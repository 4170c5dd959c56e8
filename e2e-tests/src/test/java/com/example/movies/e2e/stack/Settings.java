package com.example.movies.e2e.stack;

import java.util.Optional;

/**
 * The suite's configuration: a system property ({@code e2e.apiUrl}) wins over its
 * environment variable ({@code E2E_API_URL}).
 */
public final class Settings {

    private Settings() {
    }

    public static Optional<String> find(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(environmentName(property));
        }
        return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
    }

    public static String require(String property) {
        return find(property).orElseThrow(() -> new IllegalStateException("Missing setting: system property " + property
                + " or environment variable " + environmentName(property)));
    }

    /** {@code e2e.apiUrl} -> {@code E2E_API_URL}. */
    static String environmentName(String property) {
        return property.replace('.', '_').replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(java.util.Locale.ROOT);
    }

}
