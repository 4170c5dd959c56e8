package com.example.movies.web.error;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.example.movies.web.SecurityHeaders;

/**
 * The one writer of error answers: status, the error's headers, the security headers and
 * the JSON body of an {@link ApiException}. Spring MVC's handler returns {@link #entity};
 * every path outside it (the error page, Tomcat's valve, the filters, Spring Security's
 * entry point and denied handler) calls {@link #write}.
 */
public final class ErrorResponses {

    /**
     * Error bodies hold strings and lists only: no application settings are needed to
     * write them.
     */
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ErrorResponses() {
    }

    /**
     * The answer of an exception handler: JSON whatever the request's {@code Accept}
     * says.
     */
    static ResponseEntity<Object> entity(ApiException error) {
        return ResponseEntity.status(error.status())
            .headers(error.headers())
            .contentType(MediaType.APPLICATION_JSON)
            .body(error.body());
    }

    /**
     * Writes the error straight to a response that nothing has committed yet, replacing
     * whatever body was buffered. Headers set before (e.g. {@code WWW-Authenticate}) are
     * kept. A 413 closes the connection: the rest of the body is not read, so the client
     * must not send another request on it.
     */
    public static void write(HttpServletResponse response, ApiException error) throws IOException {
        response.resetBuffer();
        response.setStatus(error.status().value());
        error.headers().forEach((name, values) -> values.forEach((value) -> response.addHeader(name, value)));
        SecurityHeaders.write(response);
        if (error.status() == HttpStatus.CONTENT_TOO_LARGE) {
            response.setHeader(HttpHeaders.CONNECTION, "close");
        }
        byte[] body = JSON.writeValueAsBytes(error.body());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

}
