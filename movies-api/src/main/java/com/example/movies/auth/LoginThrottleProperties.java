package com.example.movies.auth;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Failed sign-ins allowed per username ({@code MOVIES_LOGIN_THROTTLE_PER_USERNAME}) and
 * per client address ({@code MOVIES_LOGIN_THROTTLE_PER_ADDRESS}) in a window
 * ({@code MOVIES_LOGIN_THROTTLE_WINDOW}); past either limit, sign-ins with that name or
 * from that address answer 429 until the window ends.
 */
@ConfigurationProperties("movies.login-throttle")
@Validated
public record LoginThrottleProperties(@Min(1) int perUsername, @Min(1) int perAddress,
        @NotNull(message = "must be set: MOVIES_LOGIN_THROTTLE_WINDOW") Duration window) {
}
