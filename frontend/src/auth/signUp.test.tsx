import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeApi } from "../test/fakeApi";
import { renderApp } from "../test/renderApp";

describe("sign-up", () => {
  it("is reached from the login page, shows the API's messages, then says to check the mail", async () => {
    const server = fakeApi();
    const { user, fill } = renderApp("/login");
    await user.click(await screen.findByRole("link", { name: "Sign up" }));
    const form = await screen.findByRole("form", { name: "Sign up" });

    await fill(form, {
      Username: "admin",
      "E-mail": "ann@example.com",
      Password: "Xk92!mqLz",
      "Password again": "Xk92!mqLz",
    });
    await user.click(within(form).getByRole("button", { name: "Sign up" }));
    expect(await within(form).findByText("A user with that username already exists.")).toBeInTheDocument();

    await fill(form, { Username: "ann" });
    await user.click(within(form).getByRole("button", { name: "Sign up" }));
    expect(await screen.findByRole("heading", { name: "Check your mail" })).toBeInTheDocument();
    expect(screen.getByRole("status")).toHaveTextContent("We sent a link to ann@example.com");
    expect(server.registrations).toMatchObject([{ username: "ann", active: false }]);
    expect(screen.getByRole("link", { name: "Send the link again" })).toHaveAttribute("href", "/sign-up/resend");
  });

  it("activates the account from the mail's link once, and explains a used link", async () => {
    const server = fakeApi();
    server.registrations.push({ username: "ann", email: "ann@example.com", key: "key-1", active: false });
    const { user } = renderApp("/sign-up/verify/key-1");
    await user.click(await screen.findByRole("button", { name: "Activate my account" }));
    expect(await screen.findByRole("status")).toHaveTextContent("Your account is active.");
    expect(server.registrations[0].active).toBe(true);

    const again = renderApp("/sign-up/verify/key-1");
    await again.user.click((await screen.findAllByRole("button", { name: "Activate my account" })).at(-1)!);
    const alert = await screen.findByText(/This link is not valid/);
    expect(within(alert).getByRole("link", { name: "Send a new link" })).toHaveAttribute("href", "/sign-up/resend");
  });

  it("sends the activation link again, answering alike for any address", async () => {
    const server = fakeApi();
    const { user, fill } = renderApp("/sign-up/resend");
    const form = await screen.findByRole("form", { name: "Send the activation link again" });
    await fill(form, { "E-mail": "ann@example.com" });
    await user.click(within(form).getByRole("button", { name: "Send the link" }));
    expect(await screen.findByRole("status")).toHaveTextContent(
      "If an account waiting for activation has the address ann@example.com",
    );
    expect(server.callsTo("POST", "/api/v1/users/auth/registration/resend-email")).toHaveLength(1);
  });

  it("says so when the site takes no sign-ups", async () => {
    fakeApi().turnSignUpOff();
    renderApp("/sign-up");
    expect(await screen.findByRole("status")).toHaveTextContent("This site does not take sign-ups.");
    expect(screen.queryByRole("form", { name: "Sign up" })).not.toBeInTheDocument();
  });
});

describe("the installation's password", () => {
  it("is to be changed: a banner says so until the user has chosen their own, and the session goes on", async () => {
    const server = fakeApi();
    server.profile.password_change_required = true;
    server.signIn();
    const { user, fill } = renderApp("/dashboard");
    const banner = await screen.findByText(/Your password was set when this site was installed/);
    await user.click(within(banner).getByRole("link", { name: "your account page" }));

    const form = await screen.findByRole("form", { name: "Password" });
    await fill(form, { "New password": "Xk92!mqLz", "New password again": "Xk92!mqLz" });
    await user.click(within(form).getByRole("button", { name: "Change password" }));
    expect(await within(form).findByRole("status")).toHaveTextContent(
      "New password has been saved. Your other sessions have been signed out.",
    );
    expect(screen.queryByText(/Your password was set when this site was installed/)).not.toBeInTheDocument();
    expect(localStorage.getItem("movies.accessToken")).toBe("access-2");
    expect(screen.getByRole("link", { name: "admin" })).toBeInTheDocument();
  });
});
