package com.example.movies.user;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import com.example.movies.time.Timestamps;

/**
 * Creates the configured admin on first start, asked to change the configured password at
 * its first sign-in (the UI says so until it is changed); later starts (and other
 * replicas) leave it as it is. Keeps the e2e suite's staff account, where one is
 * configured, as configured.
 */
@Component
@Order(0)
class AdminBootstrap implements ApplicationRunner {

    private static final Log logger = LogFactory.getLog(AdminBootstrap.class);

    private final UserRepository users;

    private final PasswordEncoder passwordEncoder;

    private final AdminProperties admin;

    private final E2eUserProperties e2eUser;

    AdminBootstrap(UserRepository users, PasswordEncoder passwordEncoder, AdminProperties admin,
            E2eUserProperties e2eUser) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.admin = admin;
        this.e2eUser = e2eUser;
    }

    @Override
    public void run(ApplicationArguments args) {
        createAdmin();
        if (this.e2eUser.configured()) {
            keepE2eUser();
        }
    }

    /**
     * The e2e suite's staff account exists, is active and has the configured password (a
     * rotated secret takes effect at the next start).
     */
    private void keepE2eUser() {
        if (this.e2eUser.password() == null || this.e2eUser.password().length() < 16) {
            throw new IllegalStateException("MOVIES_E2E_USER_PASSWORD must be at least 16 characters");
        }
        User user = this.users.findByUsername(this.e2eUser.username()).orElseGet(() -> {
            try {
                return this.users.insert(new NewUser(this.e2eUser.username(), "", "e2e", "suite", true, null),
                        this.passwordEncoder.encode(this.e2eUser.password()), Timestamps.now(),
                        UserRepository.Origin.STAFF);
            }
            catch (DuplicateKeyException ex) {
                // Another replica created it at the same moment.
                return this.users.findByUsername(this.e2eUser.username()).orElseThrow();
            }
        });
        if (!this.passwordEncoder.matches(this.e2eUser.password(), user.password())) {
            this.users.updatePassword(user.id(), this.passwordEncoder.encode(this.e2eUser.password()));
        }
        if (!user.active() || !user.staff()) {
            this.users.updateAccount(user.id(), user.email(), user.firstName(), user.lastName(), true, true);
        }
    }

    private void createAdmin() {
        if (this.users.findByUsername(this.admin.username()).isPresent()) {
            return;
        }
        try {
            this.users.insert(new NewUser(this.admin.username(), this.admin.email(), "", "", true, null),
                    this.passwordEncoder.encode(this.admin.password()), Timestamps.now(),
                    UserRepository.Origin.BOOTSTRAP);
            logger.info("Created admin user '" + this.admin.username() + "'");
        }
        catch (DuplicateKeyException ex) {
            // Another replica created it at the same moment.
        }
    }

}
