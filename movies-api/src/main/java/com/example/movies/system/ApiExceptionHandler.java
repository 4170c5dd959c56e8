package com.example.movies.system;

import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.http.converter.HttpMessageNotReadableException;

/** Answers every error raised inside Spring MVC in the DRF shapes of the API contract; never a 5xx for input. */
@RestControllerAdvice
class ApiExceptionHandler {

	private static final Log logger = LogFactory.getLog(ApiExceptionHandler.class);

	@ExceptionHandler
	ResponseEntity<Map<String, ?>> apiException(ApiException ex) {
		return ResponseEntity.status(ex.status()).body(ex.body());
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
		return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
			.headers(headers)
			.body(Map.of("detail", "Method \"" + ex.getMethod() + "\" not allowed."));
	}

	@ExceptionHandler
	ResponseEntity<Map<String, ?>> unsupportedMediaType(HttpMediaTypeNotSupportedException ex) {
		String contentType = (ex.getContentType() != null) ? ex.getContentType().toString() : "";
		return apiException(RequestDataResolver.unsupported(contentType));
	}

	@ExceptionHandler
	ResponseEntity<Map<String, ?>> notAcceptable(HttpMediaTypeNotAcceptableException ex) {
		return apiException(
				ApiException.detail(HttpStatus.NOT_ACCEPTABLE, "Could not satisfy the request Accept header."));
	}

	@ExceptionHandler
	ResponseEntity<Map<String, ?>> unreadable(HttpMessageNotReadableException ex) {
		return apiException(ApiException.detail(HttpStatus.BAD_REQUEST, "JSON parse error - " + ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<Map<String, ?>> missingParameter(MissingServletRequestParameterException ex) {
		return apiException(ApiException.invalid(ex.getParameterName(), "This field is required."));
	}

	@ExceptionHandler({ DataAccessResourceFailureException.class, TransientDataAccessException.class,
			RecoverableDataAccessException.class, CannotCreateTransactionException.class,
			TransactionSystemException.class })
	ResponseEntity<Map<String, String>> databaseUnavailable(RuntimeException ex) {
		return DatabaseUnavailable.response(ex);
	}

	@ExceptionHandler
	ResponseEntity<Map<String, ?>> unexpected(Exception ex) {
		logger.error("Unexpected error", ex);
		return apiException(ApiException.detail(HttpStatus.INTERNAL_SERVER_ERROR, "A server error occurred."));
	}

}
