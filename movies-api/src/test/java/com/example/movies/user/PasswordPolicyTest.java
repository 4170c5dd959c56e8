package com.example.movies.user;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Django's default password validators, with their exact messages. */
class PasswordPolicyTest {

    static final User USER = new User(1, "moviefan", "jane.doe@example.com", "Jane", "Lovelace", "", false, true,
            Instant.now(), null, false);

    @Test
    void acceptsAGoodPassword() {
        assertThat(PasswordPolicy.problems("Xk92!mqLz", USER)).isEmpty();
    }

    @Test
    void refusesShortCommonAndNumericPasswords() {
        assertThat(PasswordPolicy.problems("1234567", USER)).containsExactly(
                "This password is too short. It must contain at least 8 characters.", "This password is too common.",
                "This password is entirely numeric.");
        assertThat(PasswordPolicy.problems("password", USER)).containsExactly("This password is too common.");
        assertThat(PasswordPolicy.problems("  PassWord ", USER)).containsExactly("This password is too common.");
        assertThat(PasswordPolicy.problems("83920174652", USER)).containsExactly("This password is entirely numeric.");
    }

    @Test
    void refusesPasswordsTooSimilarToTheUser() {
        assertThat(PasswordPolicy.problems("moviefan1", USER)).contains("The password is too similar to the username.");
        assertThat(PasswordPolicy.problems("jane.doe@example.co", USER))
            .containsExactly("The password is too similar to the email address.");
        assertThat(PasswordPolicy.problems("Jane123", USER)).contains("The password is too similar to the first name.");
        assertThat(PasswordPolicy.problems("Lovelace9", USER))
            .containsExactly("The password is too similar to the last name.");
    }

    @Test
    void quickRatioMatchesPythonsDifflib() {
        assertThat(PasswordPolicy.quickRatio("abcd", "bcde")).isEqualTo(0.75);
        assertThat(PasswordPolicy.quickRatio("aaaa", "a")).isEqualTo(0.4);
        assertThat(PasswordPolicy.quickRatio("", "")).isEqualTo(1.0);
    }

}
