package com.example.movies.system;

import java.util.Map;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors that happen outside Spring MVC (the servlet container, filters) end here instead of Boot's
 * default error page: same DRF shape as every other error.
 */
@RestController
@Hidden
class DrfErrorController implements ErrorController {

	@RequestMapping(path = "/error", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, String>> error(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		// Without an error status this is a client asking for /error itself: there is nothing there.
		HttpStatus status = (code instanceof Integer value) ? HttpStatus.resolve(value) : HttpStatus.NOT_FOUND;
		if (status == null) {
			status = HttpStatus.INTERNAL_SERVER_ERROR;
		}
		String detail = switch (status) {
			case NOT_FOUND -> "Not found.";
			case INTERNAL_SERVER_ERROR -> "A server error occurred.";
			default -> status.getReasonPhrase() + ".";
		};
		return ResponseEntity.status(status).body(Map.of("detail", detail));
	}

}
