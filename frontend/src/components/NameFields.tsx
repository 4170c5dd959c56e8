import type { Dispatch, SetStateAction } from "react";
import type { FieldErrors } from "../api";
import { Field } from "./Field";

/** A person's name, in the API's fields. */
export interface PersonName {
  first_name: string;
  last_name: string;
}

export const NO_NAME: PersonName = { first_name: "", last_name: "" };

const FIELDS = [
  { name: "first_name", label: "First name", autoComplete: "given-name" },
  { name: "last_name", label: "Last name", autoComplete: "family-name" },
] as const;

interface NameFieldsProps {
  value: PersonName;
  onChange: Dispatch<SetStateAction<PersonName>>;
  errors: FieldErrors;
  /** The signed-in user's own name, which the browser may fill in (not when staff edit someone else's). */
  own?: boolean;
}

/** First name and last name, each with the API's messages for it. */
export function NameFields({ value, onChange, errors, own }: NameFieldsProps) {
  return FIELDS.map(({ name, label, autoComplete }) => (
    <Field
      key={name}
      label={label}
      name={name}
      value={value[name]}
      onChange={(text) => onChange((current) => ({ ...current, [name]: text }))}
      errors={errors[name]}
      autoComplete={own ? autoComplete : undefined}
    />
  ));
}
