package com.example.movies.password;

import java.time.Duration;
import java.util.Optional;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Sender of password-reset mails ({@code MOVIES_MAIL_FROM}) and the least time between
 * two of them to one account ({@code MOVIES_MAIL_RESET_INTERVAL}), and the frontend whose
 * page the mails link to ({@code MOVIES_FRONTEND_URL}); the SMTP server itself is Boot's
 * {@code spring.mail.*} ({@code SPRING_MAIL_HOST}...). Without an SMTP host the mail is
 * logged instead.
 */
@ConfigurationProperties("movies.mail")
@Validated
public record ResetMailProperties(@NotBlank(message = "must be set: MOVIES_MAIL_FROM") String from,
        @NotNull(message = "must be set: MOVIES_MAIL_RESET_INTERVAL") Duration resetInterval, String frontendUrl) {

    /**
     * A frontend page a mail links to, such as {@code /password/reset/{uid}/{token}},
     * when the frontend's URL is known ({@code MOVIES_FRONTEND_URL}).
     */
    Optional<String> frontendPage(String path) {
        if (this.frontendUrl == null || this.frontendUrl.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(this.frontendUrl.replaceAll("/+$", "") + path);
    }

}
