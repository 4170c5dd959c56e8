// The one client of the movies/users API, typed by openapi-fetch from the API's OpenAPI document (openapi.json).
// Its middleware keeps the JWTs: it sends the access token, and on a 401 with `code: token_not_valid` refreshes
// the access token once and repeats the call; when that is impossible the session ends (tokens dropped, listeners
// told) so the app sends the user to the login page.

import createClient, { type Middleware } from "openapi-fetch";
import type { components, paths } from "./api-schema";

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
  return (window.__APP_CONFIG__?.apiBaseUrl ?? "").replace(/\/+$/, "") || window.location.origin;
}

/** Sends the request as fetch(url, init), given up after {@link TIMEOUT_MS}. */
async function send(request: Request): Promise<Response> {
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), TIMEOUT_MS);
  try {
    // The body read from a clone: the token middleware may send the request again.
    const body = request.body ? await request.clone().text() : undefined;
    return await fetch(request.url, { method: request.method, headers: request.headers, body, signal: timeout.signal });
  } catch (error) {
    throw timeout.signal.aborted ? new TimeoutError() : error;
  } finally {
    clearTimeout(timer);
  }
}

const options = { baseUrl: "", fetch: send, headers: { Accept: "application/json" } };

/** The calls made without the user's tokens: signing in, signing up, the mailed links. */
const anonymous = createClient<paths>(options);

let refreshing: Promise<boolean> | null = null;

/** One refresh at a time, shared by every call that met an expired access token meanwhile. */
function refreshAccessToken(): Promise<boolean> {
  const refresh = tokens.refresh;
  if (!refresh) return Promise.resolve(false);
  refreshing ??= anonymous
    .POST("/api/token/refresh", { baseUrl: baseUrl(), body: { refresh } })
    .then(({ data }) => {
      if (!data) return false;
      tokens.save({ access: data.access });
      return true;
    })
    .finally(() => {
      refreshing = null;
    });
  return refreshing;
}

async function isTokenNotValid(response: Response): Promise<boolean> {
  if (response.status !== 401) return false;
  const body: unknown = await response
    .clone()
    .json()
    .catch(() => null);
  return isRecord(body) && body.code === "token_not_valid";
}

function authorize(request: Request): Request {
  const access = tokens.access;
  if (access) request.headers.set("Authorization", `Bearer ${access}`);
  return request;
}

const tokenMiddleware: Middleware = {
  onRequest: ({ request }) => authorize(request),
  async onResponse({ request, response }) {
    let answer = response;
    if ((await isTokenNotValid(answer)) && (await refreshAccessToken())) answer = await send(authorize(request));
    if (answer.status === 401) endSession();
    return answer;
  },
};

/** The calls made as the signed-in user. */
const client = createClient<paths>(options);
client.use(tokenMiddleware);

/** The data of a 2xx; any other answer becomes an {@link ApiError} with the API's error body. */
async function ok<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok || data === undefined) throw new ApiError(response.status, error);
  return data;
}

/** As {@link ok}, for the answers without a body (204). */
async function done(call: Promise<{ error?: unknown; response: Response }>): Promise<void> {
  const { error, response } = await call;
  if (!response.ok) throw new ApiError(response.status, error);
}

