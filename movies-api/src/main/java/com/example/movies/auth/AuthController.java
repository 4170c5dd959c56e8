package com.example.movies.auth;

import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.SchemaProperty;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import com.example.movies.system.ApiException;
import com.example.movies.system.Detail;
import com.example.movies.system.FieldErrors;
import com.example.movies.system.OpenApiConfig;
import com.example.movies.system.RequestData;
import com.example.movies.system.RequestData.CharRules;
import com.example.movies.user.User;
import com.example.movies.user.UserDetails;
import com.example.movies.user.UserRepository;
import com.example.movies.user.UserService;

/** Token endpoints of simplejwt ({@code /api/token...}) and dj-rest-auth ({@code /api/v1/users/auth/log...}). */
@RestController
@Tag(name = "auth")
class AuthController {

	private static final CharRules USERNAME = CharRules.required(Integer.MAX_VALUE);

	/** Passwords are taken as typed, surrounding spaces included. */
	private static final CharRules PASSWORD = CharRules.required(Integer.MAX_VALUE).untrimmed();

	private static final CharRules TOKEN = CharRules.required(Integer.MAX_VALUE);

	private final UserService users;

	private final UserRepository userRepository;

	private final TokenService tokens;

	private final RevokedTokenRepository revokedTokens;

	private final LoginThrottle throttle;

	AuthController(UserService users, UserRepository userRepository, TokenService tokens,
			RevokedTokenRepository revokedTokens, LoginThrottle throttle) {
		this.users = users;
		this.userRepository = userRepository;
		this.tokens = tokens;
		this.revokedTokens = revokedTokens;
		this.throttle = throttle;
	}

	@JsonPropertyOrder({ "refresh", "access" })
	record TokenPair(String refresh, String access) {
	}

	record AccessToken(String access) {
	}

	@JsonPropertyOrder({ "access", "refresh", "user" })
	record Login(String access, String refresh, UserDetails user) {
	}

	@PostMapping("/api/token")
	@Operation(summary = "Obtain a refresh and an access token (JSON or form-encoded body)",
			requestBody = @RequestBody(required = true, content = {
					@Content(mediaType = "application/json", schema = @Schema(implementation = Credentials.class)),
					@Content(mediaType = "application/x-www-form-urlencoded",
							schema = @Schema(implementation = Credentials.class)) }))
	TokenPair obtain(RequestData body, HttpServletRequest request) {
		FieldErrors errors = new FieldErrors();
		String username = body.text("username", USERNAME, errors);
		String password = body.text("password", PASSWORD, errors);
		errors.throwIfAny();
		LoginThrottle.Attempt attempt = this.throttle.begin(username, request.getRemoteAddr());
		User user = this.users.authenticate(username, password)
			.orElseThrow(() -> ApiException.detail(HttpStatus.UNAUTHORIZED,
					"No active account found with the given credentials"));
		attempt.succeeded();
		this.users.recordLogin(user);
		return new TokenPair(this.tokens.refreshToken(user), this.tokens.accessToken(user));
	}

