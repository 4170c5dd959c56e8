package com.example.movies.auth;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;

import com.example.movies.user.User;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TokenServiceTest {

    final TokenService tokens = new TokenService(
            new JwtProperties("a-test-secret-of-at-least-32-characters", Duration.ofMinutes(10), Duration.ofDays(1)));

    final User user = new User(42, "u", "u@example.com", "", "", "", false, true, Instant.now(), null, false);

    @Test
    void eachDecoderAcceptsOnlyItsTokenType() {
        Jwt access = this.tokens.accessTokenDecoder().decode(this.tokens.accessToken(this.user));
        assertThat(TokenService.userId(access)).isEqualTo(42);
        assertThat(access.getClaimAsString("token_type")).isEqualTo("access");
        assertThat(this.tokens.decodeRefreshToken(this.tokens.refreshToken(this.user))).isPresent();

        assertThatExceptionOfType(JwtException.class)
            .isThrownBy(() -> this.tokens.accessTokenDecoder().decode(this.tokens.refreshToken(this.user)));
        assertThat(this.tokens.decodeRefreshToken(this.tokens.accessToken(this.user))).isEmpty();
    }

    @Test
    void tokensOfAnotherKeyAreRefused() {
        TokenService other = new TokenService(new JwtProperties("another-secret-of-at-least-32-characters",
                Duration.ofMinutes(10), Duration.ofDays(1)));
        assertThatExceptionOfType(JwtException.class)
            .isThrownBy(() -> this.tokens.accessTokenDecoder().decode(other.accessToken(this.user)));
        assertThat(this.tokens.decodeRefreshToken(other.refreshToken(this.user))).isEmpty();
    }

    @Test
    void expiredTokensAreRefusedWithoutLeeway() throws InterruptedException {
        TokenService instant = new TokenService(new JwtProperties("a-test-secret-of-at-least-32-characters",
                Duration.ofMillis(1), Duration.ofMillis(1)));
        String access = instant.accessToken(this.user);
        String refresh = instant.refreshToken(this.user);
        Thread.sleep(1100);
        assertThatExceptionOfType(JwtException.class).isThrownBy(() -> this.tokens.accessTokenDecoder().decode(access));
        assertThat(this.tokens.decodeRefreshToken(refresh)).isEmpty();
    }

}
