import { useState } from "react";
import { Link } from "react-router";
import { Form } from "../components/Form";
import { useApiForm } from "../hooks/useApiForm";
import { OwnAccountField } from "./OwnAccountField";

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
  const { fieldErrors, error, busy, submit } = useApiForm();

  return (
    <section className="narrow">
      <h1>{title}</h1>
      {sent ? (
        <p role="status">{sentMessage(email)}</p>
      ) : (
        <Form
          label={form}
          error={error}
          busy={busy}
          submitLabel={button}
          onSubmit={async () => setSent(await submit(() => send(email)))}
        >
          <OwnAccountField name="email" value={email} onChange={setEmail} errors={fieldErrors} />
        </Form>
      )}
      <p>
        <Link to="/login">Back to login</Link>
      </p>
    </section>
  );
}
