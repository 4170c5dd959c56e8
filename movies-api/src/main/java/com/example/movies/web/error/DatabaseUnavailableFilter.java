package com.example.movies.web.error;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The 503 of {@link DatabaseUnavailable} for an outage met by a filter rather than a
 * controller: the bearer-token check reads the token's user from the database. Without
 * this the servlet container would log a stack trace per request and answer through its
 * error page. Ordered just before Spring Security's filters.
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1)
class DatabaseUnavailableFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        }
        catch (RuntimeException | ServletException ex) {
            if (!DatabaseUnavailable.isCause(ex) || response.isCommitted()) {
                throw ex;
            }
            ErrorResponses.write(response, DatabaseUnavailable.answer(ex));
        }
    }

}
