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
 * replicas) leave it as it is.
 */
@Component
@Order(0)
class AdminBootstrap implements ApplicationRunner {

    private static final Log logger = LogFactory.getLog(AdminBootstrap.class);

    private final UserRepository users;

    private final PasswordEncoder passwordEncoder;

    private final AdminProperties admin;

    AdminBootstrap(UserRepository users, PasswordEncoder passwordEncoder, AdminProperties admin) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.admin = admin;
    }

    @Override
    public void run(ApplicationArguments args) {
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
