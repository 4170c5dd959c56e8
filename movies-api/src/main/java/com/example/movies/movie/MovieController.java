package com.example.movies.movie;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.example.movies.user.User;
import com.example.movies.web.error.ApiException;
import com.example.movies.problem.FieldErrors;
import com.example.movies.docs.OpenApiConfig;
import com.example.movies.web.request.LimitOffset;
import com.example.movies.web.request.DrfBody;
import com.example.movies.web.request.RequestData;

@RestController
@RequestMapping(path = "/api/v1/movie", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "movies")
class MovieController {

    /**
     * A UUID in its canonical form, in either case (UUIDs are case-insensitive; answers
     * carry the lowercase id); anything else is a 404.
     */
    private static final String ID = "/{id:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}";

    private final MovieService movies;

    MovieController(MovieService movies) {
        this.movies = movies;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "List movies, by default ordered by year then creation (a plain array)",
            responses = @ApiResponse(responseCode = "200", description = "Movies",
                    headers = @Header(name = LimitOffset.TOTAL_COUNT,
                            description = "Matching movies before limit/offset", schema = @Schema(type = "integer")),
                    content = @Content(array = @ArraySchema(schema = @Schema(implementation = Movie.class)))))
    ResponseEntity<byte[]> list(
            @Parameter(description = "Case-insensitive part of the title") @RequestParam(
                    required = false) String search,
            @Parameter(schema = @Schema(type = "integer", minimum = "0")) @RequestParam(required = false) String year,
            @Parameter(schema = @Schema(type = "integer", minimum = "0")) @RequestParam(required = false) String limit,
            @Parameter(schema = @Schema(type = "integer", minimum = "0")) @RequestParam(required = false) String offset,
            @Parameter(description = "Comma list of title, year, created, modified; a leading - reverses one",
                    example = "-year,title") @RequestParam(required = false) String ordering,
            @Parameter(description = "Only the movies this user (a username) created") @RequestParam(
                    name = "created_by", required = false) String createdBy,
            @Parameter(description = "Only the signed-in user's own movies",
                    schema = @Schema(type = "boolean")) @RequestParam(required = false) String mine,
            @AuthenticationPrincipal User user) {
        FieldErrors errors = new FieldErrors();
        Integer yearValue = RequestData.queryInteger("year", year, 0, errors);
        LimitOffset page = LimitOffset.read(limit, offset, errors);
        MovieOrdering order = MovieOrdering.read(ordering, errors);
        boolean onlyMine = Boolean.TRUE.equals(RequestData.queryBoolean("mine", mine, errors));
        errors.throwIfAny();
        if (onlyMine && user == null) {
            throw ApiException.notAuthenticated();
        }
        MovieRepository.Filter filter = new MovieRepository.Filter(RequestData.queryText(search), yearValue,
                RequestData.queryText(createdBy), onlyMine ? user.id() : null);
        MovieService.Page movies = this.movies.list(filter, order, page.limit(), page.offset());
        return ResponseEntity.ok()
            .header(LimitOffset.TOTAL_COUNT, Long.toString(movies.total()))
            .contentType(MediaType.APPLICATION_JSON)
            .body(movies.json());
    }

    @PreAuthorize("isAuthenticated()")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a movie", security = @SecurityRequirement(name = OpenApiConfig.BEARER))
    @ApiResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = Movie.class)))
    Movie create(@DrfBody MovieRequest body, @AuthenticationPrincipal User user) {
        return this.movies.create(body, user);
    }

    @GetMapping(path = ID, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One movie")
    @ApiResponse(responseCode = "200", description = "The movie",
            content = @Content(schema = @Schema(implementation = Movie.class)))
    ResponseEntity<byte[]> get(@PathVariable UUID id) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(this.movies.getJson(id));
    }

    @PreAuthorize("isAuthenticated()")
    @PutMapping(ID)
    @Operation(summary = "Replace a movie's title and year (an omitted description is kept); its creator or staff only",
            security = @SecurityRequirement(name = OpenApiConfig.BEARER))
    Movie replace(@PathVariable UUID id, @DrfBody MovieRequest body, @AuthenticationPrincipal User user) {
        return this.movies.update(id, body, user);
    }

    @PreAuthorize("isAuthenticated()")
    @PatchMapping(ID)
    @Operation(summary = "Change some of a movie's fields; its creator or staff only",
            security = @SecurityRequirement(name = OpenApiConfig.BEARER))
    Movie change(@PathVariable UUID id, @DrfBody(partial = true) MovieRequest body,
            @AuthenticationPrincipal User user) {
        return this.movies.update(id, body, user);
    }

    @PreAuthorize("isAuthenticated()")
    @DeleteMapping(ID)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a movie; its creator or staff only",
            security = @SecurityRequirement(name = OpenApiConfig.BEARER))
    @ApiResponse(responseCode = "204", description = "Deleted")
    void delete(@PathVariable UUID id, @AuthenticationPrincipal User user) {
        this.movies.delete(id, user);
    }

}
