package com.example.movies.web.error;

import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;

import org.springframework.http.HttpStatus;

/**
 * DRF's {@code {"detail": "JSON parse error - ..."}}, with the parser's message stripped
 * of what would tell a client about the implementation: source locations, backquoted
 * settings ({@code `StreamReadConstraints...`}) and Java class names.
 */
public final class JsonParseError {

    private static final Pattern LOCATION = Pattern
        .compile("\\s*\\(?(start marker )?at \\[Source:.*?](\\))?|\\s*\\[Source:.*?]", Pattern.DOTALL);

    private static final Pattern SETTING = Pattern.compile(",?\\s*(from|using|of)?\\s*`[^`]*`");

    private static final Pattern CLASS_NAME = Pattern.compile("\\b(?:[a-zA-Z_$][\\w$]*\\.)+[A-Z][\\w$]*\\b");

    private JsonParseError() {
    }

    public static ApiException of(Throwable ex) {
        String message = (ex instanceof JacksonException jackson) ? jackson.getOriginalMessage() : null;
        return ApiException.detail(HttpStatus.BAD_REQUEST, "JSON parse error - " + clean(message));
    }

    static String clean(String message) {
        if (message == null || message.isBlank()) {
            return "Invalid JSON.";
        }
        String text = LOCATION.matcher(message).replaceAll("");
        text = SETTING.matcher(text).replaceAll("");
        text = CLASS_NAME.matcher(text).replaceAll("value");
        return text.strip();
    }

}
