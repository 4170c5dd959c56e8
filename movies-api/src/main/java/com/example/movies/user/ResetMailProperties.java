package com.example.movies.user;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Sender of password-reset mails ({@code MOVIES_MAIL_FROM}) and the least time between
 * two of them to one account ({@code MOVIES_MAIL_RESET_INTERVAL}); the SMTP server itself
 * is Boot's {@code spring.mail.*} ({@code SPRING_MAIL_HOST}...). Without an SMTP host the
 * mail is logged instead.
 */
@ConfigurationProperties("movies.mail")
@Validated
public record ResetMailProperties(@NotBlank(message = "must be set: MOVIES_MAIL_FROM") String from,
        @NotNull(message = "must be set: MOVIES_MAIL_RESET_INTERVAL") Duration resetInterval) {
}
