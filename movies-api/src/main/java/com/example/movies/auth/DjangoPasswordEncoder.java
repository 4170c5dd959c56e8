package com.example.movies.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Checks the password hashes of a database imported from the original Django app, stored
 * as Django wrote them ({@code algorithm$...}, no Spring {@code {id}} prefix), so that
 * its users sign in with their old passwords; the first successful sign-in replaces the
 * hash with the port's own (AuthService). The original's settings use Django's default
 * hashers, of which these can have made a hash there: {@code pbkdf2_sha256} (the default;
 * the iteration count is read from the hash: 390,000 in Django 4.1, more in later
 * versions), {@code pbkdf2_sha1}, and {@code bcrypt_sha256} and {@code bcrypt} where the
 * bcrypt library was installed. The arithmetic is the JDK's PBKDF2 and Spring Security's
 * bcrypt; the comparison is constant-time. It never encodes.
 */
public final class DjangoPasswordEncoder implements PasswordEncoder {

    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();

    DjangoPasswordEncoder() {
    }

    /** Whether this encoder can check the hash (its algorithm is one of the above). */
    public static boolean isSupported(String encoded) {
        String algorithm = algorithm(encoded);
        return algorithm.equals("pbkdf2_sha256") || algorithm.equals("pbkdf2_sha1") || algorithm.equals("bcrypt_sha256")
                || algorithm.equals("bcrypt");
    }

    @Override
    public String encode(CharSequence rawPassword) {
        throw new UnsupportedOperationException("Django hashes are only checked, then replaced");
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encoded) {
        if (rawPassword == null || encoded == null) {
            return false;
        }
        String rest = encoded.substring(encoded.indexOf('$') + 1);
        return switch (algorithm(encoded)) {
            case "pbkdf2_sha256" -> pbkdf2("PBKDF2WithHmacSHA256", 32, rawPassword, rest);
            case "pbkdf2_sha1" -> pbkdf2("PBKDF2WithHmacSHA1", 20, rawPassword, rest);
            // Django hashes the SHA-256 of the password, in hex, so that bcrypt's 72-byte
            // limit does not cut it.
            case "bcrypt_sha256" -> this.bcrypt.matches(sha256Hex(rawPassword), rest);
            case "bcrypt" -> this.bcrypt.matches(rawPassword, rest);
            default -> false;
        };
    }

    @Override
    public boolean upgradeEncoding(String encoded) {
        return true;
    }

    private static String algorithm(String encoded) {
        int dollar = encoded.indexOf('$');
        return (dollar > 0) ? encoded.substring(0, dollar) : "";
    }

    /** Django's {@code iterations$salt$base64(hash)}. */
    private static boolean pbkdf2(String algorithm, int length, CharSequence rawPassword, String rest) {
        String[] parts = rest.split("\\$", -1);
        if (parts.length != 3) {
            return false;
        }
        try {
            int iterations = Integer.parseInt(parts[0]);
            byte[] expected = Base64.getDecoder().decode(parts[2]);
            if (iterations < 1 || expected.length != length) {
                return false;
            }
            PBEKeySpec spec = new PBEKeySpec(rawPassword.toString().toCharArray(),
                    parts[1].getBytes(StandardCharsets.UTF_8), iterations, length * 8);
            byte[] actual = SecretKeyFactory.getInstance(algorithm).generateSecret(spec).getEncoded();
            return MessageDigest.isEqual(actual, expected);
        }
        catch (IllegalArgumentException | GeneralSecurityException ex) {
            return false;
        }
    }

    private static String sha256Hex(CharSequence rawPassword) {
        try {
            return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(rawPassword.toString().getBytes(StandardCharsets.UTF_8)));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

}
