package com.example.movies.user;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.example.movies.docs.OpenApiConfig;
import com.example.movies.web.request.RequestData;

@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "users")
class UserController {

    private static final String USER = "/api/v1/users/auth/user";

    private final UserService users;

    UserController(UserService users) {
        this.users = users;
    }

    @GetMapping(USER)
    @Operation(summary = "The signed-in user", security = @SecurityRequirement(name = OpenApiConfig.BEARER))
    UserDetails get(@AuthenticationPrincipal User user) {
        return UserDetails.of(user);
    }

    @PutMapping(USER)
    @Operation(summary = "Update the signed-in user (username required)",
            security = @SecurityRequirement(name = OpenApiConfig.BEARER), requestBody = @RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = ProfileChange.class))))
    UserDetails replace(@AuthenticationPrincipal User user, RequestData body) {
        return UserDetails.of(this.users.updateProfile(user, ProfileChange.read(body, false)));
    }

    @PatchMapping(USER)
    @Operation(summary = "Update some of the signed-in user's fields",
            security = @SecurityRequirement(name = OpenApiConfig.BEARER), requestBody = @RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = ProfileChange.class))))
    UserDetails change(@AuthenticationPrincipal User user, RequestData body) {
        return UserDetails.of(this.users.updateProfile(user, ProfileChange.read(body, true)));
    }

}
