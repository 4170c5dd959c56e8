import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeApi, newAccount } from "../test/fakeApi";
import { renderApp } from "../test/renderApp";

describe("users (staff)", () => {
  it("is linked from the navigation for staff only", async () => {
    fakeApi().signIn();
    renderApp("/dashboard");
    expect(await screen.findByRole("link", { name: "Users" })).toBeInTheDocument();
  });

  it("is not there for other users", async () => {
    fakeApi([], { username: "ann", is_staff: false }).signIn();
    renderApp("/users");
    expect(await screen.findByRole("heading", { name: "Page not found" })).toBeInTheDocument();
    expect(screen.queryByRole("link", { name: "Users" })).toBeNull();
  });

  it("searches the accounts, and creates one that is mailed a link to set its password", async () => {
    const server = fakeApi();
    server.accounts.push(newAccount(2, "bob", "bob@example.com"), newAccount(3, "carol", "carol@example.com"));
    server.signIn();
    const { user, fill } = renderApp("/users");
    expect(await screen.findByRole("row", { name: "bob" })).toBeInTheDocument();

    await user.type(screen.getByRole("searchbox", { name: "Search" }), "car");
    await waitFor(() => expect(screen.queryByRole("row", { name: "bob" })).toBeNull());
    expect(screen.getByRole("row", { name: "carol" })).toBeInTheDocument();

    const form = screen.getByRole("form", { name: "Create user" });
    await fill(form, { Username: "dave", "E-mail": "dave@example.com" });
    await user.click(within(form).getByRole("button", { name: "Create user" }));
    expect(await screen.findByText("dave was created and mailed a link to set a password.")).toBeInTheDocument();
    expect(server.callsTo("POST", "/api/v1/users")[0].body).toMatchObject({ username: "dave", password: null });

    await fill(form, { Username: "bob", "E-mail": "b2@example.com" });
    await user.click(within(form).getByRole("button", { name: "Create user" }));
    expect(await within(form).findByText("A user with that username already exists.")).toBeInTheDocument();
  });

  it("deactivates, edits and deletes an account, but offers none of that for oneself", async () => {
    const server = fakeApi();
    server.accounts.push(newAccount(2, "bob", "bob@example.com"));
    server.signIn();
    const { user, fill } = renderApp("/users");
    const self = await screen.findByRole("row", { name: "admin" });
    expect(within(self).queryByRole("button", { name: "Deactivate" })).toBeNull();
    expect(within(self).queryByRole("button", { name: "Delete" })).toBeNull();

    await user.click(within(screen.getByRole("row", { name: "bob" })).getByRole("button", { name: "Deactivate" }));
    await waitFor(() => expect(screen.getByRole("row", { name: "bob" })).toHaveTextContent("Inactive"));

    await user.click(within(screen.getByRole("row", { name: "bob" })).getByRole("button", { name: "Edit" }));
    const edit = screen.getByRole("form", { name: "Edit bob" });
    await fill(edit, { "First name": "Bob" });
    await user.click(within(edit).getByRole("button", { name: "Save" }));
    await waitFor(() => expect(screen.getByRole("row", { name: "bob" })).toHaveTextContent("Bob"));

    await user.click(within(screen.getByRole("row", { name: "bob" })).getByRole("button", { name: "Delete" }));
    await user.click(
      within(screen.getByRole("alertdialog", { name: "Delete user?" })).getByRole("button", { name: "Yes, delete" }),
    );
    await waitFor(() => expect(screen.queryByRole("row", { name: "bob" })).toBeNull());
    expect(server.accounts.map((a) => a.username)).toEqual(["admin"]);
  });
});
