package com.example.movies.auth;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

import com.example.movies.web.SecurityHeaders;
import com.example.movies.web.error.SecurityErrors;

/**
 * Stateless bearer-token security. Who may call an operation is written beside it, as
 * {@code @PreAuthorize} on the controller method or class: {@code isAuthenticated()} for
 * any signed-in user, {@code hasRole('STAFF')} for staff; an operation without one is
 * public. Method security checks it on the call, and the body reader checks it before it
 * reads the body (as DRF checks permissions before it parses); so the filter chain admits
 * every request, matching no paths, and its handlers answer the refusals (401, 403).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfig {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, AuthService auth) {
        SecurityErrors errors = new SecurityErrors();
        http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
            .oauth2ResourceServer(
                    (resourceServer) -> resourceServer.jwt((jwt) -> jwt.jwtAuthenticationConverter(activeUser(auth)))
                        .authenticationEntryPoint(errors)
                        .accessDeniedHandler(errors))
            .exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(errors).accessDeniedHandler(errors))
            // Spring Security's defaults (nosniff, X-Frame-Options DENY, Cache-Control
            // no-store unless the answer sets
            // its own, HSTS on HTTPS) plus no referrer and no framing; written on every
            // answer, errors included.
            .headers((headers) -> headers
                .referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.get(SecurityHeaders.REFERRER_POLICY)))
                .contentSecurityPolicy((csp) -> csp.policyDirectives(SecurityHeaders.CONTENT_SECURITY_POLICY)))
            .sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .cors(Customizer.withDefaults())
            .csrf((csrf) -> csrf.disable())
            .requestCache((cache) -> cache.disable())
            .logout((logout) -> logout.disable());
        return http.build();
    }

    /**
     * The token's user, who must still exist, be active and have the password the token
     * was issued for: a deactivated or deleted user's token is refused, and so is one
     * issued before a password change.
     */
    private static Converter<Jwt, AbstractAuthenticationToken> activeUser(AuthService auth) {
        return (jwt) -> auth.activeUser(jwt)
            .map(UserAuthentication::new)
            .orElseThrow(() -> new InvalidBearerTokenException("User not found or inactive"));
    }

    /** The resource server's decoder: access tokens only. */
    @Bean
    JwtDecoder jwtDecoder(TokenService tokens) {
        return tokens.accessTokenDecoder();
    }

    /**
     * A request the firewall refuses (e.g. {@code ;} or {@code ..} in the path) gets the
     * security headers too.
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return (request, response, ex) -> {
            SecurityHeaders.write(response);
            response.sendError(HttpStatus.BAD_REQUEST.value());
        };
    }

    /**
     * Delegating encoder: bcrypt now, other algorithms recognisable by their {id} prefix,
     * and a hash without one is Django's, from an imported database.
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        DelegatingPasswordEncoder encoder = (DelegatingPasswordEncoder) PasswordEncoderFactories
            .createDelegatingPasswordEncoder();
        encoder.setDefaultPasswordEncoderForMatches(new DjangoPasswordEncoder());
        return encoder;
    }

}
