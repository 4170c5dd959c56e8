import { useEffect, useState } from "react";
import { useNavigate, useParams } from "react-router";
import { ApiError, api, errorMessage, type Movie, type MovieInput } from "../api";
import { useAuth } from "../auth/AuthProvider";
import { NotFoundPage } from "../NotFoundPage";
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
  const [state, setState] = useState<PageState>({ status: "loading" });

  useEffect(() => {
    let current = true;
    api
      .getMovie(id)
      .then((movie) => current && setState({ status: "ready", movie }))
      .catch((error: unknown) => {
        if (!current) return;
        setState(
          error instanceof ApiError && error.status === 404
            ? { status: "missing" }
            : { status: "failed", message: errorMessage(error) },
        );
      });
    return () => {
      current = false;
    };
  }, [id]);

  if (state.status === "missing") return <NotFoundPage what="movie" />;
  return (
    <section aria-labelledby="movie-heading">
      <h1 id="movie-heading">{state.status === "ready" ? state.movie.title : "Movie"}</h1>
      {state.status === "loading" && <p role="status">Loading the movie…</p>}
      {state.status === "failed" && (
        <p role="alert" className="alert">
          The movie could not be loaded: {state.message}
        </p>
      )}
      {state.status === "ready" && (
        <ul className="movies">
          <MovieItem
            movie={state.movie}
            user={auth.status === "signed-in" ? auth.user : null}
            onUpdate={async (movieId: string, input: MovieInput) =>
              setState({ status: "ready", movie: await api.updateMovie(movieId, input) })
            }
            onRename={async (movieId: string, title: string) =>
              setState({ status: "ready", movie: await api.renameMovie(movieId, title) })
            }
            onDelete={async (movieId: string) => {
              await api.deleteMovie(movieId);
              navigate("/dashboard");
            }}
          />
        </ul>
      )}
    </section>
  );
}
