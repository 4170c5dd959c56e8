import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { ApiError, api, errorMessage } from "../api";
import { Alert } from "../components/Alert";
import { Form } from "../components/Form";
import { useApiForm } from "../hooks/useApiForm";
import { signUpAvailableQuery } from "./api";
import { MailLinkPage } from "./MailLinkPage";
import { NewPasswordFields } from "./NewPasswordFields";
import { OwnAccountField } from "./OwnAccountField";

/** Whether the site lets people sign up: null while the API is asked. */
function useSignUpAvailable(): { available: boolean | null; error: string | null } {
  const { data, error } = useQuery(signUpAvailableQuery);
  return { available: data ?? null, error: error ? errorMessage(error) : null };
}

/** `/sign-up`: a new account, activated from the link of the mail it gets. */
export function SignUpPage() {
  const { available, error: availabilityError } = useSignUpAvailable();
  const [username, setUsername] = useState("");
  const [email, setEmail] = useState("");
  const [passwords, setPasswords] = useState({ password1: "", password2: "" });
  const [sent, setSent] = useState(false);
  const { fieldErrors, error, busy, submit } = useApiForm();

  if (sent) return <CheckYourMail email={email} />;
  return (
    <section className="narrow">
      <h1>Sign up</h1>
      {availabilityError && <Alert>{availabilityError}</Alert>}
      {available === false && (
        <p role="status">This site does not take sign-ups. Ask a staff member to create an account for you.</p>
      )}
      {available && (
        <Form
          label="Sign up"
          error={error}
          busy={busy}
          submitLabel="Sign up"
          onSubmit={async () => setSent(await submit(() => api.register({ username, email, ...passwords })))}
        >
          <OwnAccountField name="username" value={username} onChange={setUsername} errors={fieldErrors} />
          <OwnAccountField name="email" value={email} onChange={setEmail} errors={fieldErrors} />
          <NewPasswordFields
            name="password"
            label="Password"
            value={passwords}
            onChange={setPasswords}
            errors={fieldErrors}
          />
        </Form>
      )}
      <p>
        Already have an account? <Link to="/login">Log in</Link>
      </p>
    </section>
  );
}

/** After signing up: where the activation link went, and a way to have it sent again. */
function CheckYourMail({ email }: { email: string }) {
  return (
    <section className="narrow">
      <h1>Check your mail</h1>
      <p role="status">{`We sent a link to ${email}. Follow it to activate your account, then log in.`}</p>
      <p>
        No mail? <Link to="/sign-up/resend">Send the link again</Link>
      </p>
    </section>
  );
}

/** `/sign-up/resend`: mails the activation link again. */
export function ResendActivationPage() {
  return (
    <MailLinkPage
      title="Send the activation link again"
      button="Send the link"
      send={(email) => api.resendVerification(email)}
      sent={(email) =>
        `If an account waiting for activation has the address ${email}, a new link is on its way. Links go out at most every few minutes.`
      }
    />
  );
}

/**
 * `/sign-up/verify/{key}`: the page an activation mail links to. Activation waits for a click, so that a mail
 * scanner opening the link activates nothing.
 */
export function VerifyEmailPage() {
  const { key = "" } = useParams();
  const [done, setDone] = useState(false);
  const [invalid, setInvalid] = useState(false);
  const { error, busy, submit } = useApiForm();

  async function activate() {
    setDone(
      await submit(async () => {
        try {
          await api.verifyEmail(key);
        } catch (e) {
          if (e instanceof ApiError && e.status === 404) setInvalid(true);
          throw e;
        }
      }),
    );
  }

  return (
    <section className="narrow">
      <h1>Activate your account</h1>
      {done ? (
        <>
          <p role="status">Your account is active.</p>
          <p>
            <Link to="/login">Log in</Link>
          </p>
        </>
      ) : invalid ? (
        <Alert>
          This link is not valid: it was used already, or it is older than three days.{" "}
          <Link to="/sign-up/resend">Send a new link</Link>.
        </Alert>
      ) : (
        <Form
          label="Activate your account"
          error={error}
          busy={busy}
          submitLabel="Activate my account"
          onSubmit={activate}
        />
      )}
    </section>
  );
}
