package com.example.movies.user;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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

    private final AccountTokens tokens;

    private final AccountMailer mailer;

    private final ResetMailProperties resetMail;

    private final ApplicationEventPublisher events;

    UserService(UserRepository users, PasswordEncoder passwordEncoder, AccountTokens tokens, AccountMailer mailer,
            ResetMailProperties resetMail, ApplicationEventPublisher events) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.tokens = tokens;
        this.mailer = mailer;
        this.resetMail = resetMail;
        this.events = events;
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

    /**
     * Stores a new hash of the user's unchanged password (another algorithm's, such as an
     * imported Django hash, upgraded at sign-in).
     * @return the user with the new hash
     */
    public User replacePasswordHash(User user, String passwordHash) {
        this.users.replacePasswordHash(user.id(), passwordHash);
        return this.users.findById(user.id()).orElseThrow();
    }

    /** Django's "update last login" on every token issue. */
    public void recordLogin(User user) {
        this.users.updateLastLogin(user.id(), Timestamps.now());
    }

    /** A page of the accounts, and how many match. */
    record Page(List<User> users, long total) {
    }

    /** The accounts whose username, e-mail or names contain {@code search}, by id. */
    Page find(String search, Integer limit, int offset) {
        return new Page(this.users.find(search, limit, offset), this.users.count(search));
    }

    User get(long id) {
        return this.users.findById(id).orElseThrow(ApiException::notFound);
    }

    /**
     * Creates an active account. Without a password it gets one nobody knows, and a mail
     * with a link to set its own.
     */
    @Transactional
    User create(NewUser account) {
        if (account.password() != null) {
            FieldErrors errors = new FieldErrors();
            User candidate = new User(0, account.username(), account.email(), account.firstName(), account.lastName(),
                    "", account.staff(), true, Instant.now(), null, false);
            PasswordPolicy.problems(account.password(), candidate)
                .forEach((problem) -> errors.add("password", problem));
            errors.throwIfAny();
        }
        String password = (account.password() != null) ? account.password() : UUID.randomUUID() + "-unknown";
        User user;
        try {
            user = this.users.insert(account, this.passwordEncoder.encode(password), Timestamps.now(),
                    UserRepository.Origin.STAFF);
        }
        catch (DuplicateKeyException ex) {
            throw ApiException.invalid("username", "A user with that username already exists.");
        }
        if (account.password() == null
                && this.users.claimResetMail(user.id(), Instant.now(), this.resetMail.resetInterval())) {
            this.mailer.sendWelcome(user, AccountTokens.uid(user), this.tokens.token(user));
        }
        return user;
    }

    /**
     * Self-service sign-up (dj-rest-auth's registration with mandatory verification): an
     * inactive account, and a mail with the key that verifies its address and activates
     * it. An address can sign up once; the owner of an unverified one asks for the mail
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
            errors.add("non_field_errors", "The two password fields didn\u2019t match.");
        }
        errors.throwIfAny();
        User user;
        try {
            user = this.users.insert(account, this.passwordEncoder.encode(registration.password1()), Timestamps.now(),
                    UserRepository.Origin.SIGN_UP);
        }
        catch (DuplicateKeyException ex) {
            throw ApiException.invalid("username", "A user with that username already exists.");
        }
        this.users.claimResetMail(user.id(), Instant.now(), this.resetMail.resetInterval());
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
            .orElseThrow(ApiException::notFound);
        if (!this.users.verify(user.id())) {
            throw ApiException.notFound();
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
            .filter((user) -> this.users.claimResetMail(user.id(), Instant.now(), this.resetMail.resetInterval()))
            .forEach((user) -> this.mailer.sendVerification(user, this.tokens.verificationKey(user)));
    }

    /**
     * Staff's change to an account. Nobody deactivates or un-staffs themselves, so that
     * an installation always keeps a staff member who can act; a deactivated user's
     * tokens stop working at once.
     */
    @Transactional
    User change(User actor, long id, AccountChange change) {
        User user = get(id);
        if (user.id() == actor.id() && Boolean.FALSE.equals(change.active())) {
            throw ApiException.detail(HttpStatus.BAD_REQUEST, "You cannot deactivate your own account.");
        }
        if (user.id() == actor.id() && Boolean.FALSE.equals(change.staff())) {
            throw ApiException.detail(HttpStatus.BAD_REQUEST, "You cannot remove your own staff status.");
        }
        this.users.updateAccount(id, (change.email() != null) ? change.email() : user.email(),
                (change.firstName() != null) ? change.firstName() : user.firstName(),
                (change.lastName() != null) ? change.lastName() : user.lastName(),
                (change.active() != null) ? change.active() : user.active(),
                (change.staff() != null) ? change.staff() : user.staff());
        return get(id);
    }

    /**
     * Deletes an account (never one's own); its movies stay, without a creator, and its
     * tokens stop at once.
     */
    @Transactional
    void delete(User actor, long id) {
        if (id == actor.id()) {
            throw ApiException.detail(HttpStatus.BAD_REQUEST, "You cannot delete your own account.");
        }
        if (!this.users.delete(id)) {
            throw ApiException.notFound();
        }
        this.events.publishEvent(new UserChanged(id));
    }

    /**
     * Staff's "send a reset link": at most one mail per account per reset interval, like
     * the public reset.
     */
    void sendPasswordReset(long id) {
        User user = get(id);
        if (!this.users.claimResetMail(id, Instant.now(), this.resetMail.resetInterval())) {
            throw ApiException.throttled(this.resetMail.resetInterval());
        }
        this.mailer.send(user, AccountTokens.uid(user), this.tokens.token(user));
    }

    @Transactional
    User updateProfile(User user, ProfileChange change) {
        try {
            this.users.updateProfile(user.id(), (change.username() != null) ? change.username() : user.username(),
                    (change.firstName() != null) ? change.firstName() : user.firstName(),
                    (change.lastName() != null) ? change.lastName() : user.lastName());
        }
        catch (DuplicateKeyException ex) {
            throw ApiException.invalid("username", "A user with that username already exists.");
        }
        if (change.username() != null && !change.username().equals(user.username())) {
            this.events.publishEvent(new UserChanged(user.id()));
        }
        return this.users.findById(user.id()).orElseThrow(ApiException::notFound);
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
            .filter((user) -> this.users.claimResetMail(user.id(), Instant.now(), this.resetMail.resetInterval()))
            .forEach((user) -> this.mailer.send(user, AccountTokens.uid(user), this.tokens.token(user)));
    }

    void confirmPasswordReset(PasswordResetConfirmation confirmation) {
        User user = AccountTokens.userId(confirmation.uid())
            .flatMap(this.users::findById)
            .orElseThrow(() -> ApiException.invalid("uid", "Invalid value"));
        if (!this.tokens.isValid(user, confirmation.token())) {
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
