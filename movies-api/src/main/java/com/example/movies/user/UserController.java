package com.example.movies.user;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.example.movies.docs.OpenApiConfig;
import com.example.movies.web.request.DrfBody;

@RestController
@PreAuthorize("isAuthenticated()")
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
            security = @SecurityRequirement(name = OpenApiConfig.BEARER))
    UserDetails replace(@AuthenticationPrincipal User user, @DrfBody ProfileChange body) {
        return UserDetails.of(this.users.updateProfile(user, body));
    }

    @PatchMapping(USER)
    @Operation(summary = "Update some of the signed-in user's fields",
            security = @SecurityRequirement(name = OpenApiConfig.BEARER))
    UserDetails change(@AuthenticationPrincipal User user, @DrfBody(partial = true) ProfileChange body) {
        return UserDetails.of(this.users.updateProfile(user, body));
    }

}
