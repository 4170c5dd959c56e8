package com.example.movies.auth;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import com.example.movies.system.Detail;

/**
 * 401 and 403 in DRF's shapes. A missing token is "credentials not provided"; a bad, expired or wrong-type
 * token is simplejwt's {@code token_not_valid} (on any call, reads included), which the React client
 * answers by refreshing its token. Both carry Spring's {@code WWW-Authenticate: Bearer ...} header.
 */
class SecurityErrors implements AuthenticationEntryPoint, AccessDeniedHandler {

	/** simplejwt's answer to a bad access token. */
	@JsonPropertyOrder({ "detail", "code", "messages" })
	record TokenNotValid(String detail, String code, List<TokenMessage> messages) {
	}

	@JsonPropertyOrder({ "token_class", "token_type", "message" })
	record TokenMessage(@JsonProperty("token_class") String tokenClass, @JsonProperty("token_type") String tokenType,
			String message) {
	}

	static final TokenNotValid TOKEN_NOT_VALID = new TokenNotValid("Given token not valid for any token type",
			"token_not_valid", List.of(new TokenMessage("AccessToken", "access", "Token is invalid or expired")));

	private static final Detail NOT_PROVIDED = new Detail("Authentication credentials were not provided.");

	private static final Detail FORBIDDEN = new Detail("You do not have permission to perform this action.");

	private final BearerTokenAuthenticationEntryPoint bearerChallenge = new BearerTokenAuthenticationEntryPoint();

	private final JsonMapper jsonMapper;

	SecurityErrors(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		this.bearerChallenge.commence(request, response, ex);
		write(response, HttpStatus.UNAUTHORIZED,
				(ex instanceof OAuth2AuthenticationException) ? TOKEN_NOT_VALID : NOT_PROVIDED);
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		write(response, HttpStatus.FORBIDDEN, FORBIDDEN);
	}

	private void write(HttpServletResponse response, HttpStatus status, Object body) throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		this.jsonMapper.writeValue(response.getOutputStream(), body);
	}

}
