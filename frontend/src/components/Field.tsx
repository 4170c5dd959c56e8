import { useId } from "react";

interface FieldProps {
  label: string;
  name: string;
  value: string;
  onChange(value: string): void;
  errors?: string[];
  placeholder?: string;
  type?: "text" | "password";
  inputMode?: "numeric";
  autoComplete?: string;
  autoFocus?: boolean;
  multiline?: boolean;
}

/** A labelled input with the API's messages for it underneath, announced with the field. */
export function Field({ label, name, value, onChange, errors, multiline, ...inputProps }: FieldProps) {
  const id = useId();
  const errorId = `${id}-errors`;
  const invalid = Boolean(errors?.length);
  const common = {
    id,
    name,
    value,
    "aria-invalid": invalid || undefined,
    "aria-describedby": invalid ? errorId : undefined,
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea
          {...common}
          rows={3}
          placeholder={inputProps.placeholder}
          onChange={(e) => onChange(e.target.value)}
        />
      ) : (
        <input
          {...common}
          {...inputProps}
          type={inputProps.type ?? "text"}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
      {invalid && (
        <div id={errorId} className="field-error">
          {errors?.map((message) => (
            <p key={message}>{message}</p>
          ))}
        </div>
      )}
    </div>
  );
}
