package com.example.movies.password;

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

import com.example.movies.user.User;

/**
 * The keys of the account mails, all HMACs with the reset secret, nothing stored, valid
 * on every replica alike for three days.
 * <ul>
 * <li>Password-reset links as Django makes them: {@code uid} is the user's id in base64,
 * {@code token} a timestamped HMAC over the user's id, password hash, last login and
 * e-mail; the token dies when the password changes.</li>
 * <li>E-mail verification keys of self-service sign-up, {@code uid:token}, with a token
 * over the purpose, the user's id and e-mail; following one twice verifies nothing new
 * (UserRepository.verify).</li>
 * </ul>
 */
@Component
public class AccountTokens {

    static final Duration VALIDITY = Duration.ofDays(3);

    /** Django's token epoch. */
    private static final Instant EPOCH = Instant.parse("2001-01-01T00:00:00Z");

    private final SecretKeySpec key;

    AccountTokens(PasswordResetProperties properties) {
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
        return token(resetState(user), Duration.between(EPOCH, issued).toSeconds());
    }

    /** The key of the mail that verifies a new account's address. */
    public String verificationKey(User user) {
        return uid(user) + ":" + token(verificationState(user), Duration.between(EPOCH, Instant.now()).toSeconds());
    }

    /** The user id a verification key names, if it names one. */
    public static Optional<Long> verificationUserId(String key) {
        int colon = key.indexOf(':');
        return (colon > 0) ? userId(key.substring(0, colon)) : Optional.empty();
    }

    public boolean isValidVerificationKey(User user, String key) {
        String prefix = uid(user) + ":";
        return key.startsWith(prefix) && isValid(verificationState(user), key.substring(prefix.length()));
    }

    boolean isValid(User user, String token) {
        return isValid(resetState(user), token);
    }

    private boolean isValid(State state, String token) {
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
            .isEqual(token(state, timestamp).getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }

    /** What a token signs: {@code before}, the timestamp, {@code after}. */
    private record State(String before, String after) {
    }

    /** Django's reset token hash value. */
    private static State resetState(User user) {
        String lastLogin = (user.lastLogin() != null) ? user.lastLogin().truncatedTo(ChronoUnit.SECONDS).toString()
                : "";
        return new State(user.id() + user.password() + lastLogin, user.email());
    }

    private static State verificationState(User user) {
        return new State("verify-email:" + user.id() + ":", ":" + user.email());
    }

    private String token(State state, long timestamp) {
        String message = state.before() + timestamp + state.after();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(this.key);
            String hash = HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
            return Long.toString(timestamp, 36) + "-" + hash.substring(0, 32);
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

}
