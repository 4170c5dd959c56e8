package com.example.movies.system;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/** The largest request body accepted ({@code MOVIES_MAX_BODY_SIZE}, e.g. {@code 64KB}); larger ones are a 413. */
@ConfigurationProperties("movies.request")
@Validated
public record RequestLimitProperties(@NotNull(message = "must be set: MOVIES_MAX_BODY_SIZE") DataSize maxBodySize) {
}
