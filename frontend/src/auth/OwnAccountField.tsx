import type { FieldErrors } from "../api";
import { Field } from "../components/Field";

const FIELDS = {
  username: { label: "Username", autoComplete: "username" },
  email: { label: "E-mail", autoComplete: "email" },
} as const;

interface OwnAccountFieldProps {
  name: keyof typeof FIELDS;
  value: string;
  onChange(value: string): void;
  errors: FieldErrors;
}

/** The username or address of the person at the keyboard (signing in or up, their account), for the browser to fill. */
export function OwnAccountField({ name, value, onChange, errors }: OwnAccountFieldProps) {
  return <Field {...FIELDS[name]} name={name} value={value} onChange={onChange} errors={errors[name]} />;
}
