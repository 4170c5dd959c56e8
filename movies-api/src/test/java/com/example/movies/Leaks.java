package com.example.movies;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an error answer must never show a client: stack traces, SQL, class names,
 * backquoted settings ({@code `StreamReadConstraints.getMaxNestingDepth()`}), server
 * banners, HTML pages. (A lone backquote is the client's own character echoed by a parse
 * error.)
 */
public final class Leaks {

    private static final Pattern LEAK = Pattern.compile("(?i)exception|\\bat [a-z]+\\.|\\.java\\b|jackson|tomcat|"
            + "spring|hibernate|postgres|\\bh2\\b|\\bsql|select |insert |stack|"
            + "\\b(?:[a-z_][a-z0-9_]*+\\.){2,}[A-Z]|<html|`[^`\\s]*\\.[^`\\s]*`|\\[Source");

    private Leaks() {
    }

    public static boolean any(String body) {
        return LEAK.matcher(body).find();
    }

    public static void assertNone(String what, String body) {
        assertThat(any(body)).as(what + ": " + body).isFalse();
    }

    /**
     * As {@link #assertNone(String, String)}, but what the client sent itself and the
     * answer echoes (an invalid ordering field, say) is not a leak: a match counts only
     * where it is not in {@code sent}, as sent or as a JSON string escapes it.
     */
    public static void assertNoneBut(String sent, String what, String body) {
        String escaped = sent.replace("\\", "\\\\").replace("\"", "\\\"");
        Matcher matcher = LEAK.matcher(body);
        while (matcher.find()) {
            String match = matcher.group();
            assertThat(sent.contains(match) || escaped.contains(match)).as(what + ": " + body).isTrue();
        }
    }

}
