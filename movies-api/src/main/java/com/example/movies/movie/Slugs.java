package com.example.movies.movie;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Slugs as the original made them (Django's slugify, cut to the field's 50 characters,
 * {@code -2}, {@code -3}... for duplicates).
 */
final class Slugs {

    static final int MAX_LENGTH = 50;

    /**
     * Titles with nothing left to slug (only punctuation, emoji, CJK...) fall back to the
     * model's name.
     */
    static final String FALLBACK = "movie";

    private static final Pattern NON_ASCII = Pattern.compile("[^\\x00-\\x7F]");

    private static final Pattern NOT_WORD_SPACE_OR_DASH = Pattern.compile("[^\\w\\s-]");

    private static final Pattern DASHES_AND_SPACES = Pattern.compile("[-\\s]+");

    private static final Pattern EDGE_DASHES = Pattern.compile("^[-_]+|[-_]+$");

    private Slugs() {
    }

    /**
     * {@code "Amélie: Le Fabuleux Destin  d'Amélie Poulain"} →
     * {@code amelie-le-fabuleux-destin-damelie-poulain}.
     */
    static String slugify(String title) {
        String ascii = NON_ASCII.matcher(Normalizer.normalize(title, Normalizer.Form.NFKD)).replaceAll("");
        String words = NOT_WORD_SPACE_OR_DASH.matcher(ascii.toLowerCase(Locale.ROOT)).replaceAll("");
        String slug = crop(DASHES_AND_SPACES.matcher(words).replaceAll("-"), MAX_LENGTH);
        return slug.isEmpty() ? FALLBACK : slug;
    }

    /**
     * The n-th choice for a slug: the base itself, then the base (cut to fit) with
     * {@code -n}.
     */
    static String candidate(String base, int n) {
        if (n == 1) {
            return base;
        }
        String suffix = "-" + n;
        return crop(base, MAX_LENGTH - suffix.length()) + suffix;
    }

    /**
     * A prefix every candidate of this base starts with (candidates only ever cut the
     * base further).
     */
    static String commonPrefix(String base) {
        return crop(base, MAX_LENGTH - 20);
    }

    private static String crop(String slug, int length) {
        return EDGE_DASHES.matcher(slug.substring(0, Math.min(length, slug.length()))).replaceAll("");
    }

}
