import { useQuery } from "@tanstack/react-query";
import { useNavigate, useParams } from "react-router";
import { ApiError, errorMessage, type Movie } from "../api";
import { useAuth } from "../auth/AuthProvider";
import { Alert } from "../components/Alert";
import { NotFoundPage } from "../NotFoundPage";
import { movieQuery, useMovieChanges } from "./api";
import { MovieItem } from "./MovieItem";

type PageState =
  | { status: "loading" }
  | { status: "missing" }
  | { status: "failed"; message: string }
  | { status: "ready"; movie: Movie };

/** `/movies/{id}`: one movie, with edit and delete where the API allows them. */
export function MoviePage() {
  const { id = "" } = useParams();
  const { state: auth } = useAuth();
  const navigate = useNavigate();
  const { data, error } = useQuery(movieQuery(id));
  const { update, rename, remove } = useMovieChanges();

  let state: PageState = { status: "loading" };
  if (data) state = { status: "ready", movie: data };
  else if (error instanceof ApiError && error.status === 404) state = { status: "missing" };
  else if (error) state = { status: "failed", message: errorMessage(error) };

  if (state.status === "missing") return <NotFoundPage what="movie" />;
  return (
    <section aria-labelledby="movie-heading">
      <h1 id="movie-heading">{state.status === "ready" ? state.movie.title : "Movie"}</h1>
      {state.status === "loading" && <p role="status">Loading the movie…</p>}
      {state.status === "failed" && <Alert>The movie could not be loaded: {state.message}</Alert>}
      {state.status === "ready" && (
        <ul className="movies">
          <MovieItem
            movie={state.movie}
            user={auth.status === "signed-in" ? auth.user : null}
            onUpdate={update}
            onRename={rename}
            onDelete={async (movieId: string) => {
              await remove(movieId);
              navigate("/dashboard");
            }}
          />
        </ul>
      )}
    </section>
  );
}
