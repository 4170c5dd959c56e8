package com.example.movies.web.error;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's answer to a request it refuses before the application sees it (a malformed
 * request line, header or URL, an unsupported HTTP version): the contract's
 * {@code {"detail": "..."}} with the security headers, instead of Tomcat's HTML error
 * page.
 */
public class JsonErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int code = response.getStatus();
        if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        HttpStatus status = HttpStatus.resolve(code);
        try {
            response.resetBuffer(true);
            // Tomcat drops the connection after a request it could not parse: the client
            // must not reuse it.
            response.setHeader(HttpHeaders.CONNECTION, "close");
            ErrorResponses.write(response,
                    ApiException.of((status != null) ? status : HttpStatus.INTERNAL_SERVER_ERROR));
            response.finishResponse();
        }
        catch (IOException | IllegalStateException ex) {
            // The connection is gone: nobody to answer.
        }
    }

}
