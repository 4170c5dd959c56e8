import { useCallback, useEffect, useState } from "react";
import { api, errorMessage, type Movie, type MovieInput } from "../api";

export type MoviesState =
  | { status: "loading" }
  | { status: "failed"; message: string }
  | { status: "ready"; movies: Movie[] };

/** Keeps the list where the API would: ordered by year, ties in creation order. */
function insertByYear(movies: Movie[], movie: Movie): Movie[] {
  const index = movies.findIndex((m) => m.year > movie.year);
  return index === -1 ? [...movies, movie] : [...movies.slice(0, index), movie, ...movies.slice(index)];
}

/** The movie list and the changes to it; each change throws the API's error for the caller to show. */
export function useMovies() {
  const [state, setState] = useState<MoviesState>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    api
      .listMovies()
      .then((movies) => current && setState({ status: "ready", movies }))
      .catch((error: unknown) => current && setState({ status: "failed", message: errorMessage(error) }));
    return () => {
      current = false;
    };
  }, [attempt]);

  const reload = useCallback(() => {
    setState({ status: "loading" });
    setAttempt((n) => n + 1);
  }, []);

  const change = useCallback((update: (movies: Movie[]) => Movie[]) => {
    setState((s) => (s.status === "ready" ? { status: "ready", movies: update(s.movies) } : s));
  }, []);

  const add = useCallback(
    async (input: MovieInput) => {
      const created = await api.createMovie(input);
      change((movies) => insertByYear(movies, created));
    },
    [change],
  );

  const replace = useCallback(
    (saved: Movie) => change((movies) => movies.map((m) => (m.id === saved.id ? saved : m))),
    [change],
  );

  const update = useCallback(
    async (id: string, input: MovieInput) => replace(await api.updateMovie(id, input)),
    [replace],
  );

  const rename = useCallback(
    async (id: string, title: string) => replace(await api.renameMovie(id, title)),
    [replace],
  );

  const remove = useCallback(
    async (id: string) => {
      await api.deleteMovie(id);
      change((movies) => movies.filter((m) => m.id !== id));
    },
    [change],
  );

  return { state, reload, add, update, rename, remove };
}
