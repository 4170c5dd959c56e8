import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeApi, movie } from "../test/fakeApi";
import { renderApp } from "../test/renderApp";

function signedIn(...movies: ReturnType<typeof movie>[]) {
  const server = fakeApi(movies);
  server.signIn();
  return server;
}

describe("dashboard", () => {
  it("lists the movies with the original's labels and buttons", async () => {
    signedIn(movie("Good Will Hunting", 1997, "A janitor at M.I.T."), movie("Inception", 2010));
    renderApp("/dashboard");

    const item = await screen.findByRole("article", { name: "Good Will Hunting" });
    expect(item).toHaveTextContent("Title: Good Will Hunting");
    expect(item).toHaveTextContent("Year: 1997");
    expect(item).toHaveTextContent("Storyline: A janitor at M.I.T.");
    for (const name of ["Upper case", "Lower case", "Edit", "Delete"]) {
      expect(within(item).getByRole("button", { name })).toBeInTheDocument();
    }
    expect(screen.getAllByRole("article")).toHaveLength(2);
  });

  it("says so when there are no movies", async () => {
    signedIn();
    renderApp("/dashboard");
    expect(await screen.findByText("No movies yet. Add your first one below.")).toBeInTheDocument();
  });

  it("shows loading, then an error with a way to try again", async () => {
    const server = signedIn(movie("Inception", 2010));
    server.failMovieList(503);
    const release = server.holdMovieList();
    const { user } = renderApp("/dashboard");

    expect(await screen.findByText("Loading movies…")).toHaveAttribute("role", "status");
    release();
    expect(await screen.findByRole("alert")).toHaveTextContent("The movies could not be loaded: Service unavailable.");

    server.failMovieList(null);
    await user.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByRole("article", { name: "Inception" })).toBeInTheDocument();
  });

  it("shows the API's field errors next to the fields, then adds the corrected movie", async () => {
    const server = signedIn(movie("Inception", 2010));
    const { user, fill } = renderApp("/dashboard");
    const form = await screen.findByRole("form", { name: "Add new movie" });

    await fill(form, { Title: "The Prestige", Year: "abc" });
    await user.click(within(form).getByRole("button", { name: "Add movie" }));

    const year = within(form).getByLabelText("Year");
    await waitFor(() => expect(year).toHaveAccessibleDescription("A valid integer is required."));
    expect(year).toHaveAttribute("aria-invalid", "true");
    expect(server.movies).toHaveLength(1);

    await fill(form, { Year: "2006", Storyline: "Two rival magicians" });
    await user.click(within(form).getByRole("button", { name: "Add movie" }));

    const added = await screen.findByRole("article", { name: "The Prestige" });
    expect(added).toHaveTextContent("Year: 2006");
    expect(server.callsTo("POST", "/api/v1/movie").at(-1)?.body).toEqual({
      title: "The Prestige",
      year: "2006",
      description: "Two rival magicians",
    });
    // Ordered by year like the API: 2006 before 2010.
    expect(screen.getAllByRole("article").map((a) => a.querySelector("a")?.textContent)).toEqual([
      "The Prestige",
      "Inception",
    ]);
    expect(within(form).getByLabelText("Title")).toHaveValue("");
    expect(within(form).getByLabelText("Year")).not.toHaveAccessibleDescription();
  });

  it("edits a movie in place", async () => {
    const server = signedIn(movie("Inceptoin", 2010, "Dreams"));
    const { user, fill } = renderApp("/dashboard");

    await user.click(
      within(await screen.findByRole("article", { name: "Inceptoin" })).getByRole("button", { name: "Edit" }),
    );
    const form = screen.getByRole("form", { name: "Edit Inceptoin" });
    expect(within(form).getByLabelText("Title")).toHaveFocus();
    expect(within(form).getByLabelText("Year")).toHaveValue("2010");
    await fill(form, { Title: "Inception" });
    await user.click(within(form).getByRole("button", { name: "Save" }));

    expect(await screen.findByRole("article", { name: "Inception" })).toHaveTextContent("Storyline: Dreams");
    expect(screen.queryByRole("form", { name: /^Edit/ })).not.toBeInTheDocument();
    expect(
      within(screen.getByRole("article", { name: "Inception" })).getByRole("button", { name: "Edit" }),
    ).toHaveFocus();
    const [put] = server.callsTo("PUT", `/api/v1/movie/${server.movies[0].id}`);
    expect(put.body).toEqual({ title: "Inception", year: "2010", description: "Dreams" });
  });

  it("upper-cases and lower-cases a title through the API", async () => {
    const server = signedIn(movie("Parasite", 2019));
    const { user } = renderApp("/dashboard");

    await user.click(
      within(await screen.findByRole("article", { name: "Parasite" })).getByRole("button", { name: "Upper case" }),
    );
    const item = await screen.findByText("PARASITE");
    expect(server.movies[0].title).toBe("PARASITE");

    await user.click(within(item.closest("article")!).getByRole("button", { name: "Lower case" }));
    expect(await screen.findByText("parasite")).toBeInTheDocument();
    expect(server.callsTo("PATCH", `/api/v1/movie/${server.movies[0].id}`).map((c) => c.body)).toEqual([
      { title: "PARASITE" },
      { title: "parasite" },
    ]);
  });

  it("asks before deleting and deletes only when confirmed", async () => {
    const server = signedIn(movie("The Departed", 2006));
    const { user } = renderApp("/dashboard");
    const item = await screen.findByRole("article", { name: "The Departed" });
    const deleteButton = within(item).getByRole("button", { name: "Delete" });

    await user.click(deleteButton);
    const dialog = screen.getByRole("alertdialog", { name: "Delete movie?" });
    expect(dialog).toHaveAccessibleDescription("“The Departed” will be removed from your favorite movies.");
    expect(within(dialog).getByRole("button", { name: "Cancel" })).toHaveFocus();
    await user.click(within(dialog).getByRole("button", { name: "Cancel" }));
    expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument();
    expect(deleteButton).toHaveFocus();

    await user.click(deleteButton);
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument();
    expect(server.calls.filter((c) => c.method === "DELETE")).toHaveLength(0);

    await user.click(deleteButton);
    await user.click(within(screen.getByRole("alertdialog")).getByRole("button", { name: "Yes, delete" }));
    await waitFor(() => expect(screen.queryByRole("article", { name: "The Departed" })).not.toBeInTheDocument());
    expect(server.movies).toHaveLength(0);
    expect(screen.getByText("No movies yet. Add your first one below.")).toBeInTheDocument();
  });
});
