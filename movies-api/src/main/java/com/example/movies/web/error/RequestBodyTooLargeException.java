package com.example.movies.web.error;

import java.io.IOException;

/**
 * A request body passed {@code movies.request.max-body-size} while it was read: answered
 * 413.
 */
public final class RequestBodyTooLargeException extends IOException {

    public RequestBodyTooLargeException() {
        super("Request body too large.", null);
    }

    /** Whether {@code failure} or one of its causes is this. */
    public static boolean isCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestBodyTooLargeException) {
                return true;
            }
        }
        return false;
    }

}
