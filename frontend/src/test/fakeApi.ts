import { vi } from "vitest";
import type { Movie } from "../api";

/** A recorded call, as the API saw it. */
export interface Call {
  url: string;
  method: string;
  path: string;
  authorization: string | null;
  body: unknown;
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

const TOKEN_NOT_VALID = {
  detail: "Given token not valid for any token type",
  code: "token_not_valid",
  messages: [{ token_class: "AccessToken", token_type: "access", message: "Token is invalid or expired" }],
};

export function movie(
  title: string,
  year: number,
  description: string | null = null,
  createdBy: string | null = "admin",
): Movie {
  const id = crypto.randomUUID();
  return {
    id,
    created: "2026-11-24T14:18:53.892450Z",
    modified: "2026-11-24T14:18:53.892519Z",
    title,
    description,
    slug: title.toLowerCase(),
    year,
    created_by: createdBy,
    modified_by: createdBy,
  };
}

/** An account as the staff user list answers it. */
export function newAccount(pk: number, username: string, email: string, staff = false) {
  return {
    pk,
    username,
    email,
    first_name: "",
    last_name: "",
    is_active: true,
    is_staff: staff,
    last_login: null as string | null,
    date_joined: "2026-11-24T14:18:53.892450Z",
  };
}

/**
 * The movies/users API in memory, answering the app's fetch calls with the contract's shapes
 * (only what the app uses): one user admin/admin, access tokens that can be expired on demand.
 */
export function fakeApi(
  movies: Movie[] = [],
  signedInAs: { username: string; is_staff: boolean } = { username: "admin", is_staff: true },
) {
  const calls: Call[] = [];
  const accounts = [newAccount(1, signedInAs.username, "admin@example.com", signedInAs.is_staff)];
  const profile = {
    pk: 1,
    email: "admin@example.com",
    first_name: "",
    last_name: "",
    password_change_required: false,
    ...signedInAs,
  };
  let signUpEnabled = true;
  const registrations: { username: string; email: string; key: string; active: boolean }[] = [];
  let password = "admin";
  let accessCounter = 1;
  let validAccess = new Set(["access-1"]);
  const validRefresh = new Set<string>();
  let listFailure: number | null = null;
  let listGate: Promise<void> | null = null;

  function validate(body: Record<string, unknown>, partial: boolean): Record<string, string[]> {
    const errors: Record<string, string[]> = {};
    if (!partial || "title" in body) {
      if (typeof body.title !== "string" || body.title.trim() === "") errors.title = ["This field is required."];
    }
    if (!partial || "year" in body) {
      if (body.year === undefined) errors.year = ["This field is required."];
      else if (!/^\d+$/.test(String(body.year))) errors.year = ["A valid integer is required."];
    }
    return errors;
  }

  const handler = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input), "http://localhost");
    const method = init.method ?? "GET";
    const headers = new Headers(init.headers);
    const body = init.body ? JSON.parse(String(init.body)) : undefined;
    // The page's own origin is recorded as the browser's relative address, another origin in full.
    const address = url.origin === window.location.origin ? url.pathname + url.search : String(input);
    calls.push({ url: address, method, path: url.pathname, authorization: headers.get("Authorization"), body });

    const bearer = headers.get("Authorization")?.replace(/^Bearer /, "");
    if (bearer !== undefined && !validAccess.has(bearer)) return json(401, TOKEN_NOT_VALID);
    const authenticated = bearer !== undefined;
    const needsAuth = () => json(401, { detail: "Authentication credentials were not provided." });

    const route = `${method} ${url.pathname}`;
    const movieId = url.pathname.match(/^\/api\/v1\/movie\/(.+)$/)?.[1];
    const index = movies.findIndex((m) => m.id === movieId);

    if (route === "POST /api/token") {
      if (body.username !== profile.username || body.password !== password) {
        return json(401, { detail: "No active account found with the given credentials" });
      }
      validRefresh.add("refresh-1");
      return json(200, { refresh: "refresh-1", access: "access-1" });
    }
    if (route === "POST /api/token/refresh") {
      if (!validRefresh.has(body.refresh)) return json(401, TOKEN_NOT_VALID);
      const access = `access-${++accessCounter}`;
      validAccess.add(access);
      return json(200, { access });
    }
    if (route === "GET /api/v1/users/auth/user") {
      if (!authenticated) return needsAuth();
      return json(200, profile);
    }
    if (route === "PATCH /api/v1/users/auth/user") {
      if (!authenticated) return needsAuth();
      if (typeof body.username === "string" && !/^[\w.@+-]+$/.test(body.username)) {
        return json(400, {
          username: ["Enter a valid username. This value may contain only letters, numbers, and @/./+/-/_ characters."],
        });
      }
      Object.assign(profile, body);
      return json(200, profile);
    }
    if (route === "POST /api/v1/users/auth/password/reset") {
      if (!/^[^@\s]+@[^@\s]+$/.test(String(body.email))) return json(400, { email: ["Enter a valid email address."] });
      return json(200, { detail: "Password reset e-mail has been sent." });
    }
    if (route === "POST /api/v1/users/auth/password/reset/confirm") {
      if (body.new_password1 !== body.new_password2)
        return json(400, { new_password2: ["The two password fields didn’t match."] });
      if (body.uid !== "MQ" || body.token !== "valid-token") return json(400, { token: ["Invalid value"] });
      password = body.new_password2;
      return json(200, { detail: "Password has been reset with the new password." });
    }
    if (route === "POST /api/v1/users/auth/password/change") {
      if (!authenticated) return needsAuth();
      if (body.new_password1 !== body.new_password2)
        return json(400, { new_password2: ["The two password fields didn’t match."] });
      if (String(body.new_password2).length < 8)
        return json(400, { new_password2: ["This password is too short. It must contain at least 8 characters."] });
      password = body.new_password2;
      profile.password_change_required = false;
      // Every token issued before stops working; this session goes on with the new pair.
      accessCounter += 1;
      const access = `access-${accessCounter}`;
      validAccess = new Set([access]);
      validRefresh.clear();
      validRefresh.add(`refresh-${accessCounter}`);
      return json(200, {
        detail: "New password has been saved.",
        sessions: "Your other sessions have been signed out; this one goes on with the tokens of this answer.",
        access,
        refresh: `refresh-${accessCounter}`,
      });
    }
    if (url.pathname.startsWith("/api/v1/users/auth/registration")) {
      if (!signUpEnabled) return json(404, { detail: "Not found." });
      if (route === "POST /api/v1/users/auth/registration") {
        const errors: Record<string, string[]> = {};
        for (const field of ["username", "email", "password1", "password2"]) {
          if (!body?.[field]) errors[field] = ["This field is required."];
        }
        if (Object.keys(errors).length) return json(400, errors);
        if (body.username === profile.username)
          return json(400, { username: ["A user with that username already exists."] });
        if (body.password1 !== body.password2)
          return json(400, { non_field_errors: ["The two password fields didn’t match."] });
        registrations.push({
          username: body.username,
          email: body.email,
          key: `key-${registrations.length + 1}`,
          active: false,
        });
        return json(201, { detail: "Verification e-mail sent." });
      }
      if (route === "POST /api/v1/users/auth/registration/verify-email") {
        const registration = registrations.find((r) => r.key === body.key && !r.active);
        if (!registration) return json(404, { detail: "Not found." });
        registration.active = true;
        return json(200, { detail: "ok" });
      }
      if (route === "POST /api/v1/users/auth/registration/resend-email") return json(200, { detail: "ok" });
    }
    if (route === "POST /api/v1/users/auth/logout") {
      if (!authenticated) return needsAuth();
      validRefresh.delete(body.refresh);
      return json(200, { detail: "Successfully logged out." });
    }
    const accountPk = Number(url.pathname.match(/^\/api\/v1\/users\/(\d+)/)?.[1]);
    if (url.pathname === "/api/v1/users" || accountPk) {
      if (!authenticated) return needsAuth();
      if (!profile.is_staff) return json(403, { detail: "You do not have permission to perform this action." });
      const account = accounts.find((a) => a.pk === accountPk);
      if (route === "GET /api/v1/users") {
        const search = url.searchParams.get("search")?.toLowerCase() ?? "";
        const matching = accounts.filter((a) =>
          [a.username, a.email, a.first_name, a.last_name].some((v) => v.toLowerCase().includes(search)),
        );
        const offset = Number(url.searchParams.get("offset") ?? 0);
        const limit = Number(url.searchParams.get("limit") ?? matching.length);
        return new Response(JSON.stringify(matching.slice(offset, offset + limit)), {
          status: 200,
          headers: { "Content-Type": "application/json", "X-Total-Count": String(matching.length) },
        });
      }
      if (route === "POST /api/v1/users") {
        if (accounts.some((a) => a.username === body.username))
          return json(400, { username: ["A user with that username already exists."] });
        const created = newAccount(accounts.length + 1, body.username, body.email, body.is_staff === true);
        accounts.push(created);
        return json(201, created);
      }
      if (!account) return json(404, { detail: "Not found." });
      if (method === "PATCH") {
        if (accountPk === profile.pk && body.is_active === false)
          return json(400, { detail: "You cannot deactivate your own account." });
        Object.assign(account, body);
        return json(200, account);
      }
      if (method === "DELETE") {
        accounts.splice(accounts.indexOf(account), 1);
        return new Response(null, { status: 204 });
      }
      if (route === `POST /api/v1/users/${accountPk}/password-reset`)
        return json(200, { detail: "Password reset e-mail has been sent." });
    }
    if (route === "GET /api/v1/movie") {
      if (listGate) await listGate;
      if (listFailure) return json(listFailure, { detail: "Service unavailable." });
      const q = url.searchParams;
      const search = q.get("search")?.toLowerCase();
      const matching = movies
        .map((m, order) => ({ m, order }))
        .filter(({ m }) => !search || m.title.toLowerCase().includes(search))
        .filter(({ m }) => !q.get("year") || m.year === Number(q.get("year")))
        .filter(({ m }) => q.get("mine") !== "true" || m.created_by === signedInAs.username);
      const ordering = q.get("ordering") ?? "year";
      const field = ordering.replace(/^-/, "") as "year" | "title" | "created" | "modified";
      const sign = ordering.startsWith("-") ? -1 : 1;
      matching.sort((a, b) => (a.m[field] < b.m[field] ? -sign : a.m[field] > b.m[field] ? sign : a.order - b.order));
      const offset = Number(q.get("offset") ?? 0);
      const limit = q.has("limit") ? Number(q.get("limit")) : matching.length;
      const page = matching.slice(offset, offset + limit).map(({ m }) => m);
      return new Response(JSON.stringify(page), {
        status: 200,
        headers: { "Content-Type": "application/json", "X-Total-Count": String(matching.length) },
      });
    }
    if (route === "POST /api/v1/movie") {
      if (!authenticated) return needsAuth();
      const errors = validate(body, false);
      if (Object.keys(errors).length) return json(400, errors);
      const created = movie(body.title, Number(body.year), body.description ?? null, signedInAs.username);
      movies.push(created);
      return json(201, created);
    }
    if (movieId !== undefined) {
      if (index === -1) return json(404, { detail: "Not found." });
      if (method === "GET") return json(200, movies[index]);
      if (!authenticated) return needsAuth();
      if (!signedInAs.is_staff && movies[index].created_by !== signedInAs.username) {
        return json(403, { detail: "You do not have permission to perform this action." });
      }
      if (method === "DELETE") {
        movies.splice(index, 1);
        return new Response(null, { status: 204 });
      }
      const errors = validate(body, method === "PATCH");
      if (Object.keys(errors).length) return json(400, errors);
      movies[index] = {
        ...movies[index],
        ...body,
        year: body.year === undefined ? movies[index].year : Number(body.year),
      };
      return json(200, movies[index]);
    }
    return json(404, { detail: "Not found." });
  });

  vi.stubGlobal("fetch", handler);

  return {
    calls,
    movies,
    profile,
    accounts,
    get password() {
      return password;
    },
    /** Store tokens as a previous login would have. */
    signIn() {
      validRefresh.add("refresh-1");
      localStorage.setItem("movies.accessToken", "access-1");
      localStorage.setItem("movies.refreshToken", "refresh-1");
    },
    /** Every access token issued so far stops being valid, as after ten minutes. */
    expireAccessTokens() {
      validAccess = new Set();
    },
    revokeRefreshTokens() {
      validRefresh.clear();
    },
    failMovieList(status: number | null) {
      listFailure = status;
    },
    /** Holds the list's answers until the returned function is called, to see the loading state. */
    holdMovieList(): () => void {
      let release = () => {};
      listGate = new Promise<void>((resolve) => (release = resolve));
      return () => {
        listGate = null;
        release();
      };
    },
    registrations,
    turnSignUpOff() {
      signUpEnabled = false;
    },
    callsTo(method: string, path: string) {
      return calls.filter((c) => c.method === method && c.path === path);
    },
  };
}
