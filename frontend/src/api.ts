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
        (entry): entry is [string, string[]] => entry[0] !== "non_field_errors" && Array.isArray(entry[1]),
      ),
    );
  }
}

/** No answer within {@link TIMEOUT_MS}: the call was given up. */
export class TimeoutError extends Error {
  constructor() {
    super("The server did not answer within 10 seconds. Please try again.");
    this.name = "TimeoutError";
  }
}

/** How long a call may take before it is given up. */
export const TIMEOUT_MS = 10_000;

/** A sentence for the user about a failed call. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError || error instanceof TimeoutError) return error.message;
  return "The server cannot be reached. Please try again.";
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
  headers: Headers;
}

async function send(method: Method, path: string, body: unknown, authenticated: boolean): Promise<Answer> {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const access = tokens.access;
  if (authenticated && access) headers.Authorization = `Bearer ${access}`;

  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), TIMEOUT_MS);
  try {
    const response = await fetch(baseUrl() + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: timeout.signal,
    });
    const text = await response.text();
    let parsed: unknown = text;
    if (text && response.headers.get("Content-Type")?.includes("json")) {
      parsed = JSON.parse(text);
    }
    return { status: response.status, ok: response.ok, body: text ? parsed : undefined, headers: response.headers };
  } catch (error) {
    throw timeout.signal.aborted ? new TimeoutError() : error;
  } finally {
    clearTimeout(timer);
  }
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

async function call(method: Method, path: string, body?: unknown, authenticated = true): Promise<Answer> {
  let answer = await send(method, path, body, authenticated);
  if (authenticated && isTokenNotValid(answer) && (await refreshAccessToken())) {
    answer = await send(method, path, body, authenticated);
  }
  if (authenticated && answer.status === 401) {
    endSession();
  }
  if (!answer.ok) throw new ApiError(answer.status, answer.body);
  return answer;
}

async function request<T>(method: Method, path: string, body?: unknown, authenticated = true): Promise<T> {
  return (await call(method, path, body, authenticated)).body as T;
}

/** A page of a list and the number of items that match (DRF's limit and offset, the API's `X-Total-Count`). */
async function listPage<T>(path: string): Promise<{ items: T[]; total: number }> {
  const answer = await call("GET", path);
  const items = answer.body as T[];
  const total = Number(answer.headers.get("X-Total-Count"));
  return { items, total: Number.isFinite(total) ? total : items.length };
}

/** A change of someone else's movie is refused with a 403: said the way the user thinks of it. */
async function changeMovie<T>(change: Promise<T>): Promise<T> {
  try {
    return await change;
  } catch (error) {
    if (error instanceof ApiError && error.status === 403) {
      throw new ApiError(403, { detail: "You can only change movies you added." });
    }
    throw error;
  }
}

/** What the list shows: the API's filters, order and page. */
export interface MovieQuery {
  search?: string;
  year?: string;
  /** The API's `ordering`, e.g. `-year,title`. */
  ordering?: string;
  mine?: boolean;
  limit: number;
  offset: number;
}

/** One page of the list, and how many movies match. */
export interface MoviePage {
  movies: Movie[];
  total: number;
}

/** An account as staff see it. */
export type Account = Schemas["UserSummary"];

/** One page of the accounts, and how many match. */
export interface AccountPage {
  accounts: Account[];
  total: number;
}

