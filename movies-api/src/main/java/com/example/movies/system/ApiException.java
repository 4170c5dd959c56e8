package com.example.movies.system;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * An error answered to the client in the DRF shape of the API contract: a status and a JSON body
 * such as {@code {"detail": "..."}} or {@code {"field": ["message"]}}.
 */
public class ApiException extends RuntimeException {

	private final HttpStatus status;

	private final Map<String, ?> body;

	public ApiException(HttpStatus status, Map<String, ?> body) {
		super(status + " " + body, null, false, false);
		this.status = status;
		this.body = body;
	}

	public static ApiException detail(HttpStatus status, String detail) {
		return new ApiException(status, Map.of("detail", detail));
	}

	/** simplejwt's {@code {"detail": "...", "code": "..."}}. */
	public static ApiException detail(HttpStatus status, String detail, String code) {
		Map<String, String> body = new LinkedHashMap<>();
		body.put("detail", detail);
		body.put("code", code);
		return new ApiException(status, body);
	}

	public static ApiException notFound() {
		return detail(HttpStatus.NOT_FOUND, "Not found.");
	}

	/** A 400 with one message on one field, e.g. {@code {"non_field_errors": ["..."]}}. */
	public static ApiException invalid(String field, String message) {
		return new ApiException(HttpStatus.BAD_REQUEST, Map.of(field, List.of(message)));
	}

	public HttpStatus status() {
		return this.status;
	}

	public Map<String, ?> body() {
		return this.body;
	}

}
