package com.example.movies.docs;

import io.swagger.v3.oas.annotations.Hidden;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Swagger UI at {@code /api/v1/docs} answering 200 itself (springdoc's own path only
 * redirects), built from the Swagger UI files springdoc serves under
 * {@code /api/v1/swagger-ui/}: no CDN. Paths are relative so the page also works behind a
 * gateway.
 */
@RestController
@Hidden
class DocsController {

    private static final String PAGE = """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>Movies API</title>
            <link rel="stylesheet" href="swagger-ui/swagger-ui.css">
            </head>
            <body>
            <div id="swagger-ui"></div>
            <script src="swagger-ui/swagger-ui-bundle.js"></script>
            <script>window.ui = SwaggerUIBundle({ url: "api_schema", dom_id: "#swagger-ui" });</script>
            </body>
            </html>
            """;

    @GetMapping(path = "/api/v1/docs", produces = MediaType.TEXT_HTML_VALUE)
    String docs() {
        return PAGE;
    }

}
