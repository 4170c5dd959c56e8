package com.example.movies.user;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.example.movies.problem.NotFound;
import com.example.movies.time.Timestamps;

/**
 * The accounts and their profiles: lookup, creation, changes, with Django's rules and
 * messages. The other features (staff, signup, password) change accounts through it.
 */
@Service
public class UserService {

    private final UserRepository users;

    private final PasswordEncoder passwordEncoder;

    private final ApplicationEventPublisher events;

    UserService(UserRepository users, PasswordEncoder passwordEncoder, ApplicationEventPublisher events) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
    }

    public Optional<User> findById(long id) {
        return this.users.findById(id);
    }

    /** The account with this id. */
    public User get(long id) {
        return this.users.findById(id).orElseThrow(NotFound::new);
    }

    public Optional<User> findByUsername(String username) {
        return this.users.findByUsername(username);
    }

    public List<User> findByEmail(String email) {
        return this.users.findByEmail(email);
    }

    /** The accounts with this address that have not verified it yet (sign-up). */
    public List<User> findUnverifiedByEmail(String email) {
        return this.users.findUnverifiedByEmail(email);
    }

    /**
     * The one account with this e-mail address; none when no account or several have it.
     */
    public Optional<User> findUniqueByEmail(String email) {
        List<User> candidates = this.users.findByEmail(email);
        return (candidates.size() == 1) ? Optional.of(candidates.get(0)) : Optional.empty();
    }

    /** A page of the accounts, and how many match. */
    public record Page(List<User> users, long total) {
    }

    /** The accounts whose username, e-mail or names contain {@code search}, by id. */
    public Page find(String search, Integer limit, int offset) {
        return new Page(this.users.find(search, limit, offset), this.users.count(search));
    }

    /**
     * An active account made by staff; without a password it gets one nobody knows.
     * @throws UsernameTaken when another account has the username
     */
    public User create(NewUser account) {
        String password = (account.password() != null) ? account.password() : UUID.randomUUID() + "-unknown";
        return insert(account, password, UserRepository.Origin.STAFF);
    }

    /**
     * An inactive account of self-service sign-up, active once its address is verified.
     * @throws UsernameTaken when another account has the username
     */
    public User signUp(NewUser account) {
        return insert(account, account.password(), UserRepository.Origin.SIGN_UP);
    }

    private User insert(NewUser account, String password, UserRepository.Origin origin) {
        try {
            return this.users.insert(account, this.passwordEncoder.encode(password), Timestamps.now(), origin);
        }
        catch (DuplicateKeyException ex) {
            throw new UsernameTaken();
        }
    }

    /** The account's address is verified and the account active; false if it was. */
    public boolean verify(User user) {
        return this.users.verify(user.id());
    }

    /**
     * Claims the account's next account mail: false when one went out within
     * {@code interval}, so that nobody can flood an inbox through us.
     */
    public boolean claimMail(User user, Duration interval) {
        return this.users.claimResetMail(user.id(), Instant.now(), interval);
    }

    /** Staff's change of an account's e-mail, names, active and staff status. */
    public User changeAccount(User user, String email, String firstName, String lastName, boolean active,
            boolean staff) {
        this.users.updateAccount(user.id(), email, firstName, lastName, active, staff);
        return get(user.id());
    }

    /**
     * Deletes an account; its movies stay, without a creator, and its tokens stop at
     * once.
     */
    public void delete(long id) {
        if (!this.users.delete(id)) {
            throw new NotFound();
        }
        this.events.publishEvent(new UserChanged(id));
    }

    /**
     * Stores the user's new password; every token issued before stops working
     * (auth.TokenService binds them to the password).
     */
    public void setPassword(User user, String password) {
        this.users.updatePassword(user.id(), this.passwordEncoder.encode(password));
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

    @Transactional
    User updateProfile(User user, ProfileChange change) {
        try {
            this.users.updateProfile(user.id(), (change.username() != null) ? change.username() : user.username(),
                    (change.firstName() != null) ? change.firstName() : user.firstName(),
                    (change.lastName() != null) ? change.lastName() : user.lastName());
        }
        catch (DuplicateKeyException ex) {
            throw new UsernameTaken();
        }
        if (change.username() != null && !change.username().equals(user.username())) {
            this.events.publishEvent(new UserChanged(user.id()));
        }
        return get(user.id());
    }

}
