import { Link, useNavigate } from "react-router";
import { useAuth } from "./auth/AuthProvider";

export function Navbar() {
  const { state, logout } = useAuth();
  const navigate = useNavigate();

  async function onLogout() {
    // Signed out locally whatever the API answers; the user lands on the login page.
    await logout().catch(() => undefined);
    navigate("/login");
  }

  return (
    <header className="navbar">
      <nav aria-label="Main">
        <Link to="/" className="brand">
          Home
        </Link>
        <div className="navbar-end">
          {state.status === "signed-in" ? (
            <>
              {state.user.is_staff && <Link to="/users">Users</Link>}
              <span>
                User: <Link to="/account">{state.user.username}</Link>
              </span>
              <button type="button" className="link-button" onClick={onLogout}>
                Logout
              </button>
            </>
          ) : (
            <Link to="/login">Login</Link>
          )}
        </div>
      </nav>
    </header>
  );
}
