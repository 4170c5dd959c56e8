package com.example.movies.signup;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.extensions.Extension;
import io.swagger.v3.oas.annotations.extensions.ExtensionProperty;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.models.PathItem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import com.example.movies.web.Detail;
import com.example.movies.web.error.ApiException;
import com.example.movies.web.request.DrfBody;
import com.example.movies.password.PasswordResetRequest;

/**
 * Self-service sign-up as dj-rest-auth's registration has it, when
 * {@link SignUpProperties} turns it on: a new account is inactive until the link of its
 * verification mail is followed. Its operations carry {@code x-feature: sign-up} in the
 * OpenAPI document, which leaves them out while sign-up is off (the infra's gateway
 * routes read the same marker).
 */
@RestController
@RequestMapping(path = SignUpController.PATH, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "users")
class SignUpController {

    /** The OpenAPI extension that marks the operations of an optional feature. */
    static final String FEATURE = "x-feature";

    static final String SIGN_UP = "sign-up";

    static final String PATH = "/api/v1/users/auth/registration";

    private final SignUpService users;

    SignUpController(SignUpService users) {
        this.users = users;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Sign up: an inactive account, and a mail with the link that verifies the address",
            extensions = @Extension(properties = @ExtensionProperty(name = FEATURE, value = SIGN_UP)))
    Detail register(@DrfBody Registration body) {
        this.users.register(body);
        return new Detail("Verification e-mail sent.");
    }

    @PostMapping("/verify-email")
    @Operation(summary = "Verify a signed-up account's address with the key of its mail, which activates it",
            extensions = @Extension(properties = @ExtensionProperty(name = FEATURE, value = SIGN_UP)))
    Detail verifyEmail(@DrfBody EmailVerification body) {
        this.users.verifyEmail(body);
        return new Detail("ok");
    }

    @PostMapping("/resend-email")
    @Operation(summary = "Mail the verification link again (same answer whether or not the address is known)",
            extensions = @Extension(properties = @ExtensionProperty(name = FEATURE, value = SIGN_UP)))
    Detail resendEmail(@DrfBody PasswordResetRequest body) {
        this.users.resendVerification(body);
        return new Detail("ok");
    }

    /**
     * While sign-up is off, its operations are not found, whatever the body (which is not
     * read): an empty sign-up's 400 is how the UI learns that sign-up is on.
     */
    @Bean
    static WebMvcConfigurer signUpSwitch(SignUpProperties signUp) {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new HandlerInterceptor() {
                    @Override
                    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                        if (!signUp.enabled()) {
                            throw ApiException.notFound();
                        }
                        return true;
                    }
                }).addPathPatterns(PATH, PATH + "/**");
            }
        };
    }

    /** Leaves the sign-up operations out of the OpenAPI document while sign-up is off. */
    @Bean
    static OpenApiCustomizer signUpOperations(SignUpProperties signUp) {
        return (openApi) -> {
            if (!signUp.enabled() && openApi.getPaths() != null) {
                openApi.getPaths().values().removeIf(SignUpController::isSignUp);
            }
        };
    }

    private static boolean isSignUp(PathItem path) {
        return path.readOperations()
            .stream()
            .anyMatch((operation) -> operation.getExtensions() != null
                    && SIGN_UP.equals(operation.getExtensions().get(FEATURE)));
    }

}
