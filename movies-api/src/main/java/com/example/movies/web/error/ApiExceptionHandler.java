package com.example.movies.web.error;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.coyote.BadRequestException;
import org.apache.tomcat.util.http.InvalidParameterException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.util.DisconnectedClientHelper;

import com.example.movies.problem.InvalidFields;
import com.example.movies.problem.InvalidToken;
import com.example.movies.problem.NotFound;
import com.example.movies.problem.PermissionDenied;
import com.example.movies.problem.Refused;
import com.example.movies.problem.Throttled;

/**
 * Answers every error raised inside Spring MVC in the DRF shapes of the API contract;
 * never a 5xx for input. Spring's own exceptions come through
 * {@link ResponseEntityExceptionHandler}, which picks their status; this class only says
 * which DRF answer each one gets.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Log log = LogFactory.getLog(ApiExceptionHandler.class);

    /**
     * Logs a client's disconnection at DEBUG (one line) and TRACE (the stack trace) under
     * this class's name.
     */
    private static final DisconnectedClientHelper disconnectedClients = new DisconnectedClientHelper(
            ApiExceptionHandler.class.getName());

    @ExceptionHandler
    ResponseEntity<Object> apiException(ApiException ex, HttpServletResponse response) throws IOException {
        return answer(ex, response);
    }

    /** The services' refusals, in the domain's words (com.example.movies.problem). */
    @ExceptionHandler
    ResponseEntity<Object> notFound(NotFound ex, HttpServletResponse response) throws IOException {
        return answer(ApiException.notFound(), response);
    }

    @ExceptionHandler
    ResponseEntity<Object> permissionDenied(PermissionDenied ex, HttpServletResponse response) throws IOException {
        return answer(ApiException.permissionDenied(), response);
    }

    @ExceptionHandler
    ResponseEntity<Object> refused(Refused ex, HttpServletResponse response) throws IOException {
        return answer(ApiException.detail(HttpStatus.BAD_REQUEST, ex.getMessage()), response);
    }

    @ExceptionHandler
    ResponseEntity<Object> throttled(Throttled ex, HttpServletResponse response) throws IOException {
        return answer(ApiException.throttled(ex.getWait()), response);
    }

    @ExceptionHandler
    ResponseEntity<Object> invalidFields(InvalidFields ex, HttpServletResponse response) throws IOException {
        return answer(new ApiException(HttpStatus.BAD_REQUEST, ex.getFields()), response);
    }

    @ExceptionHandler
    ResponseEntity<Object> invalidToken(InvalidToken ex, HttpServletResponse response) throws IOException {
        return answer(
                (ex.getCode() != null) ? ApiException.detail(HttpStatus.UNAUTHORIZED, ex.getMessage(), ex.getCode())
                        : ApiException.detail(HttpStatus.UNAUTHORIZED, ex.getMessage()),
                response);
    }

    /**
     * Spring MVC's exceptions, with the status {@link ResponseEntityExceptionHandler}
     * chose for each.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ApiException error = drfAnswer(ex, HttpStatus.valueOf(status.value()));
        if (error.status().is5xxServerError()) {
            log.error("Unexpected error", ex);
        }
        HttpServletResponse response = ((ServletWebRequest) request).getResponse();
        try {
            return answer(error, response);
        }
        catch (IOException failure) {
            return null;
        }
    }

    private static ApiException drfAnswer(Exception ex, HttpStatus status) {
        if (ex instanceof HttpRequestMethodNotSupportedException unsupported) {
            return ApiException.methodNotAllowed(unsupported.getMethod(), unsupported.getSupportedHttpMethods());
        }
        if (ex instanceof HttpMediaTypeNotSupportedException unsupported) {
            return ApiException.unsupportedMediaType(
                    (unsupported.getContentType() != null) ? unsupported.getContentType().toString() : "");
        }
        if (ex instanceof HttpMessageNotReadableException unreadable) {
            // The parser's own message, without the class names and source excerpts it
            // may carry.
            return JsonParseError.of(unreadable.getMostSpecificCause());
        }
        if (ex instanceof MissingServletRequestParameterException missing) {
            return ApiException.invalid(missing.getParameterName(), "This field is required.");
        }
        if (ex instanceof TypeMismatchException) {
            // A path variable that does not parse (e.g. a malformed movie id) names no
            // resource: 404, like Django.
            return ApiException.notFound();
        }
        return ApiException.of(status);
    }

    /** A body that passed {@code movies.request.max-body-size} while it was read. */
    @ExceptionHandler
    ResponseEntity<Object> tooLarge(RequestBodyTooLargeException ex, HttpServletResponse response) throws IOException {
        return answer(ApiException.of(HttpStatus.CONTENT_TOO_LARGE), response);
    }

    /**
     * Tomcat's own parsing of a form-encoded body failed: too large (413), or malformed
     * (400).
     */
    @ExceptionHandler
    ResponseEntity<Object> invalidForm(InvalidParameterException ex, HttpServletResponse response) throws IOException {
        return answer((ex.getErrorCode() == HttpStatus.CONTENT_TOO_LARGE.value())
                ? ApiException.of(HttpStatus.CONTENT_TOO_LARGE)
                : ApiException.detail(HttpStatus.BAD_REQUEST, "Form data parse error."), response);
    }

    /**
     * DRF's answer to a multipart body it cannot parse (bad boundary, too many parts...).
     */
    @ExceptionHandler
    ResponseEntity<Object> badMultipart(MultipartException ex) {
        return ErrorResponses.entity(ApiException.detail(HttpStatus.BAD_REQUEST, "Multipart form parse error."));
    }

    /** Tomcat could not read the body (a malformed chunk, a client that went away). */
    @ExceptionHandler
    ResponseEntity<Object> badBody(BadRequestException ex) {
        return ErrorResponses.entity(ApiException.detail(HttpStatus.BAD_REQUEST, "Malformed request body."));
    }

    /**
     * Spring Security's firewall checks form and query parameters when they are read
     * (e.g. a NUL in a name).
     */
    @ExceptionHandler
    ResponseEntity<Object> rejectedParameter(RequestRejectedException ex) {
        return ErrorResponses.entity(ApiException.detail(HttpStatus.BAD_REQUEST, "Bad Request."));
    }

    @ExceptionHandler({ DataAccessResourceFailureException.class, TransientDataAccessException.class,
            RecoverableDataAccessException.class, CannotCreateTransactionException.class,
            TransactionSystemException.class })
    ResponseEntity<Object> databaseUnavailable(RuntimeException ex) {
        return ErrorResponses.entity(DatabaseUnavailable.answer(ex));
    }

    /**
     * Method security's refusals go on to Spring Security's filters, which answer them as
     * every other 401 and 403 ({@link SecurityErrors}).
     */
    @ExceptionHandler({ AccessDeniedException.class, AuthenticationException.class })
    void refused(RuntimeException ex) {
        throw ex;
    }

    /**
     * A bug: logged with its stack trace, and a DRF 500 without details. A client that
     * hung up while its answer was being written is none (e.g. a load generator
     * stopping): nothing to answer and nothing to report.
     */
    @ExceptionHandler
    ResponseEntity<Object> unexpected(Exception ex) {
        if (disconnectedClients.checkAndLogClientDisconnectedException(ex)) {
            return null;
        }
        log.error("Unexpected error", ex);
        return ErrorResponses.entity(ApiException.of(HttpStatus.INTERNAL_SERVER_ERROR));
    }

    /**
     * Through Spring MVC, or for a 413 straight out and flushed: the rest of the body is
     * not read, and Tomcat may give up on the connection while it drains it, losing what
     * is still buffered.
     */
    private static ResponseEntity<Object> answer(ApiException error, HttpServletResponse response) throws IOException {
        if (error.status() != HttpStatus.CONTENT_TOO_LARGE) {
            return ErrorResponses.entity(error);
        }
        if (!response.isCommitted()) {
            ErrorResponses.write(response, error);
            response.flushBuffer();
        }
        return null;
    }

}
