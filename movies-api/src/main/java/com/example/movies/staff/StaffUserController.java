package com.example.movies.staff;

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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.example.movies.docs.OpenApiConfig;
import com.example.movies.web.Detail;
import com.example.movies.problem.FieldErrors;
import com.example.movies.web.request.LimitOffset;
import com.example.movies.web.request.DrfBody;
import com.example.movies.web.request.RequestData;
import com.example.movies.user.User;
import com.example.movies.user.NewUser;
import com.example.movies.user.UserService;

/** Staff's user management, the Django admin's users page as an API: staff only. */
@RestController
@PreAuthorize("hasRole('STAFF')")
@RequestMapping(path = "/api/v1/users", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "users")
class StaffUserController {

    private static final String USER = "/{pk:[0-9]+}";

    private final StaffService users;

    StaffUserController(StaffService users) {
        this.users = users;
    }

    @GetMapping
    @Operation(summary = "Users, by id (staff only)", security = @SecurityRequirement(name = OpenApiConfig.BEARER),
            responses = @ApiResponse(responseCode = "200", description = "Users",
                    headers = @Header(name = LimitOffset.TOTAL_COUNT,
                            description = "Matching users before limit/offset", schema = @Schema(type = "integer")),
                    content = @Content(array = @ArraySchema(schema = @Schema(implementation = UserSummary.class)))))
    ResponseEntity<Object> list(
            @Parameter(description = "Case-insensitive part of the username, e-mail or names") @RequestParam(
                    required = false) String search,
            @Parameter(schema = @Schema(type = "integer", minimum = "0")) @RequestParam(required = false) String limit,
            @Parameter(schema = @Schema(type = "integer", minimum = "0")) @RequestParam(
                    required = false) String offset) {
        FieldErrors errors = new FieldErrors();
        LimitOffset page = LimitOffset.read(limit, offset, errors);
        errors.throwIfAny();
        UserService.Page users = this.users.find(RequestData.queryText(search), page.limit(), page.offset());
        return ResponseEntity.ok()
            .header(LimitOffset.TOTAL_COUNT, Long.toString(users.total()))
            .body(users.users().stream().map(UserSummary::of).toList());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a user (staff only); without a password the user is mailed a link to set one",
            security = @SecurityRequirement(name = OpenApiConfig.BEARER))
    UserSummary create(@DrfBody NewUser body) {
        return UserSummary.of(this.users.create(body));
    }

    @GetMapping(USER)
    @Operation(summary = "One user (staff only)", security = @SecurityRequirement(name = OpenApiConfig.BEARER))
    UserSummary get(@PathVariable long pk) {
        return UserSummary.of(this.users.get(pk));
    }

    @PatchMapping(USER)
    @Operation(summary = "Change a user's e-mail, names, active or staff status (staff only; not one's own status)",
            security = @SecurityRequirement(name = OpenApiConfig.BEARER))
    UserSummary change(@PathVariable long pk, @DrfBody(partial = true) AccountChange body,
            @AuthenticationPrincipal User actor) {
        return UserSummary.of(this.users.change(actor, pk, body));
    }

    @DeleteMapping(USER)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a user, keeping their movies (staff only; not oneself)",
            security = @SecurityRequirement(name = OpenApiConfig.BEARER))
    @ApiResponse(responseCode = "204", description = "Deleted")
    void delete(@PathVariable long pk, @AuthenticationPrincipal User actor) {
        this.users.delete(actor, pk);
    }

    @PostMapping(USER + "/password-reset")
    @Operation(summary = "Mail the user a password reset link (staff only; one per reset interval)",
            security = @SecurityRequirement(name = OpenApiConfig.BEARER))
    Detail sendPasswordReset(@PathVariable long pk) {
        this.users.sendPasswordReset(pk);
        return new Detail("Password reset e-mail has been sent.");
    }

}
