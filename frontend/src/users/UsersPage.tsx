import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { api, errorMessage, type Account } from "../api";
import { accountKeys, accountsQuery } from "./api";
import { useAuth } from "../auth/AuthProvider";
import { Alert } from "../components/Alert";
import { Field } from "../components/Field";
import { ConfirmDialog } from "../components/ConfirmDialog";
import { Form } from "../components/Form";
import { NameFields, NO_NAME } from "../components/NameFields";
import { NotFoundPage } from "../NotFoundPage";
import { Pager } from "../components/Pager";
import { useApiForm } from "../hooks/useApiForm";
import { SEARCH_DELAY_MS, useDebouncedValue } from "../hooks/useDebouncedValue";

const PAGE_SIZE = 20;

/** `/users` (staff only): search and page through the accounts, create, change, deactivate and delete them. */
export function UsersPage() {
  const { state: auth } = useAuth();
  const [searchText, setSearchText] = useState("");
  const search = useDebouncedValue(searchText.trim(), SEARCH_DELAY_MS);
  const [page, setPage] = useState(1);
  // A new search starts at its first page.
  const [pagedSearch, setPagedSearch] = useState(search);
  if (pagedSearch !== search) {
    setPagedSearch(search);
    setPage(1);
  }
  const [notice, setNotice] = useState<string | null>(null);

  const isStaff = auth.status === "signed-in" && auth.user.is_staff;
  const queryClient = useQueryClient();
  const list = useQuery({
    ...accountsQuery({ search, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
    enabled: isStaff,
  });

  if (!isStaff) return <NotFoundPage />;
  const self = auth.user.pk;
  const refresh = () => void queryClient.invalidateQueries({ queryKey: accountKeys.all });

  return (
    <section aria-labelledby="users-heading">
      <h1 id="users-heading">Users</h1>
      {notice && <p role="status">{notice}</p>}
      <div className="filters">
        <label>
          Search
          <input
            type="search"
            value={searchText}
            onChange={(e) => setSearchText(e.target.value)}
            placeholder="Username, e-mail or name"
          />
        </label>
      </div>
      {list.isPending && <p role="status">Loading users…</p>}
      {list.isError && <Alert>The users could not be loaded: {errorMessage(list.error)}</Alert>}
      {list.isSuccess && (
        <table className="users">
          <thead>
            <tr>
              <th scope="col">Username</th>
              <th scope="col">E-mail</th>
              <th scope="col">Name</th>
              <th scope="col">Status</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {list.data.accounts.map((account) => (
              <AccountRow
                key={account.pk}
                account={account}
                self={account.pk === self}
                onChanged={refresh}
                onNotice={setNotice}
              />
            ))}
          </tbody>
        </table>
      )}
      {list.isSuccess && (
        <Pager
          offset={(page - 1) * PAGE_SIZE}
          shown={list.data.accounts.length}
          total={list.data.total}
          empty="No users match."
          onPrevious={() => setPage(page - 1)}
          onNext={() => setPage(page + 1)}
        />
      )}
      <CreateAccount
        onCreated={(account, mailed) => {
          setNotice(
            mailed
              ? `${account.username} was created and mailed a link to set a password.`
              : `${account.username} was created.`,
          );
          refresh();
        }}
      />
    </section>
  );
}

function AccountRow({
  account,
  self,
  onChanged,
  onNotice,
}: {
  account: Account;
  self: boolean;
  onChanged(): void;
  onNotice(text: string): void;
}) {
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [email, setEmail] = useState(account.email);
  const [names, setNames] = useState({ first_name: account.first_name, last_name: account.last_name });
  const { fieldErrors, error, busy, submit } = useApiForm();
  const name = [account.first_name, account.last_name].filter(Boolean).join(" ");

  async function run(action: () => Promise<unknown>, done?: string) {
    const succeeded = await submit(action);
    if (succeeded) {
      if (done) onNotice(done);
      onChanged();
    }
    return succeeded;
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    if (await run(() => api.changeAccount(account.pk, { email, ...names }))) setEditing(false);
  }

  return (
    <tr aria-label={account.username}>
      <th scope="row">{account.username}</th>
      <td>{account.email}</td>
      <td>{name}</td>
      <td>
        {account.is_active ? "Active" : "Inactive"}
        {account.is_staff && ", staff"}
      </td>
      <td>
        {error && <Alert>{error}</Alert>}
        {editing ? (
          <form aria-label={`Edit ${account.username}`} onSubmit={save} noValidate>
            <Field label="E-mail" name="email" value={email} onChange={setEmail} errors={fieldErrors.email} />
            <NameFields value={names} onChange={setNames} errors={fieldErrors} />
            <div className="actions">
              <button type="submit" className="button primary" disabled={busy}>
                Save
              </button>
              <button type="button" className="button secondary" onClick={() => setEditing(false)}>
                Cancel
              </button>
            </div>
          </form>
        ) : (
          <div className="actions">
            <button type="button" className="button outline" disabled={busy} onClick={() => setEditing(true)}>
              Edit
            </button>
            {!self && (
              <>
                <button
                  type="button"
                  className="button secondary"
                  disabled={busy}
                  onClick={() => run(() => api.changeAccount(account.pk, { is_active: !account.is_active }))}
                >
                  {account.is_active ? "Deactivate" : "Activate"}
                </button>
                <button
                  type="button"
                  className="button secondary"
                  disabled={busy}
                  onClick={() => run(() => api.changeAccount(account.pk, { is_staff: !account.is_staff }))}
                >
                  {account.is_staff ? "Remove staff" : "Make staff"}
                </button>
              </>
            )}
            <button
              type="button"
              className="button info"
              disabled={busy}
              onClick={() =>
                run(() => api.sendPasswordReset(account.pk), `A reset link was mailed to ${account.username}.`)
              }
            >
              Send reset link
            </button>
            {!self && (
              <button type="button" className="button danger" disabled={busy} onClick={() => setConfirming(true)}>
                Delete
              </button>
            )}
          </div>
        )}
        {confirming && (
          <ConfirmDialog
            title="Delete user?"
            message={`${account.username} will be deleted; the movies they added stay.`}
            confirmLabel="Yes, delete"
            onConfirm={() => {
              setConfirming(false);
              void run(() => api.deleteAccount(account.pk), `${account.username} was deleted.`);
            }}
            onCancel={() => setConfirming(false)}
          />
        )}
      </td>
    </tr>
  );
}

function CreateAccount({ onCreated }: { onCreated(account: Account, mailed: boolean): void }) {
  const [username, setUsername] = useState("");
  const [email, setEmail] = useState("");
  const [names, setNames] = useState(NO_NAME);
  const [password, setPassword] = useState("");
  const [staff, setStaff] = useState(false);
  const { fieldErrors, error, busy, submit } = useApiForm();

  async function create() {
    await submit(async () => {
      const account = await api.createAccount({
        username,
        email,
        ...names,
        is_staff: staff,
        password: password === "" ? null : password,
      });
      onCreated(account, password === "");
      for (const clear of [setUsername, setEmail, setPassword]) clear("");
      setNames(NO_NAME);
      setStaff(false);
    });
  }

  return (
    <section aria-labelledby="create-heading">
      <h2 id="create-heading">Create user</h2>
      <Form
        label="Create user"
        error={error}
        busy={busy}
        submitLabel="Create user"
        onSubmit={create}
        className="narrow"
      >
        <Field label="Username" name="username" value={username} onChange={setUsername} errors={fieldErrors.username} />
        <Field label="E-mail" name="email" value={email} onChange={setEmail} errors={fieldErrors.email} />
        <NameFields value={names} onChange={setNames} errors={fieldErrors} />
        <Field
          label="Password (empty: mail a link to set one)"
          name="password"
          type="password"
          value={password}
          onChange={setPassword}
          errors={fieldErrors.password}
          autoComplete="new-password"
        />
        <label className="checkbox">
          <input type="checkbox" checked={staff} onChange={(e) => setStaff(e.target.checked)} /> Staff
        </label>
      </Form>
    </section>
  );
}
