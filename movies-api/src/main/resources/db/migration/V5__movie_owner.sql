-- Who created each movie and who last changed it (movie.MovieService's ownership rule: only the creator or staff
-- change a movie). Movies from before this, the demo data and imports have none; deleting a user keeps the movies
-- and forgets the user. Portable SQL: runs unchanged on H2 and PostgreSQL.
ALTER TABLE movie ADD COLUMN created_by BIGINT REFERENCES app_user (id) ON DELETE SET NULL;
ALTER TABLE movie ADD COLUMN modified_by BIGINT REFERENCES app_user (id) ON DELETE SET NULL;

CREATE INDEX movie_created_by ON movie (created_by);
