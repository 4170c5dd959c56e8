-- Failed sign-ins, counted per username and per client address in fixed windows (auth.LoginThrottle), in the
-- database so that every replica counts the same. Keys are hashes: no username or address is stored.
-- Portable SQL: runs unchanged on H2 and PostgreSQL.

CREATE TABLE login_attempt (
    throttle_key VARCHAR(64)              PRIMARY KEY,
    window_start TIMESTAMP WITH TIME ZONE NOT NULL,
    failures     INTEGER                  NOT NULL
);

-- Rows of windows that have ended are deleted by range.
CREATE INDEX login_attempt_window_start ON login_attempt (window_start);
