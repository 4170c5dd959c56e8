package com.example.movies.user;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.util.function.SingletonSupplier;

import com.example.movies.system.ApiException;
import com.example.movies.system.FieldErrors;
import com.example.movies.system.RequestData;
import com.example.movies.system.RequestData.CharRules;
import com.example.movies.system.Timestamps;

/** Accounts: credentials, profile, password change and reset, with Django's rules and messages. */
@Service
public class UserService {

	private static final CharRules USERNAME = CharRules.required(150);

	private static final CharRules NAME = CharRules.required(150).optional().blankAllowed();

	private static final CharRules NEW_PASSWORD = CharRules.required(128);

	private static final CharRules EMAIL = CharRules.required(254);

	/** Django's UnicodeUsernameValidator. */
	private static final Pattern VALID_USERNAME = Pattern.compile("[\\w.@+-]+", Pattern.UNICODE_CHARACTER_CLASS);

	/** Django's EmailValidator, simplified: a local part, an @, and a dotted domain (or localhost). */
	private static final Pattern VALID_EMAIL = Pattern.compile("[^@\\s]+@([^@\\s.]+\\.)+[^@\\s.]+|[^@\\s]+@localhost");

	private final UserRepository users;

	private final PasswordEncoder passwordEncoder;

	private final PasswordResetTokens resetTokens;

	private final PasswordResetMailer resetMailer;

	private final ResetMailProperties resetMail;

	/**
	 * Compared against when the user does not exist, so that a wrong username costs as long as a wrong password.
	 * Hashed at its first use, not at start-up (0.1 to 0.2 s of the main thread's CPU there: bench/FINDINGS.md).
	 */
	private final SingletonSupplier<String> decoyHash;

	UserService(UserRepository users, PasswordEncoder passwordEncoder, PasswordResetTokens resetTokens,
			PasswordResetMailer resetMailer, ResetMailProperties resetMail) {
		this.users = users;
		this.passwordEncoder = passwordEncoder;
		this.resetTokens = resetTokens;
		this.resetMailer = resetMailer;
		this.resetMail = resetMail;
		this.decoyHash = SingletonSupplier.of(() -> passwordEncoder.encode("decoy password"));
	}

	/** The active user with these credentials, if any. */
	public Optional<User> authenticate(String username, String password) {
		return check(this.users.findByUsername(username), password);
	}

	/** The active user with this e-mail address and password, if any. */
	public Optional<User> authenticateByEmail(String email, String password) {
		List<User> candidates = this.users.findByEmail(email);
		return check((candidates.size() == 1) ? Optional.of(candidates.get(0)) : Optional.empty(), password);
	}

	private Optional<User> check(Optional<User> user, String password) {
		boolean matches = this.passwordEncoder.matches(password, user.map(User::password).orElseGet(this.decoyHash));
		return user.filter((candidate) -> matches && candidate.active());
	}

	/** Django's "update last login" on every token issue. */
	public void recordLogin(User user) {
		this.users.updateLastLogin(user.id(), Timestamps.now());
	}

	List<User> all() {
		return this.users.findAll();
	}

	User updateProfile(User user, RequestData data, boolean partial) {
		FieldErrors errors = new FieldErrors();
		String username = data.text("username", partial ? USERNAME.optional() : USERNAME, errors);
		if (username != null && !VALID_USERNAME.matcher(username).matches()) {
			errors.add("username", "Enter a valid username. This value may contain only letters, numbers, "
					+ "and @/./+/-/_ characters.");
		}
		String firstName = data.text("first_name", NAME, errors);
		String lastName = data.text("last_name", NAME, errors);
		errors.throwIfAny();
		String newUsername = (username != null) ? username : user.username();
		try {
			this.users.updateProfile(user.id(), newUsername, (firstName != null) ? firstName : user.firstName(),
					(lastName != null) ? lastName : user.lastName());
		}
		catch (DuplicateKeyException ex) {
			throw ApiException.invalid("username", "A user with that username already exists.");
		}
		return this.users.findById(user.id()).orElseThrow(ApiException::notFound);
	}

	void changePassword(User user, RequestData data) {
		FieldErrors errors = new FieldErrors();
		String password1 = data.text("new_password1", NEW_PASSWORD, errors);
		String password2 = data.text("new_password2", NEW_PASSWORD, errors);
		errors.throwIfAny();
		setPassword(user, password1, password2);
	}

	/**
	 * Mails a reset link to each active account with the address, at most one per account per reset interval (so
	 * that nobody can flood an inbox through us); the answer never reveals whether an account exists.
	 */
	void requestPasswordReset(RequestData data) {
		FieldErrors errors = new FieldErrors();
		String email = data.text("email", EMAIL, errors);
		if (email != null && !VALID_EMAIL.matcher(email).matches()) {
			errors.add("email", "Enter a valid email address.");
		}
		errors.throwIfAny();
		this.users.findByEmail(email)
			.stream()
			.filter(User::active)
			.filter((user) -> this.users.claimResetMail(user.id(), Instant.now(), this.resetMail.resetInterval()))
			.forEach((user) -> this.resetMailer.send(user, PasswordResetTokens.uid(user), this.resetTokens.token(user)));
	}

	void confirmPasswordReset(RequestData data) {
		FieldErrors errors = new FieldErrors();
		String password1 = data.text("new_password1", NEW_PASSWORD, errors);
		String password2 = data.text("new_password2", NEW_PASSWORD, errors);
		String uid = data.text("uid", CharRules.required(Integer.MAX_VALUE), errors);
		String token = data.text("token", CharRules.required(Integer.MAX_VALUE), errors);
		errors.throwIfAny();
		User user = PasswordResetTokens.userId(uid)
			.flatMap(this.users::findById)
			.orElseThrow(() -> ApiException.invalid("uid", "Invalid value"));
		if (!this.resetTokens.isValid(user, token)) {
			throw ApiException.invalid("token", "Invalid value");
		}
		setPassword(user, password1, password2);
	}

	/** Django's SetPasswordForm: the two fields equal, then the password validators on the second. */
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
