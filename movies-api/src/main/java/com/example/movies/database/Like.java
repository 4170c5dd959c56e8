package com.example.movies.database;

import java.util.Locale;

/**
 * SQL {@code LIKE} patterns from user text, on H2 and PostgreSQL alike: {@code %},
 * {@code _} and the escape character itself match only themselves.
 */
public final class Like {

    /** After each {@code LIKE :param}: the escape character of the patterns made here. */
    public static final String ESCAPE = " ESCAPE '\\'";

    private Like() {
    }

    /** Text that starts with {@code prefix}. */
    public static String prefix(String prefix) {
        return escape(prefix) + "%";
    }

    /**
     * Lower-case text that contains {@code part}, in any case (compare with
     * {@code LOWER(column)}).
     */
    public static String containsIgnoringCase(String part) {
        return "%" + escape(part.toLowerCase(Locale.ROOT)) + "%";
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

}
