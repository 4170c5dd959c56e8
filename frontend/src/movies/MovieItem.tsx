import { useEffect, useId, useRef, useState } from "react";
import { Link } from "react-router";
import { canChange, errorMessage, type Movie, type MovieInput, type User } from "../api";
import { Alert } from "../components/Alert";
import { ConfirmDialog } from "../components/ConfirmDialog";
import { MovieForm } from "./MovieForm";

interface MovieItemProps {
  movie: Movie;
  /** The signed-in user, if any: the actions show only where the API would allow them. */
  user: User | null;
  onUpdate(id: string, input: MovieInput): Promise<void>;
  onRename(id: string, title: string): Promise<void>;
  onDelete(id: string): Promise<void>;
}

/** One movie: its fields and actions, or the form editing it in place. */
export function MovieItem({ movie, user, onUpdate, onRename, onDelete }: MovieItemProps) {
  const allowed = user !== null && canChange(movie, user);
  const titleId = useId();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // Back from editing, keyboard focus returns to the Edit button rather than to the page's start.
  const editButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  useEffect(() => {
    if (wasEditing.current && !editing) editButton.current?.focus();
    wasEditing.current = editing;
  }, [editing]);

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  if (editing) {
    return (
      <li className="movie">
        <MovieForm
          label={`Edit ${movie.title}`}
          initial={{ title: movie.title, year: String(movie.year), description: movie.description ?? "" }}
          submitLabel="Save"
          onSubmit={async (input) => {
            await onUpdate(movie.id, input);
            setEditing(false);
          }}
          onCancel={() => setEditing(false)}
          focusTitle
        />
      </li>
    );
  }

  return (
    <li className="movie">
      <article aria-labelledby={titleId}>
        <p>
          <strong>Title:</strong>{" "}
          <Link to={`/movies/${movie.id}`} id={titleId}>
            {movie.title}
          </Link>
        </p>
        <p>
          <strong>Year:</strong> {movie.year}
        </p>
        <p>
          <strong>Storyline:</strong> {movie.description}
        </p>
        <p className="muted">{movie.created_by ? `Added by ${movie.created_by}` : "Added before accounts"}</p>
        {error && <Alert>{error}</Alert>}
        {allowed && (
          <div className="actions">
            <button
              type="button"
              className="button secondary"
              disabled={busy}
              onClick={() => run(() => onRename(movie.id, movie.title.toUpperCase()))}
            >
              Upper case
            </button>
            <button
              type="button"
              className="button info"
              disabled={busy}
              onClick={() => run(() => onRename(movie.id, movie.title.toLowerCase()))}
            >
              Lower case
            </button>
            <button
              type="button"
              className="button outline"
              disabled={busy}
              ref={editButton}
              onClick={() => setEditing(true)}
            >
              Edit
            </button>
            <button type="button" className="button danger" disabled={busy} onClick={() => setConfirming(true)}>
              Delete
            </button>
          </div>
        )}
      </article>
      {confirming && (
        <ConfirmDialog
          title="Delete movie?"
          message={`“${movie.title}” will be removed from your favorite movies.`}
          confirmLabel="Yes, delete"
          onConfirm={() => {
            setConfirming(false);
            void run(() => onDelete(movie.id));
          }}
          onCancel={() => setConfirming(false)}
        />
      )}
    </li>
  );
}
