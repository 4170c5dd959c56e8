package com.example.movies.user;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/** The decoy hash a sign-in with an unknown username is checked against. */
class UserServiceTest {

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

	final UserService users = new UserService(mock(UserRepository.class), this.encoder, null, null, null);

	@Test
	void startingHashesNothing() {
		assertThat(this.encoder.encoded).isEmpty();
	}

	@Test
	void anUnknownUsernameCostsAPasswordCheckAgainstOneDecoyHash() {
		assertThat(this.users.authenticate("nobody", "a password")).isEmpty();
		assertThat(this.users.authenticateByEmail("nobody@example.com", "decoy password")).isEmpty();
		assertThat(this.users.authenticate("nobody", "decoy password")).isEmpty();
		assertThat(this.encoder.encoded).hasSize(1);
		assertThat(this.encoder.matchedAgainst).containsExactly(this.encoder.encoded.get(0),
				this.encoder.encoded.get(0), this.encoder.encoded.get(0));
	}

}
