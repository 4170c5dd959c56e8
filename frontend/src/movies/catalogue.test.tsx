import { screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { api, TIMEOUT_MS } from "../api";
import { fakeApi, movie } from "../test/fakeApi";
import { renderApp } from "../test/renderApp";

function titles() {
  return screen.getAllByRole("article").map((article) => within(article).getByRole("link").textContent);
}

function manyMovies(count: number) {
  return Array.from({ length: count }, (_, i) => movie(`Movie ${String(i + 1).padStart(2, "0")}`, 2000 + i));
}

describe("catalogue", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("narrows the list as the user types in the search box, once typing pauses", async () => {
    const server = fakeApi([movie("Inception", 2010), movie("Interstellar", 2014), movie("Parasite", 2019)]);
    server.signIn();
    const { user } = renderApp("/dashboard");
    await screen.findByRole("article", { name: "Parasite" });

    await user.type(screen.getByRole("searchbox", { name: "Search" }), "inter");
    await waitFor(() => expect(titles()).toEqual(["Interstellar"]));
    const searches = server.calls.filter((c) => c.path === "/api/v1/movie" && c.url.includes("search="));
    expect(searches).toHaveLength(1);
    expect(searches[0].url).toContain("search=inter");
  });

  it("reads search, sort, page and tab from the address, so a reload shows the same list", async () => {
    fakeApi([movie("Inception", 2010), movie("Interstellar", 2014), movie("In the Mood for Love", 2000)]).signIn();
    renderApp("/dashboard?q=in&sort=-year&size=20");
    await waitFor(() => expect(titles()).toEqual(["Interstellar", "Inception", "In the Mood for Love"]));
    expect(screen.getByRole("combobox", { name: "Sort by" })).toHaveValue("-year");
    expect(screen.getByRole("searchbox", { name: "Search" })).toHaveValue("in");
  });

  it("pages through the list and says which movies of how many it shows", async () => {
    fakeApi(manyMovies(23)).signIn();
    const { user } = renderApp("/dashboard");
    expect(await screen.findByText("1–10 of 23")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Previous" })).toBeDisabled();

    await user.click(screen.getByRole("button", { name: "Next" }));
    expect(await screen.findByText("11–20 of 23")).toBeInTheDocument();
    expect(titles()[0]).toBe("Movie 11");
    await user.click(screen.getByRole("button", { name: "Next" }));
    expect(await screen.findByText("21–23 of 23")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Next" })).toBeDisabled();

    await user.selectOptions(screen.getByRole("combobox", { name: "Per page" }), "50");
    expect(await screen.findByText("1–23 of 23")).toBeInTheDocument();
  });

  it("sorts as chosen", async () => {
    fakeApi([movie("Beta", 2001), movie("Alpha", 2002), movie("Gamma", 2000)]).signIn();
    const { user } = renderApp("/dashboard");
    await waitFor(() => expect(titles()).toEqual(["Gamma", "Beta", "Alpha"]));
    await user.selectOptions(screen.getByRole("combobox", { name: "Sort by" }), "title");
    await waitFor(() => expect(titles()).toEqual(["Alpha", "Beta", "Gamma"]));
  });

  it("shows the signed-in user's own movies under Mine, and who added each movie", async () => {
    fakeApi([movie("Mine", 2001, null, "ann"), movie("Theirs", 2002, null, "bob"), movie("Old", 1990, null, null)], {
      username: "ann",
      is_staff: false,
    }).signIn();
    const { user } = renderApp("/dashboard");
    expect(await screen.findByRole("article", { name: "Theirs" })).toHaveTextContent("Added by bob");
    expect(screen.getByRole("article", { name: "Old" })).toHaveTextContent("Added before accounts");

    await user.click(screen.getByRole("tab", { name: "Mine" }));
    await waitFor(() => expect(titles()).toEqual(["Mine"]));
    expect(screen.getByRole("tab", { name: "Mine" })).toHaveAttribute("aria-selected", "true");
  });

  it("offers Edit and Delete only on the movies the user may change", async () => {
    fakeApi([movie("Mine", 2001, null, "ann"), movie("Theirs", 2002, null, "bob")], {
      username: "ann",
      is_staff: false,
    }).signIn();
    renderApp("/dashboard");
    const mine = await screen.findByRole("article", { name: "Mine" });
    expect(within(mine).getByRole("button", { name: "Edit" })).toBeInTheDocument();
    const theirs = screen.getByRole("article", { name: "Theirs" });
    expect(within(theirs).queryByRole("button", { name: "Edit" })).toBeNull();
    expect(within(theirs).queryByRole("button", { name: "Delete" })).toBeNull();
  });

  it("says a refused change the way the user thinks of it", async () => {
    const server = fakeApi([movie("Theirs", 2002, null, "bob")], { username: "ann", is_staff: false });
    server.signIn();
    const theirs = server.movies[0];
    await expect(api.renameMovie(theirs.id, "Mine now")).rejects.toThrow("You can only change movies you added.");
  });

  it("opens a movie's page from the list", async () => {
    fakeApi([movie("Inception", 2010, "A thief who steals secrets")]).signIn();
    const { user } = renderApp("/dashboard");
    await user.click(await screen.findByRole("link", { name: "Inception" }));
    expect(await screen.findByRole("heading", { level: 1, name: "Inception" })).toBeInTheDocument();
    expect(screen.getByRole("article", { name: "Inception" })).toHaveTextContent("A thief who steals secrets");
  });

  it("says a page or a movie is not there instead of sending the user elsewhere", async () => {
    fakeApi([]).signIn();
    renderApp("/no/such/page");
    expect(await screen.findByRole("heading", { name: "Page not found" })).toBeInTheDocument();
  });

  it("says an unknown movie is not found", async () => {
    fakeApi([]).signIn();
    renderApp("/movies/7521b5e7-0000-4000-8000-000000000000");
    expect(await screen.findByRole("heading", { name: "Movie not found" })).toBeInTheDocument();
  });

  it("gives up on a call the server does not answer within 10 seconds", async () => {
    vi.useFakeTimers();
    vi.stubGlobal(
      "fetch",
      vi.fn(
        (_input: RequestInfo | URL, init: RequestInit = {}) =>
          new Promise<Response>((_resolve, reject) =>
            init.signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError"))),
          ),
      ),
    );
    const answer = api.getMovie("7521b5e7-0000-4000-8000-000000000000");
    const expectation = expect(answer).rejects.toThrow(
      "The server did not answer within 10 seconds. Please try again.",
    );
    await vi.advanceTimersByTimeAsync(TIMEOUT_MS);
    await expectation;
  });
});
