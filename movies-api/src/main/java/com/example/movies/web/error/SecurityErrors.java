package com.example.movies.web.error;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Spring Security's 401 and 403 in DRF's shapes. A missing token is "credentials not
 * provided"; a bad, expired or wrong-type token is simplejwt's {@code token_not_valid}
 * (on any call, reads included), which the React client answers by refreshing its token.
 * Both carry Spring's {@code WWW-Authenticate: Bearer ...} header.
 */
public class SecurityErrors implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final BearerTokenAuthenticationEntryPoint bearerChallenge = new BearerTokenAuthenticationEntryPoint();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
            throws IOException {
        this.bearerChallenge.commence(request, response, ex);
        ErrorResponses.write(response, (ex instanceof OAuth2AuthenticationException)
                ? ApiException.accessTokenNotValid() : ApiException.notAuthenticated());
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
            throws IOException {
        ErrorResponses.write(response, ApiException.permissionDenied());
    }

}
