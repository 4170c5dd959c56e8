package com.example.movies.user;

/** The account fields' rules and messages that no Bean Validation constraint names. */
public final class AccountFields {

    /**
     * Django's UnicodeUsernameValidator: Python's {@code \w} (letters, digits, the
     * underscore) and {@code .@+-}.
     */
    public static final String USERNAME = "[\\p{L}\\p{N}_.@+-]+";

    public static final String INVALID_USERNAME = "Enter a valid username. This value may contain only letters, "
            + "numbers, and @/./+/-/_ characters.";

    private AccountFields() {
    }

}
