package com.example.movies.user;

import java.util.regex.Pattern;

import com.example.movies.problem.FieldErrors;
import com.example.movies.web.request.RequestData;
import com.example.movies.web.request.RequestData.CharRules;

/** The account fields' rules and messages, as Django's user model and forms have them. */
public final class AccountFields {

    public static final CharRules USERNAME = CharRules.required(150);

    public static final CharRules NAME = CharRules.required(150).optional().blankAllowed();

    public static final CharRules EMAIL = CharRules.required(254);

    public static final CharRules NEW_PASSWORD = CharRules.required(128);

    /** Django's UnicodeUsernameValidator. */
    private static final Pattern VALID_USERNAME = Pattern.compile("[\\w.@+-]+", Pattern.UNICODE_CHARACTER_CLASS);

    /**
     * Django's EmailValidator, simplified: a local part, an @, and a dotted domain (or
     * localhost).
     */
    private static final Pattern VALID_EMAIL = Pattern.compile("[^@\\s]+@([^@\\s.]+\\.)+[^@\\s.]+|[^@\\s]+@localhost");

    private AccountFields() {
    }

    public static String username(RequestData data, CharRules rules, FieldErrors errors) {
        String username = data.text("username", rules, errors);
        if (username != null && !VALID_USERNAME.matcher(username).matches()) {
            errors.add("username", "Enter a valid username. This value may contain only letters, numbers, "
                    + "and @/./+/-/_ characters.");
            return null;
        }
        return username;
    }

    public static String email(RequestData data, CharRules rules, FieldErrors errors) {
        String email = data.text("email", rules, errors);
        if (email != null && !VALID_EMAIL.matcher(email).matches()) {
            errors.add("email", "Enter a valid email address.");
            return null;
        }
        return email;
    }

}
