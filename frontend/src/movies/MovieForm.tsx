import { useState, type FormEvent } from "react";
import { ApiError, errorMessage, type FieldErrors, type MovieInput } from "../api";
import { Field } from "../components/Field";

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
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const set = (name: keyof MovieInput) => (value: string) => setValues((v) => ({ ...v, [name]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    setError(null);
    setFieldErrors({});
    try {
      await onSubmit(values);
      if (resetOnSuccess) setValues(EMPTY);
    } catch (e) {
      if (e instanceof ApiError && Object.keys(e.fieldErrors).length > 0) {
        setFieldErrors(e.fieldErrors);
      } else {
        setError(errorMessage(e));
      }
    } finally {
      setSaving(false);
    }
  }

  return (
    <form aria-label={label} onSubmit={submit} noValidate className="movie-form">
      {error && (
        <p role="alert" className="alert">
          {error}
        </p>
      )}
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
        <button type="submit" className="button success" disabled={saving}>
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
