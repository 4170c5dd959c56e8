package com.example.movies.system;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * DRF negotiates the answer's content type before the view runs: an API call whose {@code Accept} excludes
 * JSON is a 406 that changed nothing. Spring MVC would negotiate only when writing the answer, after a write
 * was done (a PATCH applied, then answered 406).
 */
class AcceptJsonInterceptor implements HandlerInterceptor {

	/** The API's paths: every one answers JSON (the documents, UI, health and root are not among them). */
	static final List<String> PATHS = List.of("/api/token", "/api/token/**", "/api/v1/movie", "/api/v1/movie/**",
			"/api/v1/users", "/api/v1/users/**");

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws HttpMediaTypeNotAcceptableException {
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		if (accept == null || accept.isBlank() || acceptsJson(accept)) {
			return true;
		}
		throw new HttpMediaTypeNotAcceptableException(List.of(MediaType.APPLICATION_JSON));
	}

	private static boolean acceptsJson(String accept) {
		try {
			return MediaType.parseMediaTypes(accept)
				.stream()
				.anyMatch((type) -> type.getQualityValue() > 0 && type.isCompatibleWith(MediaType.APPLICATION_JSON));
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

}
