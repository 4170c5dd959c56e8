import { QueryClient } from "@tanstack/react-query";

/**
 * The app's cache of the API's answers. A failed call is shown at once (the pages offer "Try again"), and the
 * lists follow the app's own changes (invalidation), not the window's focus.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}
