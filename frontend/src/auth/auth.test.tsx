import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeApi, movie } from "../test/fakeApi";
import { renderApp } from "../test/renderApp";

describe("login and logout", () => {
  it("sends an anonymous visitor of the dashboard to login and back after logging in", async () => {
    const server = fakeApi([movie("Inception", 2010)]);
    const { user } = renderApp("/dashboard");

    expect(await screen.findByRole("heading", { name: "Login" })).toBeInTheDocument();
    await user.type(screen.getByLabelText("Username"), "admin");
    await user.type(screen.getByLabelText("Password"), "admin");
    await user.click(screen.getByRole("button", { name: "Login" }));

    expect(await screen.findByRole("heading", { name: "My favorite movies" })).toBeInTheDocument();
    expect(await screen.findByRole("article", { name: "Inception" })).toBeInTheDocument();
    expect(within(screen.getByRole("navigation", { name: "Main" })).getByText("admin")).toBeInTheDocument();
    expect(server.callsTo("POST", "/api/token")[0].body).toEqual({ username: "admin", password: "admin" });
    expect(localStorage.getItem("movies.refreshToken")).toBe("refresh-1");
  });

  it("shows the API's message for wrong credentials and stays on login", async () => {
    fakeApi();
    const { user } = renderApp("/login");

    await user.type(screen.getByLabelText("Username"), "admin");
    await user.type(screen.getByLabelText("Password"), "wrong");
    await user.click(screen.getByRole("button", { name: "Login" }));

    expect(await screen.findByRole("alert")).toHaveTextContent("No active account found with the given credentials");
    expect(screen.getByRole("heading", { name: "Login" })).toBeInTheDocument();
    expect(localStorage.getItem("movies.accessToken")).toBeNull();
  });

  it("logs out by revoking the refresh token at the API, then needs a login again", async () => {
    const server = fakeApi();
    server.signIn();
    const { user } = renderApp("/dashboard");

    await user.click(await screen.findByRole("button", { name: "Logout" }));

    expect(await screen.findByRole("heading", { name: "Login" })).toBeInTheDocument();
    const [logout] = server.callsTo("POST", "/api/v1/users/auth/logout");
    expect(logout.body).toEqual({ refresh: "refresh-1" });
    expect(logout.authorization).toBe("Bearer access-1");
    expect(localStorage.getItem("movies.refreshToken")).toBeNull();
    expect(screen.queryByRole("button", { name: "Logout" })).not.toBeInTheDocument();
  });
});
