import { useState, type FormEvent } from "react";
import type { MovieInput } from "../api";
import { Alert } from "../components/Alert";
import { Field } from "../components/Field";
import { useApiForm } from "../hooks/useApiForm";

interface MovieFormProps {
  /** The form's accessible name, e.g. "Add new movie" or "Edit Inception". */
  label: string;
  initial?: MovieInput;
  submitLabel: string;
  onSubmit(input: MovieInput): Promise<void>;
  onCancel?(): void;
  /** Empty the fields after a successful submit (the add form). */
  resetOnSuccess?: boolean;
  /** Start in the Title field (editing in place, opened by a button). */
  focusTitle?: boolean;
}

const EMPTY: MovieInput = { title: "", year: "", description: "" };

/** Title, Year and Storyline; the API validates and its messages appear under the fields. */
export function MovieForm({
  label,
  initial = EMPTY,
  submitLabel,
  onSubmit,
  onCancel,
  resetOnSuccess,
  focusTitle,
}: MovieFormProps) {
  const [values, setValues] = useState<MovieInput>(initial);
  const { fieldErrors, error, busy, submit: call } = useApiForm();

  const set = (name: keyof MovieInput) => (value: string) => setValues((v) => ({ ...v, [name]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if ((await call(() => onSubmit(values))) && resetOnSuccess) setValues(EMPTY);
  }

  return (
    <form aria-label={label} onSubmit={submit} noValidate className="movie-form">
      {error && <Alert>{error}</Alert>}
      <Field
        label="Title"
        name="title"
        value={values.title}
        onChange={set("title")}
        errors={fieldErrors.title}
        placeholder="Enter movie title"
        autoFocus={focusTitle}
      />
      <Field
        label="Year"
        name="year"
        value={values.year}
        onChange={set("year")}
        errors={fieldErrors.year}
        placeholder="Enter release year"
        inputMode="numeric"
      />
      <Field
        label="Storyline"
        name="description"
        value={values.description}
        onChange={set("description")}
        errors={fieldErrors.description}
        placeholder="Enter movie description."
        multiline
      />
      <div className="actions">
        <button type="submit" className="button success" disabled={busy}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button secondary" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
