-- The movies' change counter: every movie write (create, update, delete) increments it in its own transaction,
-- so a replica that cached a response at version N knows it is current while the counter still reads N,
-- whichever replica wrote (MovieService). Portable SQL (H2 and PostgreSQL).
CREATE TABLE movie_version (
    id      INTEGER PRIMARY KEY,
    version BIGINT  NOT NULL
);

INSERT INTO movie_version (id, version) VALUES (1, 0);
