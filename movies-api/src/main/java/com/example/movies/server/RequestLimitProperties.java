package com.example.movies.server;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Bounds of the requests the app takes on: the largest body
 * ({@code MOVIES_MAX_BODY_SIZE}, e.g. {@code 64KB}; larger is a 413), how many requests
 * run at once ({@code MOVIES_MAX_ACTIVE_REQUESTS}; 0 means two per processor) and how
 * long a request waits for its turn ({@code MOVIES_MAX_REQUEST_WAIT}; longer is a 503).
 * See {@link RequestAdmission}.
 */
@ConfigurationProperties("movies.request")
@Validated
public record RequestLimitProperties(@NotNull(message = "must be set: MOVIES_MAX_BODY_SIZE") DataSize maxBodySize,
        @PositiveOrZero(message = "must be 0 (two per processor) or more") int maxActive,
        @NotNull(message = "must be set: MOVIES_MAX_REQUEST_WAIT") Duration maxWait) {

    /** The number of requests that run at once. */
    public int activeRequests() {
        return (this.maxActive > 0) ? this.maxActive : 2 * Runtime.getRuntime().availableProcessors();
    }

}
