package com.example.movies.problem;

/**
 * A token that authenticates nobody (expired, revoked, or not one of ours), with the
 * reason and, where simplejwt gives one, its code.
 */
public class InvalidToken extends RuntimeException {

    private final String code;

    public InvalidToken(String reason, String code) {
        super(reason, null, false, false);
        this.code = code;
    }

    /** simplejwt's code, such as {@code token_not_valid}; null where it gives none. */
    public String getCode() {
        return this.code;
    }

}
