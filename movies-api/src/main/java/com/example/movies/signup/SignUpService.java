package com.example.movies.signup;

import java.time.Instant;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.example.movies.password.AccountMailer;
import com.example.movies.password.AccountTokens;
import com.example.movies.password.PasswordResetRequest;
import com.example.movies.password.ResetMailProperties;
import com.example.movies.problem.FieldErrors;
import com.example.movies.problem.NotFound;
import com.example.movies.user.NewUser;
import com.example.movies.user.PasswordPolicy;
import com.example.movies.user.User;
import com.example.movies.user.UserService;

/**
 * Self-service sign-up (dj-rest-auth's registration with mandatory verification): an
 * inactive account, and a mail with the key that verifies its address and activates it.
 */
@Service
class SignUpService {

    private final UserService users;

    private final AccountTokens tokens;

    private final AccountMailer mailer;

    private final ResetMailProperties resetMail;

    SignUpService(UserService users, AccountTokens tokens, AccountMailer mailer, ResetMailProperties resetMail) {
        this.users = users;
        this.tokens = tokens;
        this.mailer = mailer;
        this.resetMail = resetMail;
    }

    /**
     * An address can sign up once; the owner of an unverified one asks for the mail
     * again.
     */
    @Transactional
    void register(Registration registration) {
        FieldErrors errors = new FieldErrors();
        if (!this.users.findByEmail(registration.email()).isEmpty()) {
            errors.add("email", "A user is already registered with this e-mail address.");
        }
        NewUser account = registration.account();
        User candidate = new User(0, account.username(), account.email(), "", "", "", false, false, Instant.now(), null,
                false);
        PasswordPolicy.problems(registration.password1(), candidate)
            .forEach((problem) -> errors.add("password1", problem));
        if (!registration.password1().equals(registration.password2())) {
            errors.add("non_field_errors", PasswordPolicy.MISMATCH);
        }
        errors.throwIfAny();
        User user = this.users.signUp(account);
        this.users.claimMail(user, this.resetMail.resetInterval());
        this.mailer.sendVerification(user, this.tokens.verificationKey(user));
    }

    /**
     * Follows a verification mail's link: the account's address is verified and the
     * account active. An unknown, expired or already used key is not found, as in
     * dj-rest-auth.
     */
    @Transactional
    void verifyEmail(EmailVerification verification) {
        User user = AccountTokens.verificationUserId(verification.key())
            .flatMap(this.users::findById)
            .filter((candidate) -> this.tokens.isValidVerificationKey(candidate, verification.key()))
            .orElseThrow(NotFound::new);
        if (!this.users.verify(user)) {
            throw new NotFound();
        }
    }

    /**
     * Mails the verification link again to each unverified account with the address, at
     * most once per account per reset interval; the answer never reveals whether one
     * exists.
     */
    void resendVerification(PasswordResetRequest request) {
        this.users.findUnverifiedByEmail(request.email())
            .stream()
            .filter((user) -> this.users.claimMail(user, this.resetMail.resetInterval()))
            .forEach((user) -> this.mailer.sendVerification(user, this.tokens.verificationKey(user)));
    }

}
