package com.example.movies.web;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The security headers of every answer. Spring Security writes them on everything that
 * passes its filter chain (SecurityConfig); this class writes the same ones on the few
 * answers that never reach it: requests its firewall refuses and requests Tomcat refuses
 * before the application (see {@link JsonErrorReportValve}).
 */
public final class SecurityHeaders {

    public static final String REFERRER_POLICY = "no-referrer";

    public static final String CONTENT_SECURITY_POLICY = "frame-ancestors 'none'";

    private SecurityHeaders() {
    }

    public static void write(HttpServletResponse response) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("Referrer-Policy", REFERRER_POLICY);
        response.setHeader("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
    }

}
