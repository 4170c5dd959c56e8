import { useState, type FormEvent } from "react";
import { ApiError, api, errorMessage, type FieldErrors } from "../api";
import { Field } from "../Field";
import { useAuth } from "./AuthProvider";

/** What a form shows after the API answered: its field errors, or one message. */
interface Outcome {
  fieldErrors: FieldErrors;
  error: string | null;
  done: string | null;
}

const NOTHING: Outcome = { fieldErrors: {}, error: null, done: null };

async function submitting(action: () => Promise<string>, show: (outcome: Outcome) => void) {
  show(NOTHING);
  try {
    show({ ...NOTHING, done: await action() });
  } catch (e) {
    if (e instanceof ApiError && Object.keys(e.fieldErrors).length > 0) show({ ...NOTHING, fieldErrors: e.fieldErrors });
    else show({ ...NOTHING, error: errorMessage(e) });
  }
}

function Messages({ outcome }: { outcome: Outcome }) {
  return (
    <>
      {outcome.error && (
        <p role="alert" className="alert">
          {outcome.error}
        </p>
      )}
      {outcome.done && <p role="status">{outcome.done}</p>}
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
  const [profile, setProfile] = useState<Outcome>(NOTHING);
  const [password1, setPassword1] = useState("");
  const [password2, setPassword2] = useState("");
  const [password, setPassword] = useState<Outcome>(NOTHING);
  const [busy, setBusy] = useState(false);

  if (!user) return null;

  async function saveProfile(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    await submitting(async () => {
      updated(await api.updateProfile({ username, first_name: firstName, last_name: lastName }));
      return "Your profile has been saved.";
    }, setProfile);
    setBusy(false);
  }

  async function changePassword(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    await submitting(async () => {
      const answer = await api.changePassword(password1, password2);
      setPassword1("");
      setPassword2("");
      return answer.detail;
    }, setPassword);
    setBusy(false);
  }

  return (
    <section className="narrow" aria-labelledby="account-heading">
      <h1 id="account-heading">Your account</h1>
      <p>
        Signed in as <strong>{user.username}</strong> ({user.email || "no e-mail address"}).
      </p>
      <form aria-label="Profile" onSubmit={saveProfile} noValidate>
        <h2>Profile</h2>
        <Messages outcome={profile} />
        <Field label="Username" name="username" value={username} onChange={setUsername} errors={profile.fieldErrors.username} autoComplete="username" />
        <Field label="First name" name="first_name" value={firstName} onChange={setFirstName} errors={profile.fieldErrors.first_name} autoComplete="given-name" />
        <Field label="Last name" name="last_name" value={lastName} onChange={setLastName} errors={profile.fieldErrors.last_name} autoComplete="family-name" />
        <button type="submit" className="button primary" disabled={busy}>
          Save profile
        </button>
      </form>
      <form aria-label="Password" onSubmit={changePassword} noValidate>
        <h2>Password</h2>
        <Messages outcome={password} />
        <Field label="New password" name="new_password1" type="password" value={password1} onChange={setPassword1} errors={password.fieldErrors.new_password1} autoComplete="new-password" />
        <Field label="New password again" name="new_password2" type="password" value={password2} onChange={setPassword2} errors={password.fieldErrors.new_password2} autoComplete="new-password" />
        <button type="submit" className="button primary" disabled={busy}>
          Change password
        </button>
      </form>
    </section>
  );
}
