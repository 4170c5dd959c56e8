import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import { Field } from "../components/Field";
import { useApiForm } from "../hooks/useApiForm";

interface MailLinkPageProps {
  /** The page's heading, and the form's accessible name unless `form` names it. */
  title: string;
  form?: string;
  button: string;
  /** Asks the API to mail the link; the API answers alike whether or not an account has the address. */
  send(email: string): Promise<unknown>;
  /** What the page says once the API answered. */
  sent(email: string): string;
}

/** A page that asks for an address and has the API mail a link to it: a password reset, an activation again. */
export function MailLinkPage({ title, form = title, button, send, sent: sentMessage }: MailLinkPageProps) {
  const [email, setEmail] = useState("");
  const [sent, setSent] = useState(false);
  const { fieldErrors, error, busy, submit: call } = useApiForm();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSent(await call(() => send(email)));
  }

  return (
    <section className="narrow">
      <h1>{title}</h1>
      {sent ? (
        <p role="status">{sentMessage(email)}</p>
      ) : (
        <form aria-label={form} onSubmit={submit} noValidate>
          {error && (
            <p role="alert" className="alert">
              {error}
            </p>
          )}
          <Field
            label="E-mail"
            name="email"
            value={email}
            onChange={setEmail}
            errors={fieldErrors.email}
            autoComplete="email"
          />
          <button type="submit" className="button primary" disabled={busy}>
            {button}
          </button>
        </form>
      )}
      <p>
        <Link to="/login">Back to login</Link>
      </p>
    </section>
  );
}
