import { Link, useLocation } from "react-router";
import { Alert } from "../components/Alert";
import { useAuth } from "./AuthProvider";

/** Asks a user whose password was set at installation (the first admin) to choose their own, until they do. */
export function PasswordChangeBanner() {
  const { state } = useAuth();
  const { pathname } = useLocation();
  if (state.status !== "signed-in" || !state.user.password_change_required) return null;
  return (
    <Alert>
      Your password was set when this site was installed. Choose your own password
      {pathname === "/account" ? (
        " below."
      ) : (
        <>
          {" "}
          on <Link to="/account">your account page</Link>.
        </>
      )}
    </Alert>
  );
}
