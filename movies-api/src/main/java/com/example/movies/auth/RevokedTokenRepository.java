package com.example.movies.auth;

import java.time.Instant;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.example.movies.time.Timestamps;

/**
 * Refresh tokens revoked by logout, by {@code jti}, in the database so that every replica
 * knows them.
 */
@Repository
class RevokedTokenRepository {

    private final JdbcClient jdbc;

    RevokedTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @return false when the token was already revoked
     */
    boolean revoke(String jti, Instant expiresAt) {
        // Expired tokens are refused anyway: their rows can go.
        this.jdbc.sql("DELETE FROM revoked_token WHERE expires_at < :now")
            .param("now", Timestamps.utc(Instant.now()))
            .update();
        try {
            this.jdbc.sql("INSERT INTO revoked_token (jti, expires_at) VALUES (:jti, :expiresAt)")
                .param("jti", jti)
                .param("expiresAt", Timestamps.utc(expiresAt))
                .update();
            return true;
        }
        catch (DuplicateKeyException ex) {
            return false;
        }
    }

    boolean isRevoked(String jti) {
        return this.jdbc.sql("SELECT COUNT(*) FROM revoked_token WHERE jti = :jti")
            .param("jti", jti)
            .query(Long.class)
            .single() > 0;
    }

}
