package com.example.movies.signup;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Self-service sign-up ({@code MOVIES_SIGN_UP_ENABLED}): on in the local run, off unless
 * a deployment turns it on. Off, its three endpoints answer 404 and the OpenAPI document
 * leaves them out.
 */
@ConfigurationProperties("movies.sign-up")
public record SignUpProperties(boolean enabled) {
}
