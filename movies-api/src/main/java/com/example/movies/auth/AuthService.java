package com.example.movies.auth;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Service;

import com.example.movies.password.PasswordChange;
import com.example.movies.password.PasswordService;
import com.example.movies.user.User;
import com.example.movies.user.UserService;
import com.example.movies.problem.InvalidToken;
import com.example.movies.problem.NotFound;

/**
 * Signing in and out: the sign-in throttle, the password check (Spring Security's
 * {@link DaoAuthenticationProvider}, which checks an unknown user against a decoy hash,
 * made at its first use, so that a wrong username costs as long as a wrong password),
 * token issue, refresh and revocation, and the one check that a token's user may still
 * act.
 */
@Service
public class AuthService {

    private final UserService users;

    private final PasswordService passwords;

    private final TokenService tokens;

    private final RevokedTokenRepository revokedTokens;

    private final LoginThrottle throttle;

    private final AuthenticationManager passwordCheck;

    AuthService(UserService users, PasswordService passwords, TokenService tokens, RevokedTokenRepository revokedTokens,
            LoginThrottle throttle, PasswordEncoder passwordEncoder) {
        this.users = users;
        this.passwords = passwords;
        this.tokens = tokens;
        this.revokedTokens = revokedTokens;
        this.throttle = throttle;
        this.passwordCheck = new ProviderManager(passwordCheck(users, passwordEncoder));
    }

    /**
     * Every user, inactive ones included, has the password checked before anything else
     * is: an inactive account answers as slowly, and as the same failure, as a wrong
     * password.
     */
    private static DaoAuthenticationProvider passwordCheck(UserService users, PasswordEncoder passwordEncoder) {
        UserDetailsService accounts = (username) -> users.findByUsername(username)
            .map(SignedIn::new)
            .orElseThrow(() -> new UsernameNotFoundException("No such user"));
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(accounts);
        provider.setPasswordEncoder(passwordEncoder);
        // A hash of another algorithm (an imported Django hash) is replaced with the
        // port's own at the first sign-in with the right password; the tokens then
        // issued are bound to the new hash.
        provider.setUserDetailsPasswordService(
                (account, newHash) -> new SignedIn(users.replacePasswordHash(((SignedIn) account).user(), newHash)));
        provider.setPreAuthenticationChecks((account) -> {
        });
        provider.setPostAuthenticationChecks((account) -> {
            if (!account.isEnabled()) {
                throw new DisabledException("Inactive user");
            }
        });
        return provider;
    }

    /** A refresh and an access token, and whom they were issued to. */
    public record Tokens(String refresh, String access, User user) {
    }

    /**
     * Signs in with a username and password; throttled per username and client address.
     * @return empty when no active account has these credentials
     * @throws Throttled when the username or address has failed too often
     */
    public Optional<Tokens> signIn(String username, String password, String clientAddress) {
        return signIn(username, username, password, clientAddress);
    }

    /**
     * Signs in with the e-mail address of exactly one account; throttled per address
     * given and client address.
     */
    public Optional<Tokens> signInByEmail(String email, String password, String clientAddress) {
        // No such account (or several): an empty username, which no account has, costs
        // the decoy check.
        String username = this.users.findUniqueByEmail(email).map(User::username).orElse("");
        return signIn(email.toLowerCase(Locale.ROOT), username, password, clientAddress);
    }

    private Optional<Tokens> signIn(String throttleKey, String username, String password, String clientAddress) {
        LoginThrottle.Attempt attempt = this.throttle.begin(throttleKey, clientAddress);
        User user;
        try {
            user = ((SignedIn) this.passwordCheck
                .authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password))
                .getPrincipal()).user();
        }
        catch (InternalAuthenticationServiceException ex) {
            // Not a wrong password: the account could not be read (the database is
            // unavailable).
            throw (ex.getCause() instanceof RuntimeException cause) ? cause : ex;
        }
        catch (AuthenticationException ex) {
            return Optional.empty();
        }
        attempt.succeeded();
        this.users.recordLogin(user);
        return Optional.of(new Tokens(this.tokens.refreshToken(user), this.tokens.accessToken(user), user));
    }

    /**
     * A new access token for a valid, unrevoked refresh token of a user who may still
     * act.
     */
    public String refresh(String refreshToken) {
        Jwt refresh = this.tokens.decodeRefreshToken(refreshToken)
            .orElseThrow(() -> invalidRefreshToken("Token is invalid or expired"));
        if (this.revokedTokens.isRevoked(refresh.getId())) {
            throw invalidRefreshToken("Token is blacklisted");
        }
        User user = activeUser(refresh).orElseThrow(() -> invalidRefreshToken("Token is invalid or expired"));
        return this.tokens.accessToken(user);
    }

    /** Revokes a refresh token, everywhere at once. */
    public void logout(String refreshToken) {
        Jwt refresh = this.tokens.decodeRefreshToken(refreshToken)
            .orElseThrow(() -> new InvalidToken("Token is invalid or expired", null));
        if (!this.revokedTokens.revoke(refresh.getId(), refresh.getExpiresAt())) {
            throw new InvalidToken("Token is blacklisted", null);
        }
    }

    /**
     * The user a token names, if that user still exists, is active and has the password
     * the token was issued for: a deactivated user's tokens stop at once, and so do all
     * tokens issued before a password change or reset.
     */
    public Optional<User> activeUser(Jwt token) {
        return this.users.findById(TokenService.userId(token))
            .filter(User::active)
            .filter((user) -> this.tokens.isForCurrentPassword(token, user));
    }

    /**
     * Changes the signed-in user's password: every session of theirs ends, and this one
     * goes on with the new tokens returned.
     */
    public Tokens changePassword(User user, PasswordChange change) {
        this.passwords.changePassword(user, change);
        User changed = this.users.findById(user.id()).orElseThrow(NotFound::new);
        return new Tokens(this.tokens.refreshToken(changed), this.tokens.accessToken(changed), changed);
    }

    private static InvalidToken invalidRefreshToken(String detail) {
        return new InvalidToken(detail, "token_not_valid");
    }

    /**
     * The account Spring Security checks the password of; {@code enabled} is Django's
     * {@code is_active}.
     */
    private static final class SignedIn extends org.springframework.security.core.userdetails.User {

        private final User user;

        SignedIn(User user) {
            super(user.username(), user.password(), user.active(), true, true, true, List.of());
            this.user = user;
        }

        User user() {
            return this.user;
        }

    }

}
