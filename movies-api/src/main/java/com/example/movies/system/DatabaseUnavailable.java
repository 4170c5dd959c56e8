package com.example.movies.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * The database is down, unreachable or too slow: no connection within the pool's connection timeout (also when a
 * transaction begins), a connection lost mid-statement or at commit, a statement cancelled by
 * {@code statement_timeout}. The client gets DRF's 503
 * ({@code {"detail": "Service temporarily unavailable, try again later."}}) with {@code Retry-After}, never a 500:
 * nothing was wrong with the request, and a retry after the outage can succeed. Answered by
 * {@link ApiExceptionHandler} inside Spring MVC and by {@link DrfErrorController} when a filter (the bearer-token
 * check reads the token's user) met the outage.
 */
final class DatabaseUnavailable {

	static final String DETAIL = "Service temporarily unavailable, try again later.";

	private static final byte[] BODY = ("{\"detail\":\"" + DETAIL + "\"}").getBytes(StandardCharsets.UTF_8);

	/** Seconds a client should wait before retrying: about one pool connection timeout plus a statement timeout. */
	static final String RETRY_AFTER_SECONDS = "5";

	private static final Log logger = LogFactory.getLog(DatabaseUnavailable.class);

	private DatabaseUnavailable() {
	}

	/** Whether {@code failure} or one of its causes says the database is unavailable (not that the request was bad). */
	static boolean isCause(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessException
					|| cause instanceof RecoverableDataAccessException || cause instanceof CannotCreateTransactionException
					|| cause instanceof TransactionSystemException) {
				return true;
			}
		}
		return false;
	}

	static void log(Throwable failure) {
		logger.warn("Database unavailable, answered 503: " + failure);
	}

	/** The 503; logged as one line, since an outage produces one per request and the stack trace says nothing new. */
	static ResponseEntity<Map<String, String>> response(Throwable failure) {
		log(failure);
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
			.body(Map.of("detail", DETAIL));
	}

	/** The same 503 written straight to a response, by a filter that answers before Spring MVC. */
	static void write(HttpServletResponse response) throws IOException {
		response.resetBuffer();
		response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
		response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setContentLength(BODY.length);
		response.getOutputStream().write(BODY);
	}

}
