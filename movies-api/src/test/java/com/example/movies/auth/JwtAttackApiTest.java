package com.example.movies.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.example.movies.Api;
import com.example.movies.Api.Reply;
import com.example.movies.PostgresIntegrationTest;
import com.example.movies.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Forged, altered and misused tokens, each answered 401 {@code token_not_valid} in
 * simplejwt's shape: on a protected call, on a public read, and (for refresh tokens) at
 * {@code /api/token/refresh}.
 */
@PostgresIntegrationTest
class JwtAttackApiTest {

    static final String REFRESH_NOT_VALID = "{\"detail\":\"Token is invalid or expired\",\"code\":\"token_not_valid\"}";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JwtProperties jwt;

    @Autowired
    Api api;

    @Autowired
    TestUsers users;

    String username;

    long userId;

    /** The claim that binds a token to the user's password, from a genuine token. */
    String credentials;

    @BeforeEach
    void setUp() {
        this.username = this.users.create(false);
        this.userId = this.users.id(this.username);
        this.credentials = AuthApiTest.claims(this.api.accessToken(this.username, TestUsers.PASSWORD))
            .get("credentials")
            .asString();
    }

    /** Claims of a valid access token of the test's user. */
    Map<String, Object> accessClaims() {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("token_type", "access");
        claims.put("exp", Instant.now().plusSeconds(600).getEpochSecond());
        claims.put("iat", Instant.now().getEpochSecond());
        claims.put("jti", "attack" + System.nanoTime());
        claims.put("user_id", this.userId);
        claims.put("credentials", this.credentials);
        return claims;
    }

    static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String part(Object json) {
        return base64(Api.JSON.writeValueAsBytes(json));
    }

