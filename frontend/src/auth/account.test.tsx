import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeApi } from "../test/fakeApi";
import { renderApp } from "../test/renderApp";

describe("account", () => {
  it("is reached from the user's name in the navigation", async () => {
    fakeApi().signIn();
    const { user } = renderApp("/dashboard");
    await user.click(await screen.findByRole("link", { name: "admin" }));
    expect(await screen.findByRole("heading", { name: "Your account" })).toBeInTheDocument();
  });

  it("saves the profile and shows the new name everywhere", async () => {
    const server = fakeApi();
    server.signIn();
    const { user, fill } = renderApp("/account");
    const form = await screen.findByRole("form", { name: "Profile" });
    await fill(form, { "First name": "Ada", Username: "ada" });
    await user.click(within(form).getByRole("button", { name: "Save profile" }));

    expect(await within(form).findByRole("status")).toHaveTextContent("Your profile has been saved.");
    expect(server.profile).toMatchObject({ username: "ada", first_name: "Ada" });
    expect(screen.getByRole("link", { name: "ada" })).toBeInTheDocument();
  });

  it("shows the API's message under the field it concerns", async () => {
    fakeApi().signIn();
    const { user, fill } = renderApp("/account");
    const form = await screen.findByRole("form", { name: "Profile" });
    await fill(form, { Username: "has space" });
    await user.click(within(form).getByRole("button", { name: "Save profile" }));
    expect(await within(form).findByText(/Enter a valid username/)).toBeInTheDocument();
    expect(within(form).getByLabelText("Username")).toHaveAttribute("aria-invalid", "true");
  });

  it("changes the password, and explains a refused one", async () => {
    const server = fakeApi();
    server.signIn();
    const { user, fill } = renderApp("/account");
    const form = await screen.findByRole("form", { name: "Password" });
    await fill(form, { "New password": "short", "New password again": "short" });
    await user.click(within(form).getByRole("button", { name: "Change password" }));
    expect(await within(form).findByText(/This password is too short/)).toBeInTheDocument();
    expect(server.password).toBe("admin");

    await fill(form, { "New password": "Xk92!mqLz", "New password again": "Xk92!mqLz" });
    await user.click(within(form).getByRole("button", { name: "Change password" }));
    expect(await within(form).findByRole("status")).toHaveTextContent("New password has been saved.");
    expect(server.password).toBe("Xk92!mqLz");
    expect(within(form).getByLabelText("New password")).toHaveValue("");
  });
});
