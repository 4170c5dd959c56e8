import { useState } from "react";
import { Link, useParams } from "react-router";
import { ApiError, api } from "../api";
import { Form } from "../components/Form";
import { useApiForm } from "../hooks/useApiForm";
import { MailLinkPage } from "./MailLinkPage";
import { NewPasswordFields } from "./NewPasswordFields";

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
  const [passwords, setPasswords] = useState({ new_password1: "", new_password2: "" });
  const [done, setDone] = useState(false);
  const { fieldErrors, error, busy, submit } = useApiForm();

  async function setPassword() {
    setDone(
      await submit(async () => {
        try {
          await api.confirmPasswordReset({ uid, token, ...passwords });
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
      <Form
        label="Set a new password"
        error={
          error && (
            <>
              {error} <Link to="/password/forgot">Ask for a new link</Link>.
            </>
          )
        }
        busy={busy}
        submitLabel="Set password"
        onSubmit={setPassword}
      >
        <NewPasswordFields
          name="new_password"
          label="New password"
          value={passwords}
          onChange={setPasswords}
          errors={fieldErrors}
        />
      </Form>
    </section>
  );
}
