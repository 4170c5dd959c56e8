package com.example.movies.system;

import java.io.IOException;
import java.util.Map;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors that happen outside Spring MVC (the servlet container, filters) and {@code sendError}s end here
 * instead of Boot's default error page: same DRF shape as every other error, in JSON whatever the client
 * accepts, with the security headers.
 */
@RestController
@Hidden
class DrfErrorController implements ErrorController {

	private final JsonMapper jsonMapper;

	DrfErrorController(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	@RequestMapping("/error")
	void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
		ResponseEntity<Map<String, String>> answer = answer(request);
		response.setStatus(answer.getStatusCode().value());
		answer.getHeaders().forEach((name, values) -> values.forEach((value) -> response.addHeader(name, value)));
		// Spring Security does not write them on every error dispatch (e.g. Tomcat's own 405 to TRACE).
		SecurityHeaders.write(response);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		this.jsonMapper.writeValue(response.getOutputStream(), answer.getBody());
		if (answer.getStatusCode() == HttpStatus.CONTENT_TOO_LARGE) {
			// The rest of the body is not read: the client must not send another request on this connection.
			response.setHeader(HttpHeaders.CONNECTION, "close");
		}
		// Out now: Tomcat may give up on the connection while it drains an unread body (after a 413), and what
		// is still buffered then is lost.
		response.flushBuffer();
	}

	private static ResponseEntity<Map<String, String>> answer(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		// Without an error status this is a client asking for /error itself: there is nothing there.
		HttpStatus status = (code instanceof Integer value) ? HttpStatus.resolve(value) : HttpStatus.NOT_FOUND;
		if (status == null) {
			status = HttpStatus.INTERNAL_SERVER_ERROR;
		}
		if (status == HttpStatus.UNSUPPORTED_MEDIA_TYPE && request.getContentType() != null) {
			// DRF's message, which names the content type (RequestLimits refuses wildcard ones).
			return ResponseEntity.status(status)
				.body(Map.of("detail",
						(String) RequestDataResolver.unsupported(request.getContentType()).body().get("detail")));
		}
		return ResponseEntity.status(status).body(Map.of("detail", detail(status)));
	}

	/** The detail of an error answered without a more specific message. */
	static String detail(HttpStatus status) {
		return switch (status) {
			case NOT_FOUND -> "Not found.";
			case INTERNAL_SERVER_ERROR -> "A server error occurred.";
			case CONTENT_TOO_LARGE -> RequestLimits.DETAIL;
			case NOT_ACCEPTABLE -> "Could not satisfy the request Accept header.";
			default -> status.getReasonPhrase() + ".";
		};
	}

}
