package com.example.movies.e2e.stack;

import java.security.SecureRandom;

/** Throwaway secrets for what the suite starts: passwords and signing keys. */
public final class Secrets {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    /**
     * @return {@code length} random letters and digits
     */
    public static String random(int length) {
        StringBuilder token = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            token.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return token.toString();
    }

}
