package com.example.movies.user;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

/**
 * Django's four default password validators, in Django's order and with its exact
 * messages: similarity to the user's attributes, minimum length 8, common passwords
 * (Django's list), all digits.
 */
public final class PasswordPolicy {

    static final int MIN_LENGTH = 8;

    /** Django's message when the two fields of a new password differ. */
    public static final String MISMATCH = "The two password fields didn\u2019t match.";

    private static final double MAX_SIMILARITY = 0.7;

    private static final Pattern NON_WORD = Pattern.compile("\\W+", Pattern.UNICODE_CHARACTER_CLASS);

    private PasswordPolicy() {
    }

    /**
     * @return the validators' messages, empty when the password is acceptable for this
     * user
     */
    public static List<String> problems(String password, User user) {
        List<String> problems = new ArrayList<>();
        similarAttribute(password, user)
            .ifPresent((attribute) -> problems.add("The password is too similar to the " + attribute + "."));
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            problems.add("This password is too short. It must contain at least " + MIN_LENGTH + " characters.");
        }
        if (CommonPasswords.LIST.contains(password.toLowerCase(Locale.ROOT).strip())) {
            problems.add("This password is too common.");
        }
        if (!password.isEmpty() && password.chars().allMatch(Character::isDigit)) {
            problems.add("This password is entirely numeric.");
        }
        return problems;
    }

    /**
     * UserAttributeSimilarityValidator: the verbose name of the first attribute that is
     * too similar.
     */
    private static java.util.Optional<String> similarAttribute(String password, User user) {
        String lowerPassword = password.toLowerCase(Locale.ROOT);
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("username", user.username());
        attributes.put("first name", user.firstName());
        attributes.put("last name", user.lastName());
        attributes.put("email address", user.email());
        for (Map.Entry<String, String> attribute : attributes.entrySet()) {
            if (attribute.getValue() == null || attribute.getValue().isEmpty()) {
                continue;
            }
            String value = attribute.getValue().toLowerCase(Locale.ROOT);
            List<String> parts = new ArrayList<>(List.of(NON_WORD.split(value, -1)));
            parts.add(value);
            for (String part : parts) {
                if (!exceedsMaximumLengthRatio(lowerPassword, part)
                        && quickRatio(lowerPassword, part) >= MAX_SIMILARITY) {
                    return java.util.Optional.of(attribute.getKey());
                }
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * Django skips parts much shorter than the password: they cannot reach the similarity
     * bound.
     */
    private static boolean exceedsMaximumLengthRatio(String password, String value) {
        int passwordLength = password.length();
        double lengthBoundSimilarity = MAX_SIMILARITY / 2 * passwordLength;
        return passwordLength >= 10 * value.length() && value.length() < lengthBoundSimilarity;
    }

    /** Python's difflib.SequenceMatcher(a, b).quick_ratio(). */
    static double quickRatio(String a, String b) {
        int length = a.length() + b.length();
        if (length == 0) {
            return 1.0;
        }
        Map<Character, Integer> available = new HashMap<>();
        for (char c : b.toCharArray()) {
            available.merge(c, 1, Integer::sum);
        }
        int matches = 0;
        for (char c : a.toCharArray()) {
            int left = available.getOrDefault(c, 0);
            available.put(c, left - 1);
            if (left > 0) {
                matches++;
            }
        }
        return 2.0 * matches / length;
    }

    /**
     * Django's list of 20,000 common passwords
     * (django/contrib/auth/common-passwords.txt.gz), read on first use.
     */
    private static final class CommonPasswords {

        static final Set<String> LIST = read();

        private static Set<String> read() {
            try (InputStream in = PasswordPolicy.class.getResourceAsStream("common-passwords.txt.gz");
                    BufferedReader reader = new BufferedReader(
                            new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8))) {
                return reader.lines().map(String::strip).collect(Collectors.toUnmodifiableSet());
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }

    }

}
