package com.example.movies.e2e.frontend;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.equalToIgnoringCase;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.movies.e2e.stack.Stack;
import com.example.movies.e2e.support.EndToEnd;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The frontend's web server: the app, its runtime configuration, deep links, caching,
 * headers and health.
 */
@EndToEnd
class FrontendIT {

    private static final Pattern HASHED_SCRIPT = Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"");

    private final Stack stack;

    FrontendIT(Stack stack) {
        this.stack = stack;
    }

    @Test
    void theRootServesTheAppWhichLoadsItsRuntimeConfigurationFirst() {
        String index = frontend().get("/")
            .then()
            .statusCode(200)
            .contentType(containsString("text/html"))
            .header("Cache-Control", containsString("no-cache"))
            .extract()
            .asString();

        assertTrue(index.contains("<div id=\"root\"></div>"), index);
        assertTrue(index.indexOf("/config.js") < index.indexOf("type=\"module\""),
                "config.js must load before the app's module: " + index);
    }

    @Test
    void theRuntimeConfigurationCarriesThisEnvironmentsApiUrl() {
        frontend().get("/config.js")
            .then()
            .statusCode(200)
            .contentType(containsString("javascript"))
            .header("Cache-Control", containsString("no-cache"))
            .body(containsString("\"" + stack.apiUrl() + "\""));
    }

    @Test
    void aDeepLinkAnswersTheAppsPage() {
        String index = frontend().get("/").then().extract().asString();

        frontend().get("/dashboard")
            .then()
            .statusCode(200)
            .contentType(containsString("text/html"))
            .body(equalTo(index));
    }

    @Test
    void hashedAssetsAreCachedForAYearAndCompressed() {
        String index = frontend().get("/").then().extract().asString();
        Matcher script = HASHED_SCRIPT.matcher(index);
        assertTrue(script.find(), "index.html names no hashed script: " + index);

        Response asset = frontend()
            .config(RestAssuredConfig.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders()))
            .header("Accept-Encoding", "gzip")
            .get(script.group(1));
        asset.then()
            .statusCode(200)
            .header("Cache-Control", containsString("max-age=31536000"))
            .header("Cache-Control", containsString("immutable"))
            .header("Content-Encoding", equalToIgnoringCase("gzip"));
    }

    @Test
    void everyPageCarriesTheSecurityHeaders() {
        String apiOrigin = origin(stack.apiUrl());
        for (String path : new String[] { "/", "/dashboard", "/config.js" }) {
            String policy = frontend().get(path)
                .then()
                .statusCode(200)
                .header("X-Content-Type-Options", equalToIgnoringCase("nosniff"))
                .header("Referrer-Policy", not(equalTo("")))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .header("Content-Security-Policy",
                        matchesPattern(".*connect-src [^;]*" + Pattern.quote(apiOrigin) + ".*"))
                .extract()
                .header("Content-Security-Policy");
            String otherSources = policy.replace(apiOrigin, "");
            assertFalse(otherSources.contains("*") || otherSources.contains("http") || otherSources.contains("unsafe"),
                    "the policy allows only this origin and the API's: " + policy);
        }
    }

    @Test
    void theHealthCheckAnswers() {
        frontend().get("/healthz").then().statusCode(200);
    }

    @Test
    void aMissingAssetIsA404NotTheApp() {
        Response missing = frontend().get("/assets/missing-e2e.js");
        assertEquals(404, missing.statusCode(), missing.asString());
    }

    private RequestSpecification frontend() {
        return given().baseUri(stack.frontendUrl().toString()).redirects().follow(false);
    }

    private static String origin(URI url) {
        return url.getScheme() + "://" + url.getAuthority();
    }

}
