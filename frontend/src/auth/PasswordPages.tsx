import { useState, type FormEvent } from "react";
import { Link, useParams } from "react-router";
import { ApiError, api } from "../api";
import { Field } from "../components/Field";
import { useApiForm } from "../hooks/useApiForm";
import { MailLinkPage } from "./MailLinkPage";

/** `/password/forgot`: asks for the address to mail a link to. */
export function ForgotPasswordPage() {
  return (
    <MailLinkPage
      title="Forgot your password?"
      form="Forgot password"
      button="Mail me a link"
      send={(email) => api.requestPasswordReset(email)}
      sent={(email) =>
        `Check your mail: if an account has the address ${email}, a link to set a new password is on its way.`
      }
    />
  );
}

/** `/password/reset/{uid}/{token}`: the page a reset or welcome mail links to. */
export function ResetPasswordPage() {
  const { uid = "", token = "" } = useParams();
  const [password1, setPassword1] = useState("");
  const [password2, setPassword2] = useState("");
  const [done, setDone] = useState(false);
  const { fieldErrors, error, busy, submit: call } = useApiForm();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(
      await call(async () => {
        try {
          await api.confirmPasswordReset({ uid, token, new_password1: password1, new_password2: password2 });
        } catch (e) {
          // The uid or token of the link, not a field the user can correct.
          if (e instanceof ApiError && (e.fieldErrors.uid || e.fieldErrors.token)) {
            throw new ApiError(400, {
              detail: "This link is not valid any more: it was used, or it is older than three days.",
            });
          }
          throw e;
        }
      }),
    );
  }

  if (done) {
    return (
      <section className="narrow">
        <h1>Set a new password</h1>
        <p role="status">Your new password is set.</p>
        <p>
          <Link to="/login">Log in</Link>
        </p>
      </section>
    );
  }
  return (
    <section className="narrow">
      <h1>Set a new password</h1>
      <form aria-label="Set a new password" onSubmit={submit} noValidate>
        {error && (
          <p role="alert" className="alert">
            {error} <Link to="/password/forgot">Ask for a new link</Link>.
          </p>
        )}
        <Field
          label="New password"
          name="new_password1"
          type="password"
          value={password1}
          onChange={setPassword1}
          errors={fieldErrors.new_password1}
          autoComplete="new-password"
        />
        <Field
          label="New password again"
          name="new_password2"
          type="password"
          value={password2}
          onChange={setPassword2}
          errors={fieldErrors.new_password2}
          autoComplete="new-password"
        />
        <button type="submit" className="button primary" disabled={busy}>
          Set password
        </button>
      </form>
    </section>
  );
}
