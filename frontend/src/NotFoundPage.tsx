import { Link } from "react-router";

/** An address that names nothing: said so, instead of a silent redirect. */
export function NotFoundPage({ what = "page" }: { what?: "page" | "movie" }) {
  return (
    <section aria-labelledby="not-found-heading">
      <h1 id="not-found-heading">{what === "movie" ? "Movie not found" : "Page not found"}</h1>
      <p>
        {what === "movie"
          ? "There is no movie at this address. It may have been deleted."
          : "There is nothing at this address."}
      </p>
      <p>
        <Link to="/dashboard">Go to the movies</Link> or <Link to="/">the home page</Link>.
      </p>
    </section>
  );
}
