package com.example.movies.docs;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.servers.Server;

import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document ({@code /api/v1/api_schema}), from which the gateway's routes are
 * generated. The server is the relative root so the document is the same wherever it is
 * fetched from.
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(
        info = @Info(title = "Movies API", version = "v1",
                description = "Movies and users; JWT bearer tokens from /api/token or /api/v1/users/auth/login."),
        servers = @Server(url = "/"))
@SecurityScheme(name = OpenApiConfig.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public class OpenApiConfig {

    /** Name of the bearer-token security scheme that protected operations require. */
    public static final String BEARER = "bearerAuth";

}