/** The number of items that match a list's query (the API's `X-Total-Count`), or the page's length. */
function totalOf(response: Response, shown: number): number {
  const total = Number(response.headers.get("X-Total-Count"));
  return Number.isFinite(total) ? total : shown;
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

/**
 * The body of a create or a full update: an empty year or storyline is left out so the API says what it needs. The
 * year goes as typed, so that the API validates it and explains what is wrong; the document's MovieRequest says
 * what the API stores (a number), hence the one cast.
 */
function movieBody(input: MovieInput, keepEmptyDescription: boolean): Schemas["MovieRequest"] {
  const body: Record<string, string> = { title: input.title };
  if (input.year.trim() !== "") body.year = input.year.trim();
  if (input.description !== "" || keepEmptyDescription) body.description = input.description;
  return body as unknown as Schemas["MovieRequest"];
}

const movie = (id: string) => ({ baseUrl: baseUrl(), params: { path: { id } } });
const account = (pk: number) => ({ baseUrl: baseUrl(), params: { path: { pk } } });

export const api = {
  async login(username: string, password: string): Promise<void> {
    tokens.save(await ok(anonymous.POST("/api/token", { baseUrl: baseUrl(), body: { username, password } })));
  },

  currentUser(): Promise<User> {
    return ok(client.GET("/api/v1/users/auth/user", { baseUrl: baseUrl() }));
  },

  updateProfile(change: Schemas["PatchedProfileChange"]): Promise<User> {
    return ok(client.PATCH("/api/v1/users/auth/user", { baseUrl: baseUrl(), body: change }));
  },

  /** Sets a new password: the API ends the user's other sessions, and this one goes on with the new tokens. */
  async changePassword(body: Schemas["PasswordChange"]): Promise<Schemas["PasswordChanged"]> {
    const answer = await ok(client.POST("/api/v1/users/auth/password/change", { baseUrl: baseUrl(), body }));
    tokens.save(answer);
    return answer;
  },

  /** Self-service sign-up: an inactive account and a mail whose link activates it. */
  register(registration: Schemas["Registration"]): Promise<Schemas["Detail"]> {
    return ok(anonymous.POST("/api/v1/users/auth/registration", { baseUrl: baseUrl(), body: registration }));
  },

  /** Whether this site lets people sign up: the API answers 404 when sign-up is off, and a 400 for an empty one. */
  async signUpAvailable(): Promise<boolean> {
    const empty = {} as Schemas["Registration"]; // on purpose: the API's answer to an empty sign-up says whether it is on
    const { error, response } = await anonymous.POST("/api/v1/users/auth/registration", {
      baseUrl: baseUrl(),
      body: empty,
    });
    if (response.ok || response.status === 400) return true;
    if (response.status === 404) return false;
    throw new ApiError(response.status, error);
  },

  verifyEmail(key: string): Promise<Schemas["Detail"]> {
    return ok(anonymous.POST("/api/v1/users/auth/registration/verify-email", { baseUrl: baseUrl(), body: { key } }));
  },

  /** Mails the activation link again; the answer is the same whether or not an account has the address. */
  resendVerification(email: string): Promise<Schemas["Detail"]> {
    return ok(anonymous.POST("/api/v1/users/auth/registration/resend-email", { baseUrl: baseUrl(), body: { email } }));
  },

  async listAccounts(query: { search?: string; limit: number; offset: number }): Promise<AccountPage> {
    const { limit, offset, search } = query;
    const params = { query: { limit, offset, ...(search ? { search } : {}) } };
    const { data, error, response } = await client.GET("/api/v1/users", { baseUrl: baseUrl(), params });
    if (!data) throw new ApiError(response.status, error);
    return { accounts: data, total: totalOf(response, data.length) };
  },

  createAccount(body: Schemas["NewUser"]): Promise<Account> {
    return ok(client.POST("/api/v1/users", { baseUrl: baseUrl(), body }));
  },

  changeAccount(pk: number, change: Schemas["PatchedAccountChange"]): Promise<Account> {
    return ok(client.PATCH("/api/v1/users/{pk}", { ...account(pk), body: change }));
  },

  deleteAccount(pk: number): Promise<void> {
    return done(client.DELETE("/api/v1/users/{pk}", account(pk)));
  },

  sendPasswordReset(pk: number): Promise<Schemas["Detail"]> {
    return ok(client.POST("/api/v1/users/{pk}/password-reset", account(pk)));
  },

  /** Mails a link to set a new password; the answer is the same whether or not an account has the address. */
  requestPasswordReset(email: string): Promise<Schemas["Detail"]> {
    return ok(anonymous.POST("/api/v1/users/auth/password/reset", { baseUrl: baseUrl(), body: { email } }));
  },

  confirmPasswordReset(body: Schemas["PasswordResetConfirmation"]): Promise<Schemas["Detail"]> {
    return ok(anonymous.POST("/api/v1/users/auth/password/reset/confirm", { baseUrl: baseUrl(), body }));
  },

  /** Revokes the refresh token at the API; the local tokens go whatever the answer. */
  async logout(): Promise<void> {
    const refresh = tokens.refresh;
    try {
      if (refresh) await ok(client.POST("/api/v1/users/auth/logout", { baseUrl: baseUrl(), body: { refresh } }));
    } finally {
      tokens.clear();
    }
  },

  async listMovies(query: MovieQuery): Promise<MoviePage> {
    const { limit, offset, search, year, ordering, mine } = query;
    // The year as typed: the API validates it (the document types it as the number it filters on).
    const filters: Record<string, string | number | boolean> = { limit, offset };
    if (search) filters.search = search;
    if (year) filters.year = year;
    if (ordering) filters.ordering = ordering;
    if (mine) filters.mine = true;
    const { data, error, response } = await client.GET("/api/v1/movie", {
      baseUrl: baseUrl(),
      params: { query: filters },
    });
    if (!data) throw new ApiError(response.status, error);
    return { movies: data, total: totalOf(response, data.length) };
  },

  getMovie(id: string): Promise<Movie> {
    return ok(client.GET("/api/v1/movie/{id}", movie(id)));
  },

  createMovie(input: MovieInput): Promise<Movie> {
    return ok(client.POST("/api/v1/movie", { baseUrl: baseUrl(), body: movieBody(input, false) }));
  },

  updateMovie(id: string, input: MovieInput): Promise<Movie> {
    return changeMovie(ok(client.PUT("/api/v1/movie/{id}", { ...movie(id), body: movieBody(input, true) })));
  },

  renameMovie(id: string, title: string): Promise<Movie> {
    const body: Schemas["PatchedMovieRequest"] = { title };
    return changeMovie(ok(client.PATCH("/api/v1/movie/{id}", { ...movie(id), body })));
  },

  deleteMovie(id: string): Promise<void> {
    return changeMovie(done(client.DELETE("/api/v1/movie/{id}", movie(id))));
  },
};
