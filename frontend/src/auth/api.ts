import { queryOptions } from "@tanstack/react-query";
import { api } from "../api";

/** Who the stored tokens belong to: asked once when the app starts with tokens. */
export const currentUserQuery = queryOptions({ queryKey: ["auth", "user"], queryFn: () => api.currentUser() });

/** Whether this site lets people sign up (see {@link api.signUpAvailable}). */
export const signUpAvailableQuery = queryOptions({
  queryKey: ["auth", "sign-up-available"],
  queryFn: () => api.signUpAvailable(),
});
