package com.example.movies.ui;

import java.io.IOException;
import java.util.Set;

import org.springframework.core.io.Resource;
import org.springframework.web.servlet.resource.PathResourceResolver;

/**
 * Serves the UI's files and answers its client-side routes (deep links such as
 * {@code /login}) with {@code index.html}; API, actuator and health paths, and missing
 * files (a name with a dot), stay 404s.
 */
class SpaFallbackResolver extends PathResourceResolver {

    private static final Set<String> SERVER_PATHS = Set.of("api", "actuator", "ht");

    private final Resource index;

    SpaFallbackResolver(Resource index) {
        this.index = index;
    }

    @Override
    protected Resource getResource(String resourcePath, Resource location) throws IOException {
        Resource resource = super.getResource(resourcePath, location);
        if (resource != null) {
            return resource;
        }
        return isClientRoute(resourcePath) ? this.index : null;
    }

    private static boolean isClientRoute(String resourcePath) {
        String firstSegment = resourcePath.split("/", 2)[0];
        String lastSegment = resourcePath.substring(resourcePath.lastIndexOf('/') + 1);
        return !SERVER_PATHS.contains(firstSegment) && !lastSegment.contains(".");
    }

}
