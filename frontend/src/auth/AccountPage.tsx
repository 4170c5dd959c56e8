import { useState } from "react";
import { api } from "../api";
import { Form } from "../components/Form";
import { NameFields } from "../components/NameFields";
import { useApiForm } from "../hooks/useApiForm";
import { useAuth } from "./AuthProvider";
import { NewPasswordFields } from "./NewPasswordFields";
import { OwnAccountField } from "./OwnAccountField";

const NO_PASSWORDS = { new_password1: "", new_password2: "" };

/** `/account`: the signed-in user's profile and password. */
export function AccountPage() {
  const { state, updated } = useAuth();
  const user = state.status === "signed-in" ? state.user : null;
  const [username, setUsername] = useState(user?.username ?? "");
  const [names, setNames] = useState({ first_name: user?.first_name ?? "", last_name: user?.last_name ?? "" });
  const profile = useApiForm();
  const [profileSaved, setProfileSaved] = useState(false);
  const [passwords, setPasswords] = useState(NO_PASSWORDS);
  const password = useApiForm();
  const [passwordSaved, setPasswordSaved] = useState<string | null>(null);

  if (!user) return null;

  async function saveProfile() {
    setProfileSaved(false);
    setProfileSaved(await profile.submit(async () => updated(await api.updateProfile({ username, ...names }))));
  }

  async function changePassword() {
    setPasswordSaved(null);
    await password.submit(async () => {
      const answer = await api.changePassword(passwords);
      setPasswords(NO_PASSWORDS);
      setPasswordSaved(`${answer.detail} Your other sessions have been signed out.`);
      updated(await api.currentUser());
    });
  }

  return (
    <section className="narrow" aria-labelledby="account-heading">
      <h1 id="account-heading">Your account</h1>
      <p>
        Signed in as <strong>{user.username}</strong> ({user.email || "no e-mail address"}).
      </p>
      <Form
        label="Profile"
        heading="Profile"
        error={profile.error}
        status={profileSaved ? "Your profile has been saved." : null}
        busy={profile.busy}
        submitLabel="Save profile"
        onSubmit={saveProfile}
      >
        <OwnAccountField name="username" value={username} onChange={setUsername} errors={profile.fieldErrors} />
        <NameFields value={names} onChange={setNames} errors={profile.fieldErrors} own />
      </Form>
      <Form
        label="Password"
        heading="Password"
        error={password.error}
        status={passwordSaved}
        busy={password.busy}
        submitLabel="Change password"
        onSubmit={changePassword}
      >
        <NewPasswordFields
          name="new_password"
          label="New password"
          value={passwords}
          onChange={setPasswords}
          errors={password.fieldErrors}
        />
      </Form>
    </section>
  );
}
