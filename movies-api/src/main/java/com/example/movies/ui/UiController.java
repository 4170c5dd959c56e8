package com.example.movies.ui;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /}: the UI's page where the app carries the UI, else the original's greeting.
 */
@RestController
@Tag(name = "system")
class UiController {

    private final Ui ui;

    UiController(Ui ui) {
        this.ui = ui;
    }

    @GetMapping("/")
    @Operation(summary = "Greeting (or the web UI's page where the app serves the UI)",
            responses = @ApiResponse(responseCode = "200", description = "Hello World!",
                    content = @Content(mediaType = "text/plain", schema = @Schema(type = "string"))))
    ResponseEntity<?> root() {
        return this.ui.index()
            .<ResponseEntity<?>>map((index) -> ResponseEntity.ok()
                .contentType(MediaType.TEXT_HTML)
                .cacheControl(CacheControl.noCache())
                .body(index))
            .orElseGet(() -> ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body("Hello World!"));
    }

}
