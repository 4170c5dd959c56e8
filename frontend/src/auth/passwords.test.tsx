import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeApi } from "../test/fakeApi";
import { renderApp } from "../test/renderApp";

describe("forgotten passwords", () => {
  it("is reached from the login page and answers the same for any address", async () => {
    const server = fakeApi();
    const { user, fill } = renderApp("/login");
    await user.click(await screen.findByRole("link", { name: "Forgot your password?" }));
    const form = await screen.findByRole("form", { name: "Forgot password" });

    await fill(form, { "E-mail": "not an address" });
    await user.click(within(form).getByRole("button", { name: "Mail me a link" }));
    expect(await within(form).findByText("Enter a valid email address.")).toBeInTheDocument();

    await fill(form, { "E-mail": "ann@example.com" });
    await user.click(within(form).getByRole("button", { name: "Mail me a link" }));
    expect(await screen.findByRole("status")).toHaveTextContent(
      "Check your mail: if an account has the address ann@example.com",
    );
    expect(server.callsTo("POST", "/api/v1/users/auth/password/reset").at(-1)?.authorization).toBeNull();
  });

  it("sets the new password from the mail's link, then the user logs in with it", async () => {
    const server = fakeApi();
    const { user, fill } = renderApp("/password/reset/MQ/valid-token");
    const form = await screen.findByRole("form", { name: "Set a new password" });
    await fill(form, { "New password": "Xk92!mqLz", "New password again": "Xk92!mqLz-typo" });
    await user.click(within(form).getByRole("button", { name: "Set password" }));
    expect(await within(form).findByText("The two password fields didn’t match.")).toBeInTheDocument();

    await fill(form, { "New password again": "Xk92!mqLz" });
    await user.click(within(form).getByRole("button", { name: "Set password" }));
    expect(await screen.findByRole("status")).toHaveTextContent("Your new password is set.");
    expect(server.password).toBe("Xk92!mqLz");
  });

  it("says when a link is no longer valid, and offers a new one", async () => {
    fakeApi();
    const { user, fill } = renderApp("/password/reset/MQ/used-token");
    const form = await screen.findByRole("form", { name: "Set a new password" });
    await fill(form, { "New password": "Xk92!mqLz", "New password again": "Xk92!mqLz" });
    await user.click(within(form).getByRole("button", { name: "Set password" }));
    const alert = await within(form).findByRole("alert");
    expect(alert).toHaveTextContent("This link is not valid any more");
    expect(within(alert).getByRole("link", { name: "Ask for a new link" })).toHaveAttribute("href", "/password/forgot");
  });
});