    static byte[] hmac(String algorithm, byte[] secret, String signingInput) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret, algorithm));
            return mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

    String hs(String alg, String macAlgorithm, byte[] secret, Map<String, Object> claims) {
        String input = part(Map.of("alg", alg, "typ", "JWT")) + "." + part(claims);
        return input + "." + base64(hmac(macAlgorithm, secret, input));
    }

    String signedWithTheRealSecret(Map<String, Object> claims) {
        return hs("HS256", "HmacSHA256", this.jwt.secret().getBytes(StandardCharsets.UTF_8), claims);
    }

    /** The token is refused where an access token is expected, even on a public read. */
    void assertRefusedAsAccessToken(String token) {
        for (String path : new String[] { "/api/v1/users/auth/user", "/api/v1/movie" }) {
            Reply reply = this.api.get(path, token);
            assertThat(reply.status()).as(path).isEqualTo(401);
            assertThat(reply.body()).as(path).isEqualTo(AuthApiTest.TOKEN_NOT_VALID);
            assertThat(reply.header("WWW-Authenticate").orElseThrow()).as(path).startsWith("Bearer");
        }
    }

    void assertRefusedAsRefreshToken(String token) {
        Reply reply = this.api.json("POST", "/api/token/refresh", null, Map.of("refresh", token));
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.body()).isEqualTo(REFRESH_NOT_VALID);
    }

    @Test
    void aGenuineTokenIsAccepted() {
        // The forging helpers make tokens the service accepts when nothing is wrong with
        // them.
        assertThat(this.api.get("/api/v1/users/auth/user", signedWithTheRealSecret(accessClaims())).status())
            .isEqualTo(200);
    }

    @Test
    void algNoneIsRefused() {
        for (String alg : new String[] { "none", "None", "NONE" }) {
            String token = part(Map.of("alg", alg, "typ", "JWT")) + "." + part(accessClaims()) + ".";
            assertRefusedAsAccessToken(token);
            Map<String, Object> refresh = accessClaims();
            refresh.put("token_type", "refresh");
            assertRefusedAsRefreshToken(part(Map.of("alg", alg)) + "." + part(refresh) + ".");
        }
    }

    @Test
    void rs256TokensAreRefused() throws GeneralSecurityException {
        KeyPair keys = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        String input = part(Map.of("alg", "RS256", "typ", "JWT")) + "." + part(accessClaims());
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(keys.getPrivate());
        rsa.update(input.getBytes(StandardCharsets.US_ASCII));
        assertRefusedAsAccessToken(input + "." + base64(rsa.sign()));
    }

    @Test
    void aPublicKeyUsedAsHmacSecretIsRefused() throws GeneralSecurityException {
        // The HS/RS confusion: a token "signed" with a public RSA key, as raw bytes and
        // as PEM text.
        KeyPair keys = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        byte[] der = keys.getPublic().getEncoded();
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(der)
                + "\n-----END PUBLIC KEY-----\n";
        assertRefusedAsAccessToken(hs("HS256", "HmacSHA256", der, accessClaims()));
        assertRefusedAsAccessToken(hs("HS256", "HmacSHA256", pem.getBytes(StandardCharsets.US_ASCII), accessClaims()));
    }

    @Test
    void otherHmacAlgorithmsAreRefusedEvenWithTheRealSecret() {
        byte[] secret = this.jwt.secret().getBytes(StandardCharsets.UTF_8);
        assertRefusedAsAccessToken(hs("HS512", "HmacSHA512", secret, accessClaims()));
        assertRefusedAsAccessToken(hs("HS384", "HmacSHA384", secret, accessClaims()));
    }

    @Test
    void aTamperedPayloadIsRefused() {
        String staff = this.users.create(true);
        String genuine = this.api.accessToken(this.username, TestUsers.PASSWORD);
        String[] parts = genuine.split("\\.");
        JsonNode claims = Api.JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        Map<String, Object> altered = Api.JSON.convertValue(claims, Map.class);
        altered.put("user_id", this.users.id(staff));
        assertRefusedAsAccessToken(parts[0] + "." + part(altered) + "." + parts[2]);
        altered = Api.JSON.convertValue(claims, Map.class);
        altered.put("exp", Instant.now().plusSeconds(86400 * 365).getEpochSecond());
        assertRefusedAsAccessToken(parts[0] + "." + part(altered) + "." + parts[2]);
        // One bit of the signature flipped.
        byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
        signature[0] ^= 1;
        assertRefusedAsAccessToken(parts[0] + "." + parts[1] + "." + base64(signature));
    }

    @Test
    void anExpiredTokenIsRefused() {
        Map<String, Object> claims = accessClaims();
        claims.put("iat", Instant.now().minusSeconds(700).getEpochSecond());
        claims.put("exp", Instant.now().minusSeconds(1).getEpochSecond());
        assertRefusedAsAccessToken(signedWithTheRealSecret(claims));
        claims.put("token_type", "refresh");
        assertRefusedAsRefreshToken(signedWithTheRealSecret(claims));
    }

    @Test
    void tokensMissingTheirClaimsAreRefused() {
        for (String claim : new String[] { "exp", "token_type", "user_id" }) {
            Map<String, Object> claims = accessClaims();
            claims.remove(claim);
            assertRefusedAsAccessToken(signedWithTheRealSecret(claims));
        }
        Map<String, Object> textUserId = accessClaims();
        textUserId.put("user_id", String.valueOf(this.userId));
        assertRefusedAsAccessToken(signedWithTheRealSecret(textUserId));
    }

    @Test
    void aRefreshTokenIsNotAnAccessToken() {
        JsonNode tokens = this.api.tokens(this.username, TestUsers.PASSWORD);
        assertRefusedAsAccessToken(tokens.get("refresh").asString());
    }

    @Test
    void anAccessTokenIsNotARefreshToken() {
        JsonNode tokens = this.api.tokens(this.username, TestUsers.PASSWORD);
        assertRefusedAsRefreshToken(tokens.get("access").asString());
    }

    @Test
    void theTokensOfADeactivatedUserAreRefused() {
        JsonNode tokens = this.api.tokens(this.username, TestUsers.PASSWORD);
        this.jdbc.sql("UPDATE app_user SET is_active = FALSE WHERE id = :id").param("id", this.userId).update();
        assertRefusedAsAccessToken(tokens.get("access").asString());
        assertRefusedAsRefreshToken(tokens.get("refresh").asString());
    }

    @Test
    void theTokensOfADeletedUserAreRefused() {
        JsonNode tokens = this.api.tokens(this.username, TestUsers.PASSWORD);
        this.jdbc.sql("DELETE FROM app_user WHERE id = :id").param("id", this.userId).update();
        assertRefusedAsAccessToken(tokens.get("access").asString());
        assertRefusedAsRefreshToken(tokens.get("refresh").asString());
    }

}
