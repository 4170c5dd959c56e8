package com.example.movies;

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

}
