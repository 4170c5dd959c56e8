import { screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { api, ApiError, onSessionEnded } from "./api";
import { fakeApi, movie } from "./test/fakeApi";
import { renderApp } from "./test/renderApp";

describe("runtime configuration", () => {
  afterEach(() => {
    delete window.__APP_CONFIG__;
  });

  it("calls the API at the configured base URL", async () => {
    const server = fakeApi([movie("Inception", 2010)]);
    window.__APP_CONFIG__ = { apiBaseUrl: "https://api.example.test/" };

    await api.listMovies({ limit: 10, offset: 0 });

    expect(server.calls.map((c) => c.url)).toEqual(["https://api.example.test/api/v1/movie?limit=10&offset=0"]);
  });

  it("calls the page's own origin when the base URL is empty", async () => {
    const server = fakeApi([movie("Inception", 2010)]);
    window.__APP_CONFIG__ = { apiBaseUrl: "" };

    await api.listMovies({ limit: 10, offset: 0 });

    expect(server.calls.map((c) => c.url)).toEqual(["/api/v1/movie?limit=10&offset=0"]);
  });
});

describe("access token refresh", () => {
  it("refreshes once on 401 token_not_valid and repeats the call with the new token", async () => {
    const server = fakeApi([movie("Inception", 2010)]);
    server.signIn();
    server.expireAccessTokens();

    const created = await api.createMovie({ title: "Memento", year: "2000", description: "" });

    expect(created.title).toBe("Memento");
    expect(server.callsTo("POST", "/api/token/refresh").map((c) => c.body)).toEqual([{ refresh: "refresh-1" }]);
    expect(server.callsTo("POST", "/api/v1/movie").map((c) => c.authorization)).toEqual([
      "Bearer access-1",
      "Bearer access-2",
    ]);
    expect(localStorage.getItem("movies.accessToken")).toBe("access-2");
  });

  it("shares one refresh between calls that meet the expired token together", async () => {
    const server = fakeApi([movie("Inception", 2010)]);
    server.signIn();
    server.expireAccessTokens();

    await Promise.all([api.listMovies({ limit: 10, offset: 0 }), api.currentUser()]);

    expect(server.callsTo("POST", "/api/token/refresh")).toHaveLength(1);
  });

  it("ends the session when the refresh token is refused, without retrying again", async () => {
    const server = fakeApi();
    server.signIn();
    server.expireAccessTokens();
    server.revokeRefreshTokens();
    const ended = vi.fn();
    const unsubscribe = onSessionEnded(ended);

    const failure = await api.currentUser().catch((e: unknown) => e);

    unsubscribe();
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).status).toBe(401);
    expect(ended).toHaveBeenCalledOnce();
    expect(server.callsTo("POST", "/api/token/refresh")).toHaveLength(1);
    expect(server.callsTo("GET", "/api/v1/users/auth/user")).toHaveLength(1);
    expect(localStorage.getItem("movies.refreshToken")).toBeNull();
  });

  it("sends the user to login when the session cannot be refreshed on the dashboard", async () => {
    const server = fakeApi([movie("Inception", 2010)]);
    server.signIn();
    const { user } = renderApp("/dashboard");
    await screen.findByRole("article", { name: "Inception" });

    server.expireAccessTokens();
    server.revokeRefreshTokens();
    await user.click(screen.getByRole("button", { name: "Upper case" }));

    expect(await screen.findByRole("heading", { name: "Login" })).toBeInTheDocument();
    expect(server.movies[0].title).toBe("Inception");
  });
});
