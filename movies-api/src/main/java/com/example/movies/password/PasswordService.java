package com.example.movies.password;

import org.springframework.stereotype.Service;

import com.example.movies.problem.FieldErrors;
import com.example.movies.problem.InvalidFields;
import com.example.movies.problem.Throttled;
import com.example.movies.user.PasswordPolicy;
import com.example.movies.user.User;
import com.example.movies.user.UserService;

/**
 * Passwords: the signed-in user's change, and the reset links mailed to those who ask (or
 * whom staff send one), with Django's rules and messages.
 */
@Service
public class PasswordService {

    private final UserService users;

    private final AccountTokens tokens;

    private final AccountMailer mailer;

    private final ResetMailProperties resetMail;

    PasswordService(UserService users, AccountTokens tokens, AccountMailer mailer, ResetMailProperties resetMail) {
        this.users = users;
        this.tokens = tokens;
        this.mailer = mailer;
        this.resetMail = resetMail;
    }

    /**
     * Sets the signed-in user's new password; every token issued before stops working
     * (auth.TokenService binds them to the password).
     */
    public void changePassword(User user, PasswordChange change) {
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
            .filter((user) -> this.users.claimMail(user, this.resetMail.resetInterval()))
            .forEach((user) -> this.mailer.sendReset(user, AccountTokens.uid(user), this.tokens.token(user)));
    }

    /**
     * Staff's "send a reset link": at most one mail per account per reset interval, like
     * the public reset.
     * @throws Throttled when one went out within the interval
     */
    public void sendPasswordReset(User user) {
        if (!this.users.claimMail(user, this.resetMail.resetInterval())) {
            throw new Throttled(this.resetMail.resetInterval());
        }
        this.mailer.sendReset(user, AccountTokens.uid(user), this.tokens.token(user));
    }

    /** The set-your-password link of an account staff created without a password. */
    public void sendWelcome(User user) {
        if (this.users.claimMail(user, this.resetMail.resetInterval())) {
            this.mailer.sendWelcome(user, AccountTokens.uid(user), this.tokens.token(user));
        }
    }

    void confirmPasswordReset(PasswordResetConfirmation confirmation) {
        User user = AccountTokens.userId(confirmation.uid())
            .flatMap(this.users::findById)
            .orElseThrow(() -> InvalidFields.of("uid", "Invalid value"));
        if (!this.tokens.isValid(user, confirmation.token())) {
            throw InvalidFields.of("token", "Invalid value");
        }
        setPassword(user, confirmation.newPassword1(), confirmation.newPassword2());
    }

    /**
     * Django's SetPasswordForm: the two fields equal, then the password validators on the
     * second.
     */
    private void setPassword(User user, String password1, String password2) {
        if (!password1.equals(password2)) {
            throw InvalidFields.of("new_password2", PasswordPolicy.MISMATCH);
        }
        FieldErrors errors = new FieldErrors();
        PasswordPolicy.problems(password2, user).forEach((problem) -> errors.add("new_password2", problem));
        errors.throwIfAny();
        this.users.setPassword(user, password2);
    }

}
