import { MovieForm } from "./MovieForm";
import { MovieItem } from "./MovieItem";
import { useMovies } from "./useMovies";

export function DashboardPage() {
  const { state, reload, add, update, rename, remove } = useMovies();

  return (
    <>
      <section aria-labelledby="favorites-heading">
        <h1 id="favorites-heading">
          My favorite movies
          <span aria-hidden="true" className="heart">
            ❤️
          </span>
        </h1>
        {state.status === "loading" && <p role="status">Loading movies…</p>}
        {state.status === "failed" && (
          <div role="alert" className="alert">
            <p>The movies could not be loaded: {state.message}</p>
            <button type="button" className="button secondary" onClick={reload}>
              Try again
            </button>
          </div>
        )}
        {state.status === "ready" && state.movies.length === 0 && <p>No movies yet. Add your first one below.</p>}
        {state.status === "ready" && state.movies.length > 0 && (
          <ul className="movies">
            {state.movies.map((movie) => (
              <MovieItem key={movie.id} movie={movie} onUpdate={update} onRename={rename} onDelete={remove} />
            ))}
          </ul>
        )}
      </section>
      {/* Shown once the list is there, so the list does not push it down while the page settles. */}
      {state.status !== "loading" && (
        <section aria-labelledby="add-heading">
          <h2 id="add-heading">Add new movie</h2>
          <MovieForm label="Add new movie" submitLabel="Add movie" onSubmit={add} resetOnSuccess />
        </section>
      )}
    </>
  );
}
