import { useEffect, useState } from "react";
import { useSearchParams } from "react-router";
import { useAuth } from "../auth/AuthProvider";
import { Pager } from "../components/Pager";
import { SEARCH_DELAY_MS, useDebouncedValue } from "../hooks/useDebouncedValue";
import { MovieForm } from "./MovieForm";
import { MovieItem } from "./MovieItem";
import { useMovies } from "./useMovies";

/** The sort menu: the API's `ordering` values and what the user reads. */
export const SORTS = [
  { value: "year", label: "Year, oldest first" },
  { value: "-year", label: "Year, newest first" },
  { value: "title", label: "Title, A to Z" },
  { value: "-title", label: "Title, Z to A" },
  { value: "-created", label: "Recently added" },
  { value: "-modified", label: "Recently changed" },
] as const;

export const PAGE_SIZES = [10, 20, 50] as const;

/**
 * The catalogue: search, year, sort, page and tab live in the URL (`q`, `year`, `sort`, `page`, `size`, `tab`), so
 * that reload, back and a shared link show the same list.
 */
export function DashboardPage() {
  const { state: auth } = useAuth();
  const [params, setParams] = useSearchParams();
  const tab = params.get("tab") === "mine" ? "mine" : "all";
  const search = params.get("q") ?? "";
  const year = params.get("year") ?? "";
  const sort = SORTS.some((s) => s.value === params.get("sort")) ? (params.get("sort") as string) : "year";
  const size = PAGE_SIZES.find((n) => String(n) === params.get("size")) ?? PAGE_SIZES[0];
  const page = Math.max(1, Math.floor(Number(params.get("page"))) || 1);

  const { state, reload, add, update, rename, remove } = useMovies({
    search,
    year,
    ordering: sort,
    mine: tab === "mine",
    limit: size,
    offset: (page - 1) * size,
  });

  /** A new URL with these parameters changed (empty ones dropped); filters go back to the first page. */
  function show(changes: Record<string, string>, replace = false) {
    // From the address as it is when this runs: a change made meanwhile (a delayed search) is kept.
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [name, value] of Object.entries(changes)) {
          if (value === "") next.delete(name);
          else next.set(name, value);
        }
        if (!("page" in changes)) next.delete("page");
        return next;
      },
      { replace },
    );
  }

  // The search and year boxes follow the URL (back, reload) and update it once typing pauses.
  const [typed, setTyped] = useState({ search, year });
  const [shown, setShown] = useState({ search, year });
  if (shown.search !== search || shown.year !== year) {
    setShown({ search, year });
    setTyped({ search, year });
  }
  const settled = useDebouncedValue(typed, SEARCH_DELAY_MS);
  useEffect(() => {
    if (settled.search === search && settled.year === year) return;
    show({ q: settled.search.trim(), year: settled.year.trim() }, true);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- show() reads the current URL when it runs
  }, [settled]);

  const user = auth.status === "signed-in" ? auth.user : null;

  return (
    <>
      <section aria-labelledby="favorites-heading">
        <h1 id="favorites-heading">
          My favorite movies
          <span aria-hidden="true" className="heart">
            ❤️
          </span>
        </h1>
        <div role="tablist" aria-label="Whose movies" className="tabs">
          <button type="button" role="tab" aria-selected={tab === "all"} onClick={() => show({ tab: "" })}>
            All movies
          </button>
          <button type="button" role="tab" aria-selected={tab === "mine"} onClick={() => show({ tab: "mine" })}>
            Mine
          </button>
        </div>
        <div className="filters">
          <label>
            Search
            <input
              type="search"
              value={typed.search}
              onChange={(e) => setTyped({ ...typed, search: e.target.value })}
              placeholder="Part of a title"
            />
          </label>
          <label>
            Year
            <input
              type="number"
              min={0}
              value={typed.year}
              onChange={(e) => setTyped({ ...typed, year: e.target.value })}
            />
          </label>
          <label>
            Sort by
            <select value={sort} onChange={(e) => show({ sort: e.target.value === "year" ? "" : e.target.value })}>
              {SORTS.map((s) => (
                <option key={s.value} value={s.value}>
                  {s.label}
                </option>
              ))}
            </select>
          </label>
        </div>
        {state.status === "loading" && <p role="status">Loading movies…</p>}
        {state.status === "failed" && (
          <div role="alert" className="alert">
            <p>The movies could not be loaded: {state.message}</p>
            <button type="button" className="button secondary" onClick={reload}>
              Try again
            </button>
          </div>
        )}
        {state.status === "ready" && state.total === 0 && (
          <p>{search || year || tab === "mine" ? "No movies match." : "No movies yet. Add your first one below."}</p>
        )}
        {state.status === "ready" && state.movies.length > 0 && (
          <ul className="movies">
            {state.movies.map((movie) => (
              <MovieItem
                key={movie.id}
                movie={movie}
                user={user}
                onUpdate={update}
                onRename={rename}
                onDelete={remove}
              />
            ))}
          </ul>
        )}
        {state.status === "ready" && state.total > 0 && (
          <Pager
            offset={(page - 1) * size}
            shown={state.movies.length}
            total={state.total}
            onPrevious={() => show({ page: String(page - 1) })}
            onNext={() => show({ page: String(page + 1) })}
          >
            <label>
              Per page
              <select
                value={size}
                onChange={(e) => show({ size: e.target.value === String(PAGE_SIZES[0]) ? "" : e.target.value })}
              >
                {PAGE_SIZES.map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            </label>
          </Pager>
        )}
      </section>
      {/* Shown once the list is there, so the list does not push it down while the page settles. */}
      {state.status !== "loading" && (
        <section aria-labelledby="add-heading">
          <h2 id="add-heading">Add new movie</h2>
          <MovieForm label="Add new movie" submitLabel="Add movie" onSubmit={add} resetOnSuccess />
        </section>
      )}
    </>
  );
}
