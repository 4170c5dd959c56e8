package com.example.movies.auth;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import com.example.movies.Api;
import com.example.movies.Api.Reply;
import com.example.movies.PostgresIntegrationTest;
import com.example.movies.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tokens, sign-in, sign-out and the 401/403 rows of the contract, over real HTTP on
 * PostgreSQL.
 */
@PostgresIntegrationTest
class AuthApiTest {

    static final String TOKEN_NOT_VALID = "{\"detail\":\"Given token not valid for any token type\",\"code\":"
            + "\"token_not_valid\",\"messages\":[{\"token_class\":\"AccessToken\",\"token_type\":\"access\","
            + "\"message\":\"Token is invalid or expired\"}]}";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JwtProperties jwt;

    @Autowired
    Api api;

    @Autowired
    TestUsers users;

    static JsonNode claims(String token) {
        return Api.JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }

    static JsonNode header(String token) {
        return Api.JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[0]));
    }

    @Test
    void tokenPairCarriesSimplejwtClaims() {
        String username = this.users.create(false);
        Reply reply = this.api.json("POST", "/api/token", null,
                Map.of("username", username, "password", TestUsers.PASSWORD));
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).startsWith("{\"refresh\":");
        JsonNode access = claims(reply.json().get("access").asString());
        JsonNode refresh = claims(reply.json().get("refresh").asString());
        assertThat(header(reply.json().get("access").asString()).get("alg").asString()).isEqualTo("HS256");
        assertThat(access.get("token_type").asString()).isEqualTo("access");
        assertThat(refresh.get("token_type").asString()).isEqualTo("refresh");
        for (JsonNode claims : List.of(access, refresh)) {
            assertThat(claims.has("exp") && claims.has("iat") && claims.has("jti")).isTrue();
            assertThat(claims.get("user_id").asLong()).isEqualTo(this.users.id(username));
        }
        assertThat(access.get("exp").asLong() - access.get("iat").asLong()).isEqualTo(600);
        assertThat(refresh.get("exp").asLong() - refresh.get("iat").asLong()).isEqualTo(86400);
        assertThat(access.get("jti")).isNotEqualTo(refresh.get("jti"));
    }

    @Test
    void tokenAcceptsFormEncodedCredentialsAndRecordsTheLogin() {
        String username = this.users.create(false);
        assertThat(lastLogin(username)).isNull();
        Reply reply = this.api.send("POST", "/api/token", null, "application/x-www-form-urlencoded",
                "username=" + username + "&password=" + TestUsers.PASSWORD.replace(" ", "+"));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(lastLogin(username)).isNotNull();
    }

    @Test
    void wrongCredentialsAre401() {
        String username = this.users.create(false);
        for (Map<String, String> credentials : List.of(Map.of("username", username, "password", "wrong"),
                Map.of("username", "nobody-" + username, "password", TestUsers.PASSWORD))) {
            Reply reply = this.api.json("POST", "/api/token", null, credentials);
            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.body()).isEqualTo("{\"detail\":\"No active account found with the given credentials\"}");
        }
        assertThat(this.api.json("POST", "/api/token", null, Map.of()).body())
            .isEqualTo("{\"username\":[\"This field is required.\"],\"password\":[\"This field is required.\"]}");
        assertThat(lastLogin(username)).isNull();
    }

    @Test
    void refreshGivesANewAccessToken() {
        String username = this.users.create(false);
        JsonNode tokens = this.api.tokens(username, TestUsers.PASSWORD);
        Reply reply = this.api.json("POST", "/api/token/refresh", null,
                Map.of("refresh", tokens.get("refresh").asString()));
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().properties()).hasSize(1);
        String access = reply.json().get("access").asString();
        assertThat(claims(access).get("token_type").asString()).isEqualTo("access");
        assertThat(this.api.get("/api/v1/users/auth/user", access).status()).isEqualTo(200);
    }

    @Test
    void tokenTypesAreNotInterchangeable() {
        String username = this.users.create(false);
        JsonNode tokens = this.api.tokens(username, TestUsers.PASSWORD);
        Reply refreshAsAccess = this.api.get("/api/v1/users/auth/user", tokens.get("refresh").asString());
        assertThat(refreshAsAccess.status()).isEqualTo(401);
        assertThat(refreshAsAccess.body()).isEqualTo(TOKEN_NOT_VALID);
        Reply accessAsRefresh = this.api.json("POST", "/api/token/refresh", null,
                Map.of("refresh", tokens.get("access").asString()));
        assertThat(accessAsRefresh.status()).isEqualTo(401);
        assertThat(accessAsRefresh.body())
            .isEqualTo("{\"detail\":\"Token is invalid or expired\",\"code\":\"token_not_valid\"}");
    }

    @Test
    void badTokensAre401EvenOnPublicReads() {
        String expired = sign(Map.of("token_type", "access", "user_id", 1L), Instant.now().minusSeconds(700),
                this.jwt.secret());
        String forged = sign(Map.of("token_type", "access", "user_id", 1L), Instant.now(),
                "another-secret-that-is-long-enough-000000");
        for (String token : List.of("garbage", "a.b.c", expired, forged)) {
            Reply reply = this.api.get("/api/v1/movie", token);
            assertThat(reply.status()).as(token).isEqualTo(401);
            assertThat(reply.header("WWW-Authenticate").orElseThrow()).startsWith("Bearer");
            assertThat(reply.body()).isEqualTo(TOKEN_NOT_VALID);
        }
        assertThat(this.api.json("POST", "/api/token/refresh", null, Map.of("refresh", "garbage")).status())
            .isEqualTo(401);
        assertThat(this.api.json("POST", "/api/token/refresh", null, Map.of()).body())
            .isEqualTo("{\"refresh\":[\"This field is required.\"]}");
    }

    @Test
    void tokensOfDeactivatedOrDeletedUsersAreRefused() {
        String deactivated = this.users.create(false);
        JsonNode deactivatedTokens = this.api.tokens(deactivated, TestUsers.PASSWORD);
        this.jdbc.sql("UPDATE app_user SET is_active = FALSE WHERE username = :u").param("u", deactivated).update();
        assertThat(this.api.get("/api/v1/movie", deactivatedTokens.get("access").asString()).body())
            .isEqualTo(TOKEN_NOT_VALID);
        assertThat(this.api
            .json("POST", "/api/token/refresh", null, Map.of("refresh", deactivatedTokens.get("refresh").asString()))
            .status()).isEqualTo(401);
        assertThat(this.api
            .json("POST", "/api/token", null, Map.of("username", deactivated, "password", TestUsers.PASSWORD))
            .status()).isEqualTo(401);

        String deleted = this.users.create(false);
        String access = this.api.accessToken(deleted, TestUsers.PASSWORD);
        this.jdbc.sql("DELETE FROM app_user WHERE username = :u").param("u", deleted).update();
        Reply reply = this.api.get("/api/v1/users/auth/user", access);
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.body()).isEqualTo(TOKEN_NOT_VALID);
    }

    @Test
    void loginAnswersTokensAndTheUser() {
        String username = this.users.create(false);
        Reply reply = this.api.json("POST", "/api/v1/users/auth/login", null,
                Map.of("username", username, "password", TestUsers.PASSWORD));
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).startsWith("{\"access\":");
        JsonNode user = reply.json().get("user");
        assertThat(user.toString()).isEqualTo("{\"pk\":" + this.users.id(username) + ",\"username\":\"" + username
                + "\",\"email\":\"" + username
                + "@example.com\",\"first_name\":\"\",\"last_name\":\"\",\"is_staff\":false,\"password_change_required\":false}");
        assertThat(claims(reply.json().get("refresh").asString()).get("token_type").asString()).isEqualTo("refresh");
        assertThat(lastLogin(username)).isNotNull();

        Reply byEmail = this.api.json("POST", "/api/v1/users/auth/login", null,
                Map.of("email", username + "@example.com", "password", TestUsers.PASSWORD));
        assertThat(byEmail.status()).isEqualTo(200);

        Reply wrong = this.api.json("POST", "/api/v1/users/auth/login", null,
                Map.of("username", username, "password", "x"));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body()).isEqualTo("{\"non_field_errors\":[\"Unable to log in with provided credentials.\"]}");
        assertThat(this.api.json("POST", "/api/v1/users/auth/login", null, Map.of("password", "x")).body())
            .isEqualTo("{\"non_field_errors\":[\"Must include \\\"username\\\" and \\\"password\\\".\"]}");
        assertThat(this.api.json("POST", "/api/v1/users/auth/login", null, Map.of("username", username)).body())
            .isEqualTo("{\"password\":[\"This field is required.\"]}");
    }

    @Test
    void logoutRevokesTheRefreshToken() {
        String username = this.users.create(false);
        JsonNode tokens = this.api.tokens(username, TestUsers.PASSWORD);
        String access = tokens.get("access").asString();
        Map<String, String> refresh = Map.of("refresh", tokens.get("refresh").asString());

        Reply anonymous = this.api.json("POST", "/api/v1/users/auth/logout", null, refresh);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.body()).isEqualTo("{\"detail\":\"Authentication credentials were not provided.\"}");

        Reply logout = this.api.json("POST", "/api/v1/users/auth/logout", access, refresh);
        assertThat(logout.status()).isEqualTo(200);
        assertThat(logout.body()).isEqualTo("{\"detail\":\"Successfully logged out.\"}");

        Reply refused = this.api.json("POST", "/api/token/refresh", null, refresh);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.body()).isEqualTo("{\"detail\":\"Token is blacklisted\",\"code\":\"token_not_valid\"}");
        assertThat(this.api.json("POST", "/api/v1/users/auth/logout", access, refresh).body())
            .isEqualTo("{\"detail\":\"Token is blacklisted\"}");
        assertThat(this.api.json("POST", "/api/v1/users/auth/logout", access, Map.of()).body())
            .isEqualTo("{\"detail\":\"Refresh token was not included in request data.\"}");
        assertThat(this.api.json("POST", "/api/v1/users/auth/logout", access, Map.of("refresh", "garbage")).body())
            .isEqualTo("{\"detail\":\"Token is invalid or expired\"}");

        JsonNode other = this.api.tokens(username, TestUsers.PASSWORD);
        assertThat(this.api.json("POST", "/api/token/refresh", null, Map.of("refresh", other.get("refresh").asString()))
            .status()).as("only the given refresh token is revoked").isEqualTo(200);
    }

    @Test
    void staffOnlyCallsAre403ForOthers() {
        String access = this.api.accessToken(this.users.create(false), TestUsers.PASSWORD);
        Reply reply = this.api.get("/api/v1/users", access);
        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.body()).isEqualTo("{\"detail\":\"You do not have permission to perform this action.\"}");
        Reply anonymous = this.api.get("/api/v1/users");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("WWW-Authenticate").orElseThrow()).startsWith("Bearer");
    }

    @Test
    void wrongMethodsOnTokenEndpointsAre405() {
        Reply reply = this.api.get("/api/token");
        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.body()).isEqualTo("{\"detail\":\"Method \\\"GET\\\" not allowed.\"}");
        assertThat(reply.header("Allow")).hasValue("POST");
    }

    Instant lastLogin(String username) {
        return this.jdbc.sql("SELECT last_login FROM app_user WHERE username = :u")
            .param("u", username)
            .query((row, n) -> {
                java.time.OffsetDateTime value = row.getObject(1, java.time.OffsetDateTime.class);
                return (value != null) ? value.toInstant() : null;
            })
            .list()
            .get(0);
    }

    static String sign(Map<String, Object> claims, Instant issuedAt, String secret) {
        NimbusJwtEncoder encoder = new NimbusJwtEncoder(
                new ImmutableSecret<>(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256")));
        JwtClaimsSet.Builder set = JwtClaimsSet.builder()
            .issuedAt(issuedAt)
            .expiresAt(issuedAt.plusSeconds(600))
            .id("test-" + issuedAt.toEpochMilli());
        claims.forEach(set::claim);
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), set.build()))
            .getTokenValue();
    }

}
