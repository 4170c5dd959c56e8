import { Link } from "react-router";

export function HomePage() {
  return (
    <section>
      <h1>Movies</h1>
      <p>Keep a list of your favorite movies: add them, fix their titles, drop the ones you tire of.</p>
      <p>
        <Link to="/dashboard">Go to my favorite movies</Link>
      </p>
    </section>
  );
}
