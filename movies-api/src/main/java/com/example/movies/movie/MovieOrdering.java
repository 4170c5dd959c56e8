package com.example.movies.movie;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.example.movies.problem.FieldErrors;

/**
 * The list's order, as DRF's OrderingFilter reads {@code ordering}: a comma list of
 * {@code title}, {@code year}, {@code created} and {@code modified}, each reversed by a
 * leading {@code -}. Ties go by creation, so paging is stable. Unlike DRF, which ignores
 * what it does not know, an unknown field is a 400: a client's typo should not silently
 * give another order.
 */
record MovieOrdering(List<String> fields) {

    /** Year, then creation: the contract's default. */
    static final MovieOrdering DEFAULT = new MovieOrdering(List.of("year"));

    private static final Map<String, String> COLUMNS = Map.of("title", "m.title", "year", "m.release_year", "created",
            "m.created", "modified", "m.modified");

    /**
     * @return the ordering, or {@code null} when {@code text} is not one (an error is
     * then recorded)
     */
    static MovieOrdering read(String text, FieldErrors errors) {
        if (text == null || text.isBlank()) {
            return DEFAULT;
        }
        Set<String> fields = new LinkedHashSet<>();
        for (String field : text.split(",")) {
            String name = field.strip();
            if (!COLUMNS.containsKey(name.startsWith("-") ? name.substring(1) : name)) {
                errors.add("ordering", "Unknown ordering field \"" + name + "\": use title, year, created or "
                        + "modified, each reversed by a leading \"-\".");
                return null;
            }
            fields.add(name);
        }
        return new MovieOrdering(List.copyOf(fields));
    }

    boolean isDefault() {
        return equals(DEFAULT);
    }

    /** The SQL {@code ORDER BY} list: only known columns, never the client's text. */
    String sql() {
        List<String> terms = new ArrayList<>();
        for (String field : this.fields) {
            boolean descending = field.startsWith("-");
            terms.add(COLUMNS.get(descending ? field.substring(1) : field) + (descending ? " DESC" : ""));
        }
        terms.add("m.seq");
        return String.join(", ", terms);
    }

}
