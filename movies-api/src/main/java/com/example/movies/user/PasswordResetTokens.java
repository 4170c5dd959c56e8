package com.example.movies.user;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * Password-reset links as Django makes them: {@code uid} is the user's id in base64,
 * {@code token} a timestamped HMAC over the user's id, password hash, last login and
 * e-mail. Nothing is stored: the token dies when the password changes (and after three
 * days), on every replica alike.
 */
@Component
public class PasswordResetTokens {

    static final Duration VALIDITY = Duration.ofDays(3);

    /** Django's token epoch. */
    private static final Instant EPOCH = Instant.parse("2001-01-01T00:00:00Z");

    private final SecretKeySpec key;

    PasswordResetTokens(PasswordResetProperties properties) {
        this.key = new SecretKeySpec(properties.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public static String uid(User user) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Long.toString(user.id()).getBytes());
    }

    /** The user id a uid names, if it is one. */
    static Optional<Long> userId(String uid) {
        try {
            return Optional.of(Long.parseLong(new String(Base64.getUrlDecoder().decode(uid), StandardCharsets.UTF_8)));
        }
        catch (IllegalArgumentException ex) {
            return Optional.empty();
        }
    }

    public String token(User user) {
        return token(user, Instant.now());
    }

    /** A token as made at {@code issued} (tests make expired ones). */
    String token(User user, Instant issued) {
        return token(user, Duration.between(EPOCH, issued).toSeconds());
    }

    boolean isValid(User user, String token) {
        int dash = token.indexOf('-');
        if (dash < 1) {
            return false;
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(token.substring(0, dash), 36);
        }
        catch (NumberFormatException ex) {
            return false;
        }
        long age = Duration.between(EPOCH, Instant.now()).toSeconds() - timestamp;
        return age >= 0 && age <= VALIDITY.toSeconds() && MessageDigest
            .isEqual(token(user, timestamp).getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }

    private String token(User user, long timestamp) {
        String lastLogin = (user.lastLogin() != null) ? user.lastLogin().truncatedTo(ChronoUnit.SECONDS).toString()
                : "";
        String state = user.id() + user.password() + lastLogin + timestamp + user.email();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(this.key);
            String hash = HexFormat.of().formatHex(mac.doFinal(state.getBytes(StandardCharsets.UTF_8)));
            return Long.toString(timestamp, 36) + "-" + hash.substring(0, 32);
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

}
