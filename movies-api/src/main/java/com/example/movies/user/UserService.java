package com.example.movies.user;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import com.example.movies.time.Timestamps;
import com.example.movies.web.error.ApiException;
import com.example.movies.web.error.FieldErrors;

/**
 * Accounts: lookup, profile, password change and reset, with Django's rules and messages.
 */
@Service
public class UserService {

    private final UserRepository users;

    private final PasswordEncoder passwordEncoder;

    private final PasswordResetTokens resetTokens;

    private final PasswordResetMailer resetMailer;

    private final ResetMailProperties resetMail;

    UserService(UserRepository users, PasswordEncoder passwordEncoder, PasswordResetTokens resetTokens,
            PasswordResetMailer resetMailer, ResetMailProperties resetMail) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.resetTokens = resetTokens;
        this.resetMailer = resetMailer;
        this.resetMail = resetMail;
    }

    public Optional<User> findById(long id) {
        return this.users.findById(id);
    }

    public Optional<User> findByUsername(String username) {
        return this.users.findByUsername(username);
    }

    /**
     * The one account with this e-mail address; none when no account or several have it.
     */
    public Optional<User> findUniqueByEmail(String email) {
        List<User> candidates = this.users.findByEmail(email);
        return (candidates.size() == 1) ? Optional.of(candidates.get(0)) : Optional.empty();
    }

    /** Django's "update last login" on every token issue. */
    public void recordLogin(User user) {
        this.users.updateLastLogin(user.id(), Timestamps.now());
    }

    List<User> all() {
        return this.users.findAll();
    }

    User updateProfile(User user, ProfileChange change) {
        try {
            this.users.updateProfile(user.id(), (change.username() != null) ? change.username() : user.username(),
                    (change.firstName() != null) ? change.firstName() : user.firstName(),
                    (change.lastName() != null) ? change.lastName() : user.lastName());
        }
        catch (DuplicateKeyException ex) {
            throw ApiException.invalid("username", "A user with that username already exists.");
        }
        return this.users.findById(user.id()).orElseThrow(ApiException::notFound);
    }

    void changePassword(User user, PasswordChange change) {
        setPassword(user, change.newPassword1(), change.newPassword2());
    }

    /**
     * Mails a reset link to each active account with the address, at most one per account
     * per reset interval (so that nobody can flood an inbox through us); the answer never
     * reveals whether an account exists.
     */
    void requestPasswordReset(PasswordResetRequest request) {
        this.users.findByEmail(request.email())
            .stream()
            .filter(User::active)
            .filter((user) -> this.users.claimResetMail(user.id(), Instant.now(), this.resetMail.resetInterval()))
            .forEach(
                    (user) -> this.resetMailer.send(user, PasswordResetTokens.uid(user), this.resetTokens.token(user)));
    }

    void confirmPasswordReset(PasswordResetConfirmation confirmation) {
        User user = PasswordResetTokens.userId(confirmation.uid())
            .flatMap(this.users::findById)
            .orElseThrow(() -> ApiException.invalid("uid", "Invalid value"));
        if (!this.resetTokens.isValid(user, confirmation.token())) {
            throw ApiException.invalid("token", "Invalid value");
        }
        setPassword(user, confirmation.newPassword1(), confirmation.newPassword2());
    }

    /**
     * Django's SetPasswordForm: the two fields equal, then the password validators on the
     * second.
     */
    private void setPassword(User user, String password1, String password2) {
        if (!password1.equals(password2)) {
            throw ApiException.invalid("new_password2", "The two password fields didn\u2019t match.");
        }
        FieldErrors errors = new FieldErrors();
        PasswordPolicy.problems(password2, user).forEach((problem) -> errors.add("new_password2", problem));
        errors.throwIfAny();
        this.users.updatePassword(user.id(), this.passwordEncoder.encode(password2));
    }

}
