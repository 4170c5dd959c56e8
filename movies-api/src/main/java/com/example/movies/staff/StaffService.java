package com.example.movies.staff;

import java.time.Instant;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.example.movies.password.PasswordService;
import com.example.movies.problem.FieldErrors;
import com.example.movies.user.NewUser;
import com.example.movies.user.PasswordPolicy;
import com.example.movies.user.User;
import com.example.movies.user.UserService;

/**
 * Staff's management of the accounts, as the Django admin's users page has it. Nobody
 * deactivates, un-staffs or deletes themselves ({@link SelfLockout}).
 */
@Service
class StaffService {

    private final UserService users;

    private final PasswordService passwords;

    StaffService(UserService users, PasswordService passwords) {
        this.users = users;
        this.passwords = passwords;
    }

    UserService.Page find(String search, Integer limit, int offset) {
        return this.users.find(search, limit, offset);
    }

    User get(long id) {
        return this.users.get(id);
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
        User user = this.users.create(account);
        if (account.password() == null) {
            this.passwords.sendWelcome(user);
        }
        return user;
    }

    /** Staff's change to an account; a deactivated user's tokens stop working at once. */
    @Transactional
    User change(User actor, long id, AccountChange change) {
        User user = get(id);
        if (user.id() == actor.id() && Boolean.FALSE.equals(change.active())) {
            throw SelfLockout.deactivate();
        }
        if (user.id() == actor.id() && Boolean.FALSE.equals(change.staff())) {
            throw SelfLockout.removeStaff();
        }
        return this.users.changeAccount(user, (change.email() != null) ? change.email() : user.email(),
                (change.firstName() != null) ? change.firstName() : user.firstName(),
                (change.lastName() != null) ? change.lastName() : user.lastName(),
                (change.active() != null) ? change.active() : user.active(),
                (change.staff() != null) ? change.staff() : user.staff());
    }

    /** Deletes an account (never one's own); its movies stay, without a creator. */
    @Transactional
    void delete(User actor, long id) {
        if (id == actor.id()) {
            throw SelfLockout.delete();
        }
        this.users.delete(id);
    }

    void sendPasswordReset(long id) {
        this.passwords.sendPasswordReset(get(id));
    }

}
