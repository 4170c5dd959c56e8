package com.example.movies.web.error;

import java.io.IOException;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors that happen outside Spring MVC (the servlet container, filters) and
 * {@code sendError}s end here instead of Boot's default error page: same DRF shape as
 * every other error, in JSON whatever the client accepts, with the security headers
 * (Spring Security does not write them on every error dispatch, e.g. Tomcat's own 405 to
 * TRACE).
 */
@RestController
@Hidden
class DrfErrorController implements ErrorController {

    @RequestMapping("/error")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ErrorResponses.write(response, answer(request));
        // Out now: Tomcat may give up on the connection while it drains an unread body
        // (after a 413), and what
        // is still buffered then is lost.
        response.flushBuffer();
    }

    private static ApiException answer(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // Without an error status this is a client asking for /error itself: there is
        // nothing there.
        HttpStatus status = (code instanceof Integer value) ? HttpStatus.resolve(value) : HttpStatus.NOT_FOUND;
        if (status == null) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        if (status == HttpStatus.UNSUPPORTED_MEDIA_TYPE && request.getContentType() != null) {
            // DRF's message, which names the content type (RequestLimits refuses wildcard
            // ones).
            return ApiException.unsupportedMediaType(request.getContentType());
        }
        return ApiException.of(status);
    }

}
