import { keepPreviousData, queryOptions, useMutation, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { api, type Movie, type MovieInput, type MoviePage, type MovieQuery } from "../api";

/** The movies' queries: the lists under `["movies", "list"]`, each movie under `["movie", id]`. */
export const movieKeys = {
  lists: ["movies", "list"] as const,
  list: (query: MovieQuery) => [...movieKeys.lists, query] as const,
  one: (id: string) => ["movie", id] as const,
};

/** One page of the list as the API filters, orders and pages it; the page shown stays while the next one loads. */
export const moviesQuery = (query: MovieQuery) =>
  queryOptions({
    queryKey: movieKeys.list(query),
    queryFn: () => api.listMovies(query),
    placeholderData: keepPreviousData,
  });

export const movieQuery = (id: string) =>
  queryOptions({ queryKey: movieKeys.one(id), queryFn: () => api.getMovie(id) });

/** A changed movie replaces its old self in every list and in its own query, without asking the API again. */
function replace(queryClient: QueryClient, saved: Movie): void {
  queryClient.setQueriesData<MoviePage>(
    { queryKey: movieKeys.lists },
    (page) => page && { ...page, movies: page.movies.map((m) => (m.id === saved.id ? saved : m)) },
  );
  queryClient.setQueryData(movieKeys.one(saved.id), saved);
}

/**
 * The changes to movies; each throws the API's error for the caller to show. After an addition or a deletion the
 * lists are fetched again, so they stay the API's pages; a change replaces the movie in place.
 */
export function useMovieChanges() {
  const queryClient = useQueryClient();
  const refetchLists = () => void queryClient.invalidateQueries({ queryKey: movieKeys.lists });
  const add = useMutation({ mutationFn: (input: MovieInput) => api.createMovie(input), onSuccess: refetchLists });
  const update = useMutation({
    mutationFn: ({ id, input }: { id: string; input: MovieInput }) => api.updateMovie(id, input),
    onSuccess: (saved) => replace(queryClient, saved),
  });
  const rename = useMutation({
    mutationFn: ({ id, title }: { id: string; title: string }) => api.renameMovie(id, title),
    onSuccess: (saved) => replace(queryClient, saved),
  });
  const remove = useMutation({
    mutationFn: (id: string) => api.deleteMovie(id),
    onSuccess: (_, id) => {
      queryClient.removeQueries({ queryKey: movieKeys.one(id) });
      refetchLists();
    },
  });
  return {
    add: async (input: MovieInput) => void (await add.mutateAsync(input)),
    update: async (id: string, input: MovieInput) => void (await update.mutateAsync({ id, input })),
    rename: async (id: string, title: string) => void (await rename.mutateAsync({ id, title })),
    remove: (id: string) => remove.mutateAsync(id),
  };
}
