package com.example.movies.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import com.example.movies.user.UserService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The decoy hash a sign-in with an unknown username or e-mail is checked against. */
class AuthServiceTest {

    /** A real (fast) BCrypt encoder that records what it is asked. */
    static class RecordingEncoder implements PasswordEncoder {

        final PasswordEncoder bcrypt = new BCryptPasswordEncoder(4);

        final List<String> encoded = new ArrayList<>();

        final List<String> matchedAgainst = new ArrayList<>();

        @Override
        public String encode(CharSequence rawPassword) {
            String hash = this.bcrypt.encode(rawPassword);
            this.encoded.add(hash);
            return hash;
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            this.matchedAgainst.add(encodedPassword);
            return this.bcrypt.matches(rawPassword, encodedPassword);
        }

    }

    final RecordingEncoder encoder = new RecordingEncoder();

    final UserService users = mock(UserService.class);

    final AuthService auth = new AuthService(this.users, null, null, null, mock(LoginThrottle.class), this.encoder);

    @Test
    void startingHashesNothing() {
        assertThat(this.encoder.encoded).isEmpty();
    }

    @Test
    void anUnknownUsernameOrEmailCostsAPasswordCheckAgainstOneDecoyHash() {
        when(this.users.findByUsername("nobody")).thenReturn(Optional.empty());
        when(this.users.findUniqueByEmail("nobody@example.com")).thenReturn(Optional.empty());
        assertThat(this.auth.signIn("nobody", "a password", "127.0.0.1")).isEmpty();
        assertThat(this.auth.signInByEmail("nobody@example.com", "userNotFoundPassword", "127.0.0.1")).isEmpty();
        assertThat(this.auth.signIn("nobody", "userNotFoundPassword", "127.0.0.1")).isEmpty();
        assertThat(this.encoder.encoded).hasSize(1);
        assertThat(this.encoder.matchedAgainst).containsExactly(this.encoder.encoded.get(0),
                this.encoder.encoded.get(0), this.encoder.encoded.get(0));
    }

}
