package com.example.movies.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import com.example.movies.web.error.RequestBodyTooLargeException;

/**
 * Refuses requests over the server's limits before anything reads them, in the contract's
 * shape (through the error page). Bodies over {@code movies.request.max-body-size} are a
 * 413 before they are read whole: a larger {@code Content-Length} is refused unread; a
 * body without one (chunked) is counted as it is read and refused as soon as it passes
 * the limit. Runs before every other filter that reads bodies (Spring's
 * {@code FormContentFilter} reads form-encoded PUT/PATCH bodies). Form-encoded POST and
 * multipart bodies are parsed by Tomcat itself, which applies the same limit
 * ({@code server.tomcat.max-http-form-post-size}, {@code spring.servlet.multipart.*}, set
 * from this property in application.yaml). A wildcard {@code Content-Type}
 * ({@code *}{@code /*}, {@code text/*}) is a 415: Spring's CORS filter fails on it with a
 * 500. A NUL character in the query string is a 400 (in bodies, {@link RequestData}
 * refuses it field by field).
 */
class RequestLimits extends OncePerRequestFilter {

    private final long maxBytes;

    RequestLimits(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String query = request.getQueryString();
        if (query != null && query.contains("%00")) {
            // A NUL in a query parameter: PostgreSQL takes no NUL in text (the movie
            // search would be a 500).
            response.sendError(HttpStatus.BAD_REQUEST.value());
            return;
        }
        if (isWildcard(request.getContentType())) {
            response.sendError(HttpStatus.UNSUPPORTED_MEDIA_TYPE.value());
            return;
        }
        long length = request.getContentLengthLong();
        if (length > this.maxBytes) {
            // The error page (DrfErrorController, behind the security headers) writes the
            // contract's shape.
            response.sendError(HttpStatus.CONTENT_TOO_LARGE.value());
            return;
        }
        if (length >= 0) {
            // Tomcat never hands out more than the declared length.
            chain.doFilter(request, response);
            return;
        }
        try {
            chain.doFilter(new LimitedRequest(request, this.maxBytes), response);
        }
        catch (IOException | ServletException | RuntimeException ex) {
            if (!RequestBodyTooLargeException.isCause(ex) || response.isCommitted()) {
                throw ex;
            }
            response.sendError(HttpStatus.CONTENT_TOO_LARGE.value());
        }
    }

    private static boolean isWildcard(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.isWildcardType() || type.isWildcardSubtype();
        }
        catch (InvalidMediaTypeException ex) {
            // Answered by the body's reader (415).
            return false;
        }
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long maxBytes;

        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (this.stream == null) {
                this.stream = new LimitedStream(super.getInputStream(), this.maxBytes);
            }
            return this.stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = (encoding != null) ? Charset.forName(encoding) : StandardCharsets.ISO_8859_1;
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }

    }

    private static final class LimitedStream extends ServletInputStream {

        private final ServletInputStream body;

        private final long maxBytes;

        private long read;

        LimitedStream(ServletInputStream body, long maxBytes) {
            this.body = body;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = this.body.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = this.body.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws RequestBodyTooLargeException {
            this.read += n;
            if (this.read > this.maxBytes) {
                throw new RequestBodyTooLargeException();
            }
        }

        @Override
        public boolean isFinished() {
            return this.body.isFinished();
        }

        @Override
        public boolean isReady() {
            return this.body.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            this.body.setReadListener(listener);
        }

    }

}
