-- The movies' change counter, in 16 stripes: every movie write (create, update, delete) adds 1 to one stripe
-- in its own transaction, and the counter is their sum. A replica that cached a response at counter N knows it is
-- current while the sum still reads N, whichever replica wrote (MovieService). Stripes, because a write holds its
-- row's lock until it commits: one row would make all writes, on all replicas, commit one after the other.
-- Portable SQL (H2 and PostgreSQL).
CREATE TABLE movie_version (
    id      INTEGER PRIMARY KEY,
    version BIGINT  NOT NULL
);

INSERT INTO movie_version (id, version) VALUES
    (0, 0), (1, 0), (2, 0), (3, 0), (4, 0), (5, 0), (6, 0), (7, 0),
    (8, 0), (9, 0), (10, 0), (11, 0), (12, 0), (13, 0), (14, 0), (15, 0);
