package com.example.movies.user;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Sender of password-reset mails ({@code MOVIES_MAIL_FROM}); the SMTP server itself is Boot's
 * {@code spring.mail.*} ({@code SPRING_MAIL_HOST}...). Without an SMTP host the mail is logged instead.
 */
@ConfigurationProperties("movies.mail")
@Validated
public record ResetMailProperties(@NotBlank(message = "must be set: MOVIES_MAIL_FROM") String from) {
}
