import type { Dispatch, SetStateAction } from "react";
import type { FieldErrors } from "../api";
import { Field } from "../components/Field";

/** The two fields' values under the API's names, e.g. `{ new_password1, new_password2 }`. */
export type NewPasswords<Name extends string> = Record<`${Name}1` | `${Name}2`, string>;

interface NewPasswordFieldsProps<Name extends string> {
  /** The API's name of the fields without their 1 and 2: `password` or `new_password`. */
  name: Name;
  /** The first field's label; the second one's is it "again". */
  label: string;
  value: NewPasswords<Name>;
  onChange: Dispatch<SetStateAction<NewPasswords<Name>>>;
  errors: FieldErrors;
}

/** A new password typed twice; the API says when the two differ. */
export function NewPasswordFields<Name extends string>({
  name,
  label,
  value,
  onChange,
  errors,
}: NewPasswordFieldsProps<Name>) {
  const fields = [
    { key: `${name}1` as const, label },
    { key: `${name}2` as const, label: `${label} again` },
  ];
  return fields.map(({ key, label }) => (
    <Field
      key={key}
      label={label}
      name={key}
      type="password"
      value={value[key]}
      onChange={(text) => onChange((current) => ({ ...current, [key]: text }))}
      errors={errors[key]}
      autoComplete="new-password"
    />
  ));
}
