package com.example.movies.auth;

import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Decides a request by the {@code @PreAuthorize} of the controller method that will
 * answer it, in the security filter chain: as in DRF, whose permission checks run before
 * the body is parsed, a caller who may not call an operation learns that (401, 403)
 * before anything about their body. A request that no method answers passes, for Spring
 * MVC to answer 404 or 405; so does a method without {@code @PreAuthorize}. Method
 * security ({@code @EnableMethodSecurity}) checks the same annotation again on the call.
 */
final class HandlerMethodAuthorization implements AuthorizationManager<RequestAuthorizationContext> {

    private static final AuthorizationDecision GRANTED = new AuthorizationDecision(true);

    private final RequestMappingHandlerMapping handlers;

    private final PreAuthorizeAuthorizationManager preAuthorize = new PreAuthorizeAuthorizationManager();

    HandlerMethodAuthorization(RequestMappingHandlerMapping handlers) {
        this.handlers = handlers;
    }

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
            RequestAuthorizationContext context) {
        HandlerMethod handler = handler(context.getRequest());
        if (handler == null) {
            return GRANTED;
        }
        AuthorizationResult result = this.preAuthorize.authorize(authentication,
                new SimpleMethodInvocation(handler.getBean(), handler.getMethod()));
        return (result != null) ? result : GRANTED;
    }

    private HandlerMethod handler(HttpServletRequest request) {
        if (!ServletRequestPathUtils.hasParsedRequestPath(request)) {
            ServletRequestPathUtils.parseAndCache(request);
        }
        try {
            HandlerExecutionChain chain = this.handlers.getHandler(request);
            return (chain != null && chain.getHandler() instanceof HandlerMethod method) ? method : null;
        }
        catch (Exception ex) {
            // No method answers this request's method or media types: Spring MVC says so.
            return null;
        }
    }

}
