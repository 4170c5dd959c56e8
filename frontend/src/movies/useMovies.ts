import { useCallback, useEffect, useState } from "react";
import { api, errorMessage, type Movie, type MovieInput, type MovieQuery } from "../api";

export type MoviesState =
  { status: "loading" } | { status: "failed"; message: string } | { status: "ready"; movies: Movie[]; total: number };

/**
 * One page of the list as the API filters, orders and pages it, and the changes to it; each change throws the
 * API's error for the caller to show. After an addition or a deletion the page is fetched again, so it stays the
 * API's page; a change replaces the movie in place.
 */
export function useMovies(query: MovieQuery) {
  const [state, setState] = useState<MoviesState>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);
  const key = JSON.stringify(query);

  useEffect(() => {
    let current = true;
    api
      .listMovies(JSON.parse(key) as MovieQuery)
      .then((page) => current && setState({ status: "ready", movies: page.movies, total: page.total }))
      .catch((error: unknown) => current && setState({ status: "failed", message: errorMessage(error) }));
    return () => {
      current = false;
    };
  }, [key, attempt]);

  const reload = useCallback(() => {
    setState({ status: "loading" });
    setAttempt((n) => n + 1);
  }, []);

  const refetch = useCallback(() => setAttempt((n) => n + 1), []);

  const replace = useCallback(
    (saved: Movie) =>
      setState((s) =>
        s.status === "ready" ? { ...s, movies: s.movies.map((m) => (m.id === saved.id ? saved : m)) } : s,
      ),
    [],
  );

  const add = useCallback(
    async (input: MovieInput) => {
      await api.createMovie(input);
      refetch();
    },
    [refetch],
  );

  const update = useCallback(
    async (id: string, input: MovieInput) => replace(await api.updateMovie(id, input)),
    [replace],
  );

  const rename = useCallback(async (id: string, title: string) => replace(await api.renameMovie(id, title)), [replace]);

  const remove = useCallback(
    async (id: string) => {
      await api.deleteMovie(id);
      refetch();
    },
    [refetch],
  );

  return { state, reload, add, update, rename, remove };
}
