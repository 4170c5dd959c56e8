import { useState, type FormEvent } from "react";
import { Link, Navigate, useLocation, useNavigate } from "react-router";
import { ApiError, errorMessage, type FieldErrors } from "../api";
import { Field } from "../components/Field";
import { useAuth } from "./AuthProvider";

export function LoginPage() {
  const { state, login } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from ?? "/dashboard";

  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  if (state.status === "signed-in" && !submitting) {
    return <Navigate to={from} replace />;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitting(true);
    setError(null);
    setFieldErrors({});
    try {
      await login(username, password);
      navigate(from, { replace: true });
    } catch (e) {
      setSubmitting(false);
      if (e instanceof ApiError && Object.keys(e.fieldErrors).length > 0) {
        setFieldErrors(e.fieldErrors);
      } else {
        setError(errorMessage(e));
      }
    }
  }

  return (
    <section className="narrow">
      <h1>Login</h1>
      <form aria-label="Login" onSubmit={submit} noValidate>
        {error && (
          <p role="alert" className="alert">
            {error}
          </p>
        )}
        <Field
          label="Username"
          name="username"
          value={username}
          onChange={setUsername}
          errors={fieldErrors.username}
          autoComplete="username"
        />
        <Field
          label="Password"
          name="password"
          type="password"
          value={password}
          onChange={setPassword}
          errors={fieldErrors.password}
          autoComplete="current-password"
        />
        <button type="submit" className="button primary" disabled={submitting}>
          Login
        </button>
      </form>
      <p>
        <Link to="/password/forgot">Forgot your password?</Link>
      </p>
      <p>
        No account yet? <Link to="/sign-up">Sign up</Link>
      </p>
    </section>
  );
}
