package com.example.movies.ui;

import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * The web UI bundled with the app, if any: the frontend jar puts its build under
 * {@code static/} on the classpath. Without it the app is API-only.
 */
@Component
public class Ui {

    private final String location;

    private final Resource index;

    Ui(ResourceLoader resourceLoader, @Value("${movies.ui.location:classpath:/static/}") String location) {
        this.location = location.endsWith("/") ? location : location + "/";
        Resource candidate = resourceLoader.getResource(this.location + "index.html");
        this.index = candidate.exists() ? candidate : null;
    }

    public String location() {
        return this.location;
    }

    public Optional<Resource> index() {
        return Optional.ofNullable(this.index);
    }

}
