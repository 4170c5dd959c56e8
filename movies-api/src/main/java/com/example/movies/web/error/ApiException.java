package com.example.movies.web.error;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/**
 * An error answered to the client in the DRF shape of the API contract: a status, a JSON
 * body such as {@code {"detail": "..."}} or {@code {"field": ["message"]}}, and the
 * headers that go with it ({@code Allow}, {@code Retry-After}). Every error body of the
 * API is made by one of these factories and written by {@link ErrorResponses}.
 */
public class ApiException extends RuntimeException {

    static final String SERVICE_UNAVAILABLE = "Service temporarily unavailable, try again later.";

    /**
     * Seconds a client should wait before retrying: about one pool connection timeout
     * plus a statement timeout.
     */
    static final String RETRY_AFTER_SECONDS = "5";

    private final HttpStatus status;

    private final Object body;

    private final HttpHeaders headers;

    public ApiException(HttpStatus status, Map<String, ?> body) {
        this(status, (Object) body, HttpHeaders.EMPTY);
    }

    private ApiException(HttpStatus status, Object body, HttpHeaders headers) {
        super(status + " " + body, null, false, false);
        this.status = status;
        this.body = body;
        this.headers = headers;
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

    /**
     * The answer to an error status that has no more specific message (the error page,
     * Tomcat's refusals).
     */
    public static ApiException of(HttpStatus status) {
        return detail(status, switch (status) {
            case NOT_FOUND -> "Not found.";
            case INTERNAL_SERVER_ERROR -> "A server error occurred.";
            case CONTENT_TOO_LARGE -> "Request body too large.";
            case NOT_ACCEPTABLE -> "Could not satisfy the request Accept header.";
            default -> status.getReasonPhrase() + ".";
        });
    }

    public static ApiException notFound() {
        return of(HttpStatus.NOT_FOUND);
    }

    /**
     * A 400 with one message on one field, e.g. {@code {"non_field_errors": ["..."]}}.
     */
    public static ApiException invalid(String field, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, Map.of(field, List.of(message)));
    }

    public static ApiException unsupportedMediaType(String contentType) {
        return detail(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type \"" + contentType + "\" in request.");
    }

    public static ApiException methodNotAllowed(String method, Collection<HttpMethod> allowed) {
        HttpHeaders headers = new HttpHeaders();
        if (allowed != null) {
            headers.setAllow(Set.copyOf(allowed));
        }
        return new ApiException(HttpStatus.METHOD_NOT_ALLOWED,
                Map.of("detail", "Method \"" + method + "\" not allowed."), headers);
    }

    /**
     * DRF's 503 with {@code Retry-After}: the database is unavailable or every turn is
     * taken. Nothing was wrong with the request, and a retry can succeed.
     */
    public static ApiException serviceUnavailable() {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, Map.of("detail", SERVICE_UNAVAILABLE),
                retryAfter(RETRY_AFTER_SECONDS));
    }

    /**
     * DRF's throttling answer: 429, {@code Retry-After} and when to try again, in whole
     * seconds (at least one).
     */
    public static ApiException throttled(Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return new ApiException(HttpStatus.TOO_MANY_REQUESTS,
                Map.of("detail", "Request was throttled. Expected available in " + seconds
                        + ((seconds == 1) ? " second." : " seconds.")),
                retryAfter(Long.toString(seconds)));
    }

    /** No token: DRF's 401. */
    public static ApiException notAuthenticated() {
        return detail(HttpStatus.UNAUTHORIZED, "Authentication credentials were not provided.");
    }

    /** A bad, expired or wrong-type access token: simplejwt's {@code token_not_valid}. */
    public static ApiException accessTokenNotValid() {
        return new ApiException(HttpStatus.UNAUTHORIZED, TOKEN_NOT_VALID, HttpHeaders.EMPTY);
    }

    public static ApiException permissionDenied() {
        return detail(HttpStatus.FORBIDDEN, "You do not have permission to perform this action.");
    }

    private static HttpHeaders retryAfter(String seconds) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, seconds);
        return headers;
    }

    public HttpStatus status() {
        return this.status;
    }

    public Object body() {
        return this.body;
    }

    public HttpHeaders headers() {
        return this.headers;
    }

    /** simplejwt's answer to a bad access token. */
    @JsonPropertyOrder({ "detail", "code", "messages" })
    record TokenNotValid(String detail, String code, List<TokenMessage> messages) {
    }

    @JsonPropertyOrder({ "token_class", "token_type", "message" })
    record TokenMessage(@JsonProperty("token_class") String tokenClass, @JsonProperty("token_type") String tokenType,
            String message) {
    }

    static final TokenNotValid TOKEN_NOT_VALID = new TokenNotValid("Given token not valid for any token type",
            "token_not_valid", List.of(new TokenMessage("AccessToken", "access", "Token is invalid or expired")));

}
