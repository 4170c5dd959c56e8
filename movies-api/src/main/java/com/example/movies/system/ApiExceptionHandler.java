package com.example.movies.system;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.coyote.BadRequestException;
import org.apache.tomcat.util.http.InvalidParameterException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.util.DisconnectedClientHelper;
import org.springframework.http.converter.HttpMessageNotReadableException;

/** Answers every error raised inside Spring MVC in the DRF shapes of the API contract; never a 5xx for input. */
@RestControllerAdvice
class ApiExceptionHandler {

	private static final Log logger = LogFactory.getLog(ApiExceptionHandler.class);

	/** Logs a client's disconnection at DEBUG (one line) and TRACE (the stack trace) under this class's name. */
	private static final DisconnectedClientHelper disconnectedClients = new DisconnectedClientHelper(
			ApiExceptionHandler.class.getName());

	@ExceptionHandler
	ResponseEntity<Map<String, ?>> apiException(ApiException ex) {
		return json(ResponseEntity.status(ex.status()).body(ex.body()));
	}

	/** Errors are JSON whatever the request's {@code Accept} says: negotiating them could only fail (a 500). */
	private static <T> ResponseEntity<T> json(ResponseEntity<T> answer) {
		return ResponseEntity.status(answer.getStatusCode())
			.headers(answer.getHeaders())
			.contentType(MediaType.APPLICATION_JSON)
			.body(answer.getBody());
	}

	@ExceptionHandler({ NoResourceFoundException.class, NoHandlerFoundException.class })
	ResponseEntity<Map<String, ?>> notFound() {
		return apiException(ApiException.notFound());
	}

	/** A path variable that does not parse (e.g. a malformed movie id) names no resource: 404, like Django. */
	@ExceptionHandler
	ResponseEntity<Map<String, ?>> typeMismatch(MethodArgumentTypeMismatchException ex) {
		return apiException(ApiException.notFound());
	}

	@ExceptionHandler
	ResponseEntity<Map<String, ?>> methodNotAllowed(HttpRequestMethodNotSupportedException ex) {
		HttpHeaders headers = new HttpHeaders();
		if (ex.getSupportedHttpMethods() != null) {
			headers.setAllow(ex.getSupportedHttpMethods());
		}
		return json(ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
			.headers(headers)
			.body(Map.of("detail", "Method \"" + ex.getMethod() + "\" not allowed.")));
	}

	@ExceptionHandler
	ResponseEntity<Map<String, ?>> unsupportedMediaType(HttpMediaTypeNotSupportedException ex) {
		String contentType = (ex.getContentType() != null) ? ex.getContentType().toString() : "";
		return apiException(RequestDataResolver.unsupported(contentType));
	}

	/** Answered by the error page, which writes JSON whatever the {@code Accept} header asked for. */
	@ExceptionHandler
	void notAcceptable(HttpMediaTypeNotAcceptableException ex, HttpServletResponse response) throws IOException {
		response.sendError(HttpStatus.NOT_ACCEPTABLE.value());
	}

	/** The parser's own message, without the class names and source excerpts it may carry. */
	@ExceptionHandler
	ResponseEntity<Map<String, ?>> unreadable(HttpMessageNotReadableException ex) {
		return apiException(JsonParseError.of(ex.getMostSpecificCause()));
	}

	/**
	 * A body that passed {@code movies.request.max-body-size} while it was read (see {@link RequestLimits}): the
	 * error page answers it, and sends the answer before Tomcat drops the unread rest.
	 */
	@ExceptionHandler({ RequestLimits.TooLargeException.class, MaxUploadSizeExceededException.class })
	void tooLarge(HttpServletResponse response) throws IOException {
		response.sendError(HttpStatus.CONTENT_TOO_LARGE.value());
	}

	/** Tomcat's own parsing of a form-encoded body failed: too large (413), or malformed (400). */
	@ExceptionHandler
	ResponseEntity<Map<String, ?>> invalidForm(InvalidParameterException ex, HttpServletResponse response)
			throws IOException {
		if (ex.getErrorCode() == HttpStatus.CONTENT_TOO_LARGE.value()) {
			tooLarge(response);
			return null;
		}
		return apiException(ApiException.detail(HttpStatus.BAD_REQUEST, "Form data parse error."));
	}

	/** DRF's answer to a multipart body it cannot parse (bad boundary, too many parts...). */
	@ExceptionHandler
	ResponseEntity<Map<String, ?>> badMultipart(MultipartException ex) {
		return apiException(ApiException.detail(HttpStatus.BAD_REQUEST, "Multipart form parse error."));
	}

	/** Tomcat could not read the body (a malformed chunk, a client that went away). */
	@ExceptionHandler
	ResponseEntity<Map<String, ?>> badBody(BadRequestException ex) {
		return apiException(ApiException.detail(HttpStatus.BAD_REQUEST, "Malformed request body."));
	}

	/** Spring Security's firewall checks form and query parameters when they are read (e.g. a NUL in a name). */
	@ExceptionHandler
	ResponseEntity<Map<String, ?>> rejectedParameter(RequestRejectedException ex) {
		return apiException(ApiException.detail(HttpStatus.BAD_REQUEST, "Bad Request."));
	}

	@ExceptionHandler
	ResponseEntity<Map<String, ?>> missingParameter(MissingServletRequestParameterException ex) {
		return apiException(ApiException.invalid(ex.getParameterName(), "This field is required."));
	}

	@ExceptionHandler({ DataAccessResourceFailureException.class, TransientDataAccessException.class,
			RecoverableDataAccessException.class, CannotCreateTransactionException.class,
			TransactionSystemException.class })
	ResponseEntity<Map<String, String>> databaseUnavailable(RuntimeException ex) {
		return json(DatabaseUnavailable.response(ex));
	}

	/**
	 * A bug: logged with its stack trace, and a DRF 500 without details. A client that hung up while its answer was
	 * being written is none (e.g. a load generator stopping): nothing to answer and nothing to report.
	 */
	@ExceptionHandler
	ResponseEntity<Map<String, ?>> unexpected(Exception ex) {
		if (disconnectedClients.checkAndLogClientDisconnectedException(ex)) {
			return null;
		}
		logger.error("Unexpected error", ex);
		return apiException(ApiException.detail(HttpStatus.INTERNAL_SERVER_ERROR, "A server error occurred."));
	}

}
