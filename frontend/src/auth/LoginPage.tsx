import { useState } from "react";
import { Link, Navigate, useLocation } from "react-router";
import { Field } from "../components/Field";
import { Form } from "../components/Form";
import { useApiForm } from "../hooks/useApiForm";
import { useAuth } from "./AuthProvider";
import { OwnAccountField } from "./OwnAccountField";

export function LoginPage() {
  const { state, login } = useAuth();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from ?? "/dashboard";

  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const { fieldErrors, error, busy, submit } = useApiForm();

  // Signed in, by this form or before: on to the page that asked for it.
  if (state.status === "signed-in") return <Navigate to={from} replace />;

  return (
    <section className="narrow">
      <h1>Login</h1>
      <Form
        label="Login"
        error={error}
        busy={busy}
        submitLabel="Login"
        onSubmit={() => submit(() => login(username, password))}
      >
        <OwnAccountField name="username" value={username} onChange={setUsername} errors={fieldErrors} />
        <Field
          label="Password"
          name="password"
          type="password"
          value={password}
          onChange={setPassword}
          errors={fieldErrors.password}
          autoComplete="current-password"
        />
      </Form>
      <p>
        <Link to="/password/forgot">Forgot your password?</Link>
      </p>
      <p>
        No account yet? <Link to="/sign-up">Sign up</Link>
      </p>
    </section>
  );
}