/** Whether the API lets this user change or delete the movie: its creator, or staff. */
export function canChange(movie: Movie, user: User): boolean {
  return user.is_staff || movie.created_by === user.username;
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

  updateProfile(change: Schemas["ProfileChange"]): Promise<User> {
    return request<User>("PATCH", "/api/v1/users/auth/user", change);
  },

  /** Sets a new password: the API ends the user's other sessions, and this one goes on with the new tokens. */
  async changePassword(newPassword1: string, newPassword2: string): Promise<Schemas["PasswordChanged"]> {
    const body: Schemas["PasswordChange"] = { new_password1: newPassword1, new_password2: newPassword2 };
    const answer = await request<Schemas["PasswordChanged"]>("POST", "/api/v1/users/auth/password/change", body);
    tokens.save(answer);
    return answer;
  },

  /** Self-service sign-up: an inactive account and a mail whose link activates it. */
  register(registration: Schemas["Registration"]): Promise<Schemas["Detail"]> {
    return request<Schemas["Detail"]>("POST", "/api/v1/users/auth/registration", registration, false);
  },

  /** Whether this site lets people sign up: the API answers 404 when sign-up is off, and a 400 for an empty one. */
  async signUpAvailable(): Promise<boolean> {
    try {
      await request<unknown>("POST", "/api/v1/users/auth/registration", {}, false);
      return true;
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) return false;
      if (e instanceof ApiError && e.status === 400) return true;
      throw e;
    }
  },

  verifyEmail(key: string): Promise<Schemas["Detail"]> {
    const body: Schemas["EmailVerification"] = { key };
    return request<Schemas["Detail"]>("POST", "/api/v1/users/auth/registration/verify-email", body, false);
  },

  /** Mails the activation link again; the answer is the same whether or not an account has the address. */
  resendVerification(email: string): Promise<Schemas["Detail"]> {
    const body: Schemas["PasswordResetRequest"] = { email };
    return request<Schemas["Detail"]>("POST", "/api/v1/users/auth/registration/resend-email", body, false);
  },

  async listAccounts(query: { search?: string; limit: number; offset: number }): Promise<AccountPage> {
    const params = new URLSearchParams({ limit: String(query.limit), offset: String(query.offset) });
    if (query.search) params.set("search", query.search);
    const { items, total } = await listPage<Account>(`/api/v1/users?${params}`);
    return { accounts: items, total };
  },

  createAccount(account: Schemas["NewUser"]): Promise<Account> {
    return request<Account>("POST", "/api/v1/users", account);
  },

  changeAccount(pk: number, change: Schemas["AccountChange"]): Promise<Account> {
    return request<Account>("PATCH", `/api/v1/users/${pk}`, change);
  },

  deleteAccount(pk: number): Promise<void> {
    return request<void>("DELETE", `/api/v1/users/${pk}`);
  },

  sendPasswordReset(pk: number): Promise<Schemas["Detail"]> {
    return request<Schemas["Detail"]>("POST", `/api/v1/users/${pk}/password-reset`);
  },

  /** Mails a link to set a new password; the answer is the same whether or not an account has the address. */
  requestPasswordReset(email: string): Promise<Schemas["Detail"]> {
    const body: Schemas["PasswordResetRequest"] = { email };
    return request<Schemas["Detail"]>("POST", "/api/v1/users/auth/password/reset", body, false);
  },

  confirmPasswordReset(body: Schemas["PasswordResetConfirmation"]): Promise<Schemas["Detail"]> {
    return request<Schemas["Detail"]>("POST", "/api/v1/users/auth/password/reset/confirm", body, false);
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

  async listMovies(query: MovieQuery): Promise<MoviePage> {
    const params = new URLSearchParams({ limit: String(query.limit), offset: String(query.offset) });
    if (query.search) params.set("search", query.search);
    if (query.year) params.set("year", query.year);
    if (query.ordering) params.set("ordering", query.ordering);
    if (query.mine) params.set("mine", "true");
    const { items, total } = await listPage<Movie>(`/api/v1/movie?${params}`);
    return { movies: items, total };
  },

  getMovie(id: string): Promise<Movie> {
    return request<Movie>("GET", `/api/v1/movie/${encodeURIComponent(id)}`);
  },

  createMovie(input: MovieInput): Promise<Movie> {
    return request<Movie>("POST", "/api/v1/movie", movieBody(input, false));
  },

  updateMovie(id: string, input: MovieInput): Promise<Movie> {
    return changeMovie(request<Movie>("PUT", `/api/v1/movie/${encodeURIComponent(id)}`, movieBody(input, true)));
  },

  renameMovie(id: string, title: string): Promise<Movie> {
    return changeMovie(request<Movie>("PATCH", `/api/v1/movie/${encodeURIComponent(id)}`, { title }));
  },

  deleteMovie(id: string): Promise<void> {
    return changeMovie(request<void>("DELETE", `/api/v1/movie/${encodeURIComponent(id)}`));
  },
};
