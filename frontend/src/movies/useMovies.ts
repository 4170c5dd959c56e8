import { useQuery, useQueryClient } from "@tanstack/react-query";
import { errorMessage, type Movie, type MovieQuery } from "../api";
import { moviesQuery, useMovieChanges } from "./api";

export type MoviesState =
  { status: "loading" } | { status: "failed"; message: string } | { status: "ready"; movies: Movie[]; total: number };

/** One page of the list (see {@link moviesQuery}) and the changes to it ({@link useMovieChanges}). */
export function useMovies(query: MovieQuery) {
  const queryClient = useQueryClient();
  const options = moviesQuery(query);
  const { data, error, isError, isFetching } = useQuery(options);

  let state: MoviesState = { status: "loading" };
  if (isError && !isFetching) state = { status: "failed", message: errorMessage(error) };
  else if (data) state = { status: "ready", movies: data.movies, total: data.total };

  /** Starts over: "Loading movies…" until the API answers again. */
  const reload = () => void queryClient.resetQueries({ queryKey: options.queryKey });

  return { state, reload, ...useMovieChanges() };
}
