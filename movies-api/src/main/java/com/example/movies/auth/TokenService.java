package com.example.movies.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.jwk.source.ImmutableSecret;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Service;

import com.example.movies.user.User;

/**
 * Issues and checks the HS256 tokens of simplejwt: claims {@code token_type}
 * ({@code access} or {@code refresh}), {@code exp}, {@code iat}, {@code jti},
 * {@code user_id}. Each decoder accepts only its own token type, and no clock leeway.
 * Like Django's session auth hash, claim {@code credentials} binds a token to the user's
 * password (an HMAC of its hash): a new password ends every session at once.
 */
@Service
public class TokenService {

    static final String ACCESS = "access";

    static final String REFRESH = "refresh";

    private static final String CREDENTIALS = "credentials";

    private final JwtProperties properties;

    private final JwtEncoder encoder;

    private final NimbusJwtDecoder accessDecoder;

    private final NimbusJwtDecoder refreshDecoder;

    private final SecretKey key;

    TokenService(JwtProperties properties) {
        this.properties = properties;
        SecretKey key = new SecretKeySpec(properties.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.key = key;
        this.encoder = new NimbusJwtEncoder(new ImmutableSecret<>(key));
        this.accessDecoder = decoder(key, ACCESS);
        this.refreshDecoder = decoder(key, REFRESH);
    }

    private static NimbusJwtDecoder decoder(SecretKey key, String tokenType) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
        OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(
                new JwtTimestampValidator(Duration.ZERO), new JwtClaimValidator<Object>("exp", (exp) -> exp != null),
                new JwtClaimValidator<Object>("token_type", tokenType::equals),
                new JwtClaimValidator<Object>("user_id", (userId) -> userId instanceof Number));
        decoder.setJwtValidator(validator);
        return decoder;
    }

    /** The decoder of the resource server: access tokens only. */
    JwtDecoder accessTokenDecoder() {
        return this.accessDecoder;
    }

    /** A valid (signed, unexpired) refresh token, decoded. */
    Optional<Jwt> decodeRefreshToken(String token) {
        try {
            return Optional.of(this.refreshDecoder.decode(token));
        }
        catch (JwtException ex) {
            return Optional.empty();
        }
    }

    static long userId(Jwt token) {
        return ((Number) token.getClaims().get("user_id")).longValue();
    }

    public String accessToken(User user) {
        return encode(user, ACCESS, this.properties.accessTtl());
    }

    public String refreshToken(User user) {
        return encode(user, REFRESH, this.properties.refreshTtl());
    }

    /** Whether the token was issued for the user's current password. */
    boolean isForCurrentPassword(Jwt token, User user) {
        Object credentials = token.getClaims().get(CREDENTIALS);
        return credentials instanceof String value && MessageDigest.isEqual(value.getBytes(StandardCharsets.US_ASCII),
                credentials(user).getBytes(StandardCharsets.US_ASCII));
    }

    private String credentials(User user) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(this.key);
            byte[] hash = mac.doFinal(("credentials:" + user.password()).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, 16));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private String encode(User user, String tokenType, Duration lifetime) {
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder()
            .claim("token_type", tokenType)
            .issuedAt(now)
            .expiresAt(now.plus(lifetime))
            .id(UUID.randomUUID().toString().replace("-", ""))
            .claim("user_id", user.id())
            .claim(CREDENTIALS, credentials(user))
            .build();
        JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).type("JWT").build();
        return this.encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }

}
