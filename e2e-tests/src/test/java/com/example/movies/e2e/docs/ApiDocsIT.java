package com.example.movies.e2e.docs;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.startsWith;

import com.example.movies.e2e.stack.Stack;
import com.example.movies.e2e.support.Api;
import com.example.movies.e2e.support.EndToEnd;
import org.junit.jupiter.api.Test;

/**
 * The API's documentation at the API's URL (through the gateway when deployed): the
 * OpenAPI document and Swagger UI.
 */
@EndToEnd
class ApiDocsIT {

    private final Api api;

    ApiDocsIT(Stack stack) {
        this.api = new Api(stack);
    }

    @Test
    void theOpenApiDocumentDescribesTheApi() {
        api.anonymous()
            .get("/api/v1/api_schema")
            .then()
            .statusCode(200)
            .body("openapi", startsWith("3."))
            .body("paths", hasKey("/api/v1/movie/{id}"));
    }

    @Test
    void swaggerUiAndItsFilesAreServedWithoutACdn() {
        api.anonymous()
            .accept("text/html,*/*;q=0.8")
            .get("/api/v1/docs")
            .then()
            .statusCode(200)
            .contentType(containsString("text/html"))
            .body(containsString("swagger-ui/swagger-ui-bundle.js"));
        api.anonymous().get("/api/v1/swagger-ui/swagger-ui-bundle.js").then().statusCode(200);
        api.anonymous().get("/api/v1/swagger-ui/swagger-ui.css").then().statusCode(200);
    }

}
