import { Navigate, Outlet, useLocation } from "react-router";
import { useAuth } from "./AuthProvider";

/** The layout route of the signed-in pages: shows them to a signed-in user; sends anyone else to the login page, which sends them back. */
export function RequireAuth() {
  const { state } = useAuth();
  const location = useLocation();
  if (state.status === "checking") {
    return <p role="status">Loading…</p>;
  }
  if (state.status === "anonymous") {
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  }
  return <Outlet />;
}
