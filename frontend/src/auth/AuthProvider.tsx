import { useQuery, useQueryClient } from "@tanstack/react-query";
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { api, onSessionEnded, tokens, type User } from "../api";
import { currentUserQuery } from "./api";

export type AuthState = { status: "checking" } | { status: "anonymous" } | { status: "signed-in"; user: User };

interface Auth {
  state: AuthState;
  login(username: string, password: string): Promise<void>;
  logout(): Promise<void>;
  /** The signed-in user as the API answered a change of their profile. */
  updated(user: User): void;
}

const AuthContext = createContext<Auth | null>(null);

/** Who is signed in: restored from the stored tokens at start, ended when the API refuses them. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>(() =>
    tokens.refresh || tokens.access ? { status: "checking" } : { status: "anonymous" },
  );

  const queryClient = useQueryClient();
  // Another user's cached answers are not shown to the next one who signs in.
  useEffect(
    () =>
      onSessionEnded(() => {
        queryClient.clear();
        setState({ status: "anonymous" });
      }),
    [queryClient],
  );

  const restored = useQuery({ ...currentUserQuery, enabled: state.status === "checking" });
  if (state.status === "checking" && restored.data) setState({ status: "signed-in", user: restored.data });
  if (state.status === "checking" && restored.isError) setState({ status: "anonymous" });

  const login = useCallback(async (username: string, password: string) => {
    await api.login(username, password);
    const user = await api.currentUser();
    setState({ status: "signed-in", user });
  }, []);

  const logout = useCallback(async () => {
    try {
      await api.logout();
    } finally {
      queryClient.clear();
      setState({ status: "anonymous" });
    }
  }, [queryClient]);

  const updated = useCallback((user: User) => setState({ status: "signed-in", user }), []);

  const auth = useMemo(() => ({ state, login, logout, updated }), [state, login, logout, updated]);
  return <AuthContext.Provider value={auth}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error("useAuth needs an AuthProvider above it");
  return auth;
}
