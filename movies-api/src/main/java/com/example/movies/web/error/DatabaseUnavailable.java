package com.example.movies.web.error;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * The database is down, unreachable or too slow: no connection within the pool's
 * connection timeout (also when a transaction begins), a connection lost mid-statement or
 * at commit, a statement cancelled by {@code statement_timeout}. The client gets
 * {@link ApiException#serviceUnavailable()}, never a 500: nothing was wrong with the
 * request, and a retry after the outage can succeed. Answered by
 * {@link ApiExceptionHandler} inside Spring MVC and by {@link DatabaseUnavailableFilter}
 * when a filter (the bearer-token check reads the token's user) met the outage.
 */
public final class DatabaseUnavailable {

    private static final Log logger = LogFactory.getLog(DatabaseUnavailable.class);

    private DatabaseUnavailable() {
    }

    /**
     * Whether {@code failure} or one of its causes says the database is unavailable (not
     * that the request was bad).
     */
    public static boolean isCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessException
                    || cause instanceof RecoverableDataAccessException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof TransactionSystemException) {
                return true;
            }
        }
        return false;
    }

    /**
     * The 503; logged as one line, since an outage produces one per request and the stack
     * trace says nothing new.
     */
    public static ApiException answer(Throwable failure) {
        logger.warn("Database unavailable, answered 503: " + failure);
        return ApiException.serviceUnavailable();
    }

}
