import { useState, type FormEvent } from "react";
import { api } from "../api";
import { Field } from "../components/Field";
import { useApiForm } from "../hooks/useApiForm";
import { useAuth } from "./AuthProvider";

function Messages({ error, done }: { error: string | null; done: string | null }) {
  return (
    <>
      {error && (
        <p role="alert" className="alert">
          {error}
        </p>
      )}
      {done && <p role="status">{done}</p>}
    </>
  );
}

/** `/account`: the signed-in user's profile and password. */
export function AccountPage() {
  const { state, updated } = useAuth();
  const user = state.status === "signed-in" ? state.user : null;
  const [username, setUsername] = useState(user?.username ?? "");
  const [firstName, setFirstName] = useState(user?.first_name ?? "");
  const [lastName, setLastName] = useState(user?.last_name ?? "");
  const profile = useApiForm();
  const [profileSaved, setProfileSaved] = useState(false);
  const [password1, setPassword1] = useState("");
  const [password2, setPassword2] = useState("");
  const password = useApiForm();
  const [passwordSaved, setPasswordSaved] = useState<string | null>(null);

  if (!user) return null;

  async function saveProfile(event: FormEvent) {
    event.preventDefault();
    setProfileSaved(false);
    setProfileSaved(
      await profile.submit(async () =>
        updated(await api.updateProfile({ username, first_name: firstName, last_name: lastName })),
      ),
    );
  }

  async function changePassword(event: FormEvent) {
    event.preventDefault();
    setPasswordSaved(null);
    await password.submit(async () => {
      const answer = await api.changePassword(password1, password2);
      setPassword1("");
      setPassword2("");
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
      <form aria-label="Profile" onSubmit={saveProfile} noValidate>
        <h2>Profile</h2>
        <Messages error={profile.error} done={profileSaved ? "Your profile has been saved." : null} />
        <Field
          label="Username"
          name="username"
          value={username}
          onChange={setUsername}
          errors={profile.fieldErrors.username}
          autoComplete="username"
        />
        <Field
          label="First name"
          name="first_name"
          value={firstName}
          onChange={setFirstName}
          errors={profile.fieldErrors.first_name}
          autoComplete="given-name"
        />
        <Field
          label="Last name"
          name="last_name"
          value={lastName}
          onChange={setLastName}
          errors={profile.fieldErrors.last_name}
          autoComplete="family-name"
        />
        <button type="submit" className="button primary" disabled={profile.busy}>
          Save profile
        </button>
      </form>
      <form aria-label="Password" onSubmit={changePassword} noValidate>
        <h2>Password</h2>
        <Messages error={password.error} done={passwordSaved} />
        <Field
          label="New password"
          name="new_password1"
          type="password"
          value={password1}
          onChange={setPassword1}
          errors={password.fieldErrors.new_password1}
          autoComplete="new-password"
        />
        <Field
          label="New password again"
          name="new_password2"
          type="password"
          value={password2}
          onChange={setPassword2}
          errors={password.fieldErrors.new_password2}
          autoComplete="new-password"
        />
        <button type="submit" className="button primary" disabled={password.busy}>
          Change password
        </button>
      </form>
    </section>
  );
}