	@PostMapping("/api/token/refresh")
	@Operation(summary = "Obtain a new access token for a refresh token",
			requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(type = "object",
					requiredProperties = "refresh"),
					schemaProperties = @SchemaProperty(name = "refresh", schema = @Schema(type = "string")))))
	AccessToken refresh(RequestData body) {
		Jwt refresh = validRefreshToken(body);
		User user = this.userRepository.findById(TokenService.userId(refresh))
			.filter(User::active)
			.orElseThrow(() -> invalidRefreshToken("Token is invalid or expired"));
		return new AccessToken(this.tokens.accessToken(user));
	}

	@PostMapping("/api/v1/users/auth/login")
	@Operation(summary = "Sign in with username (or e-mail) and password",
			requestBody = @RequestBody(required = true,
					content = @Content(schema = @Schema(implementation = LoginCredentials.class))))
	Login login(RequestData body, HttpServletRequest request) {
		FieldErrors errors = new FieldErrors();
		String username = body.text("username", USERNAME.optional().blankAllowed(), errors);
		String email = body.text("email", USERNAME.optional().blankAllowed(), errors);
		String password = body.text("password", PASSWORD, errors);
		errors.throwIfAny();
		User user;
		if (email != null && !email.isEmpty()) {
			LoginThrottle.Attempt attempt = this.throttle.begin(email.toLowerCase(Locale.ROOT), request.getRemoteAddr());
			user = this.users.authenticateByEmail(email, password).orElseThrow(AuthController::loginFailed);
			attempt.succeeded();
		}
		else if (username != null && !username.isEmpty()) {
			LoginThrottle.Attempt attempt = this.throttle.begin(username, request.getRemoteAddr());
			user = this.users.authenticate(username, password).orElseThrow(AuthController::loginFailed);
			attempt.succeeded();
		}
		else {
			throw ApiException.invalid("non_field_errors", "Must include \"username\" and \"password\".");
		}
		this.users.recordLogin(user);
		return new Login(this.tokens.accessToken(user), this.tokens.refreshToken(user), UserDetails.of(user));
	}

	@PostMapping("/api/v1/users/auth/logout")
	@Operation(summary = "Sign out: revokes the refresh token sent in the body",
			security = @SecurityRequirement(name = OpenApiConfig.BEARER),
			requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(type = "object",
					requiredProperties = "refresh"),
					schemaProperties = @SchemaProperty(name = "refresh", schema = @Schema(type = "string")))))
	Detail logout(RequestData body) {
		if (!body.has("refresh")) {
			throw ApiException.detail(HttpStatus.UNAUTHORIZED, "Refresh token was not included in request data.");
		}
		String token = body.text("refresh", TOKEN, new FieldErrors());
		Jwt refresh = ((token != null) ? this.tokens.decodeRefreshToken(token) : Optional.<Jwt>empty())
			.orElseThrow(() -> ApiException.detail(HttpStatus.UNAUTHORIZED, "Token is invalid or expired"));
		if (!this.revokedTokens.revoke(refresh.getId(), refresh.getExpiresAt())) {
			throw ApiException.detail(HttpStatus.UNAUTHORIZED, "Token is blacklisted");
		}
		return new Detail("Successfully logged out.");
	}

	/**
	 * DRF's throttling answer: 429, {@code Retry-After} and when to try again. The client address is the
	 * connection's, or behind the gateway (prod profile) the one it wrote into {@code X-Client-Ip}.
	 */
	@ExceptionHandler
	ResponseEntity<Detail> throttled(LoginThrottle.Throttled ex) {
		long seconds = ex.retryAfterSeconds();
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
			.contentType(MediaType.APPLICATION_JSON)
			.body(new Detail("Request was throttled. Expected available in " + seconds
					+ ((seconds == 1) ? " second." : " seconds.")));
	}

	/** Schema of {@code /api/token}'s body. */
	@Schema(requiredProperties = { "username", "password" })
	record Credentials(String username, @Schema(format = "password") String password) {
	}

	/** Schema of the login's body: username or e-mail, and password. */
	@Schema(requiredProperties = "password")
	record LoginCredentials(String username, @Schema(format = "email") String email,
			@Schema(format = "password") String password) {
	}

	private Jwt validRefreshToken(RequestData body) {
		FieldErrors errors = new FieldErrors();
		String token = body.text("refresh", TOKEN, errors);
		errors.throwIfAny();
		Jwt refresh = this.tokens.decodeRefreshToken(token)
			.orElseThrow(() -> invalidRefreshToken("Token is invalid or expired"));
		if (this.revokedTokens.isRevoked(refresh.getId())) {
			throw invalidRefreshToken("Token is blacklisted");
		}
		return refresh;
	}

	private static ApiException invalidRefreshToken(String detail) {
		return ApiException.detail(HttpStatus.UNAUTHORIZED, detail, "token_not_valid");
	}

	private static ApiException loginFailed() {
		return ApiException.invalid("non_field_errors", "Unable to log in with provided credentials.");
	}

}
