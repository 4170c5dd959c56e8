import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { api } from "../api";

/** The accounts' queries: every page under `["accounts"]`, so that one invalidation refreshes them. */
export const accountKeys = {
  all: ["accounts"] as const,
  page: (query: { search: string; limit: number; offset: number }) => [...accountKeys.all, query] as const,
};

/** One page of the accounts that match; the page shown stays while the next one loads. */
export const accountsQuery = (query: { search: string; limit: number; offset: number }) =>
  queryOptions({
    queryKey: accountKeys.page(query),
    queryFn: () => api.listAccounts(query),
    placeholderData: keepPreviousData,
  });
