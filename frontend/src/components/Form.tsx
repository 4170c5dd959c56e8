import type { FormEvent, ReactNode } from "react";
import { Alert } from "./Alert";

interface FormProps {
  /** The form's accessible name. */
  label: string;
  /** A heading inside the form, for forms one under the other. */
  heading?: string;
  /** What went wrong with the whole form; each field shows its own messages. */
  error: ReactNode;
  /** What the last submit achieved. */
  status?: string | null;
  /** While the call runs, the submit button waits. */
  busy: boolean;
  submitLabel: string;
  onSubmit(): void;
  className?: string;
  children?: ReactNode;
}

/** A form the API validates (not the browser): its messages above the fields, one submit button below them. */
export function Form({ label, heading, error, status, busy, submitLabel, onSubmit, className, children }: FormProps) {
  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit();
  }

  return (
    <form aria-label={label} onSubmit={submit} noValidate className={className}>
      {heading && <h2>{heading}</h2>}
      {error && <Alert>{error}</Alert>}
      {status && <p role="status">{status}</p>}
      {children}
      <button type="submit" className="button primary" disabled={busy}>
        {submitLabel}
      </button>
    </form>
  );
}
