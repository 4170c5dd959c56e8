package com.example.movies.auth;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.example.movies.docs.OpenApiConfig;
import com.example.movies.password.PasswordChange;
import com.example.movies.user.User;
import com.example.movies.user.UserDetails;
import com.example.movies.web.Detail;
import com.example.movies.web.error.ApiException;
import com.example.movies.web.request.DrfBody;

/**
 * Token endpoints of simplejwt ({@code /api/token...}) and dj-rest-auth
 * ({@code /api/v1/users/auth/log...}). The client address the sign-in throttle counts is
 * the connection's, or behind the gateway (prod profile) the one the gateway wrote into
 * {@code X-Client-Ip}.
 */
@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "auth")
class AuthController {

    private final AuthService auth;

    AuthController(AuthService auth) {
        this.auth = auth;
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
    @Operation(summary = "Obtain a refresh and an access token (JSON or form-encoded body)")
    TokenPair obtain(@DrfBody Credentials credentials, HttpServletRequest request) {
        AuthService.Tokens tokens = this.auth
            .signIn(credentials.username(), credentials.password(), request.getRemoteAddr())
            .orElseThrow(() -> ApiException.detail(HttpStatus.UNAUTHORIZED,
                    "No active account found with the given credentials"));
        return new TokenPair(tokens.refresh(), tokens.access());
    }

    @PostMapping("/api/token/refresh")
    @Operation(summary = "Obtain a new access token for a refresh token")
    AccessToken refresh(@DrfBody RefreshToken body) {
        return new AccessToken(this.auth.refresh(body.refresh()));
    }

    @PostMapping("/api/v1/users/auth/login")
    @Operation(summary = "Sign in with username (or e-mail) and password")
    Login login(@DrfBody LoginCredentials credentials, HttpServletRequest request) {
        String address = request.getRemoteAddr();
        AuthService.Tokens tokens = (credentials.byEmail()
                ? this.auth.signInByEmail(credentials.email(), credentials.password(), address)
                : this.auth.signIn(credentials.username(), credentials.password(), address))
            .orElseThrow(() -> ApiException.invalid("non_field_errors", "Unable to log in with provided credentials."));
        return new Login(tokens.access(), tokens.refresh(), UserDetails.of(tokens.user()));
    }

    @JsonPropertyOrder({ "detail", "sessions", "access", "refresh" })
    record PasswordChanged(String detail, String sessions, String access, String refresh) {
    }

    @PreAuthorize("isAuthenticated()")
    @PostMapping("/api/v1/users/auth/password/change")
    @Operation(summary = "Change the signed-in user's password: every other session ends; this one goes on with "
            + "the new tokens of the answer", security = @SecurityRequirement(name = OpenApiConfig.BEARER))
    PasswordChanged changePassword(@AuthenticationPrincipal User user, @DrfBody PasswordChange change) {
        AuthService.Tokens tokens = this.auth.changePassword(user, change);
        return new PasswordChanged("New password has been saved.",
                "Your other sessions have been signed out; this one goes on with the tokens of this answer.",
                tokens.access(), tokens.refresh());
    }

    @PreAuthorize("isAuthenticated()")
    @PostMapping("/api/v1/users/auth/logout")
    @Operation(summary = "Sign out: revokes the refresh token sent in the body",
            security = @SecurityRequirement(name = OpenApiConfig.BEARER))
    Detail logout(@DrfBody Logout body) {
        this.auth.logout(body.token());
        return new Detail("Successfully logged out.");
    }

}
