// The one typed client of the movies/users API (shapes: shared/design/API-CONTRACT.md).
// It keeps the JWTs, sends the access token, and on a 401 with `code: token_not_valid`
// refreshes the access token once and repeats the call; when that is impossible the session
// ends (tokens dropped, listeners told) so the app sends the user to the login page.

import type { components } from "./api-schema";

declare global {
  interface Window {
    /** Runtime configuration from /config.js, rendered per environment. */
    __APP_CONFIG__?: { apiBaseUrl?: string };
  }
}

/** The API's own types, generated from its OpenAPI document (openapi.json) when the app is built. */
type Schemas = components["schemas"];

export type Movie = Schemas["Movie"];

/** What the forms send: the year as typed, so the API validates it and explains what is wrong. */
export interface MovieInput {
  title: string;
  year: string;
  description: string;
}

export type User = Schemas["UserDetails"];

type Tokens = Schemas["TokenPair"];

export type FieldErrors = Record<string, string[]>;

/** An answer other than 2xx, with the API's error body (DRF shapes). */
export class ApiError extends Error {
  readonly status: number;
  readonly body: unknown;

  constructor(status: number, body: unknown) {
    super(describe(status, body));
    this.name = "ApiError";
    this.status = status;
    this.body = body;
  }

  /** Per-field messages of a 400, e.g. `{ year: ["A valid integer is required."] }`. */
  get fieldErrors(): FieldErrors {
    if (this.status !== 400 || !isRecord(this.body)) return {};
    return Object.fromEntries(
      Object.entries(this.body).filter(
        (entry): entry is [string, string[]] =>
          entry[0] !== "non_field_errors" && Array.isArray(entry[1]),
      ),
    );
  }
}

/** A sentence for the user about a failed call. */
export function errorMessage(error: unknown): string {
  return error instanceof ApiError ? error.message : "The server cannot be reached. Please try again.";
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function describe(status: number, body: unknown): string {
  if (isRecord(body)) {
    if (typeof body.detail === "string") return body.detail;
    if (Array.isArray(body.non_field_errors)) return body.non_field_errors.join(" ");
  }
  return `The server answered ${status}.`;
}

const ACCESS_KEY = "movies.accessToken";
const REFRESH_KEY = "movies.refreshToken";

export const tokens = {
  get access(): string | null {
    return localStorage.getItem(ACCESS_KEY);
  },
  get refresh(): string | null {
    return localStorage.getItem(REFRESH_KEY);
  },
  save(values: Partial<Tokens>): void {
    if (values.access) localStorage.setItem(ACCESS_KEY, values.access);
    if (values.refresh) localStorage.setItem(REFRESH_KEY, values.refresh);
  },
  clear(): void {
    localStorage.removeItem(ACCESS_KEY);
    localStorage.removeItem(REFRESH_KEY);
  },
};

const sessionEndedListeners = new Set<() => void>();

/** Called when the API refuses the stored credentials for good; returns an unsubscribe function. */
export function onSessionEnded(listener: () => void): () => void {
  sessionEndedListeners.add(listener);
  return () => sessionEndedListeners.delete(listener);
}

function endSession(): void {
  tokens.clear();
  sessionEndedListeners.forEach((listener) => listener());
}

function baseUrl(): string {
  // Empty means the page's own origin (the local run and same-origin deployments).
  return (window.__APP_CONFIG__?.apiBaseUrl ?? "").replace(/\/+$/, "");
}

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

interface Answer {
  status: number;
  ok: boolean;
  body: unknown;
}

async function send(method: Method, path: string, body: unknown, authenticated: boolean): Promise<Answer> {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const access = tokens.access;
  if (authenticated && access) headers.Authorization = `Bearer ${access}`;

  const response = await fetch(baseUrl() + path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown = text;
  if (text && response.headers.get("Content-Type")?.includes("json")) {
    parsed = JSON.parse(text);
  }
  return { status: response.status, ok: response.ok, body: text ? parsed : undefined };
}

let refreshing: Promise<boolean> | null = null;

/** One refresh at a time, shared by every call that met an expired access token meanwhile. */
function refreshAccessToken(): Promise<boolean> {
  const refresh = tokens.refresh;
  if (!refresh) return Promise.resolve(false);
  const body: Schemas["RefreshToken"] = { refresh };
  refreshing ??= send("POST", "/api/token/refresh", body, false)
    .then((answer) => {
      if (!answer.ok || !isRecord(answer.body) || typeof answer.body.access !== "string") return false;
      tokens.save({ access: answer.body.access });
      return true;
    })
    .finally(() => {
      refreshing = null;
    });
  return refreshing;
}

function isTokenNotValid(answer: Answer): boolean {
  return answer.status === 401 && isRecord(answer.body) && answer.body.code === "token_not_valid";
}

async function request<T>(method: Method, path: string, body?: unknown, authenticated = true): Promise<T> {
  let answer = await send(method, path, body, authenticated);
  if (authenticated && isTokenNotValid(answer) && (await refreshAccessToken())) {
    answer = await send(method, path, body, authenticated);
  }
  if (authenticated && answer.status === 401) {
    endSession();
  }
  if (!answer.ok) throw new ApiError(answer.status, answer.body);
  return answer.body as T;
}

/** The body of a create or a full update: an empty year or storyline is left out so the API says what it needs. */
function movieBody(input: MovieInput, keepEmptyDescription: boolean): Record<string, string> {
  const body: Record<string, string> = { title: input.title };
  if (input.year.trim() !== "") body.year = input.year.trim();
  if (input.description !== "" || keepEmptyDescription) body.description = input.description;
  return body;
}

export const api = {
  async login(username: string, password: string): Promise<void> {
    const credentials: Schemas["Credentials"] = { username, password };
    tokens.save(await request<Tokens>("POST", "/api/token", credentials, false));
  },

  currentUser(): Promise<User> {
    return request<User>("GET", "/api/v1/users/auth/user");
  },

  /** Revokes the refresh token at the API; the local tokens go whatever the answer. */
  async logout(): Promise<void> {
    const refresh = tokens.refresh;
    try {
      if (refresh) {
        const body: Schemas["RefreshToken"] = { refresh };
        await request<Schemas["Detail"]>("POST", "/api/v1/users/auth/logout", body);
      }
    } finally {
      tokens.clear();
    }
  },

  listMovies(): Promise<Movie[]> {
    return request<Movie[]>("GET", "/api/v1/movie");
  },

  createMovie(input: MovieInput): Promise<Movie> {
    return request<Movie>("POST", "/api/v1/movie", movieBody(input, false));
  },

  updateMovie(id: string, input: MovieInput): Promise<Movie> {
    return request<Movie>("PUT", `/api/v1/movie/${encodeURIComponent(id)}`, movieBody(input, true));
  },

  renameMovie(id: string, title: string): Promise<Movie> {
    return request<Movie>("PATCH", `/api/v1/movie/${encodeURIComponent(id)}`, { title });
  },

  deleteMovie(id: string): Promise<void> {
    return request<void>("DELETE", `/api/v1/movie/${encodeURIComponent(id)}`);
  },
};
