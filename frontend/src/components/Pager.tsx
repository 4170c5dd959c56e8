import type { ReactNode } from "react";

interface PagerProps {
  /** Items before the page shown. */
  offset: number;
  /** Items the page shows. */
  shown: number;
  /** Items that match. */
  total: number;
  /** What the status says when nothing matches. */
  empty?: string;
  onPrevious(): void;
  onNext(): void;
  children?: ReactNode;
}

/** A list's pages: "n–m of N", Previous and Next, and what else the list offers (a page size). */
export function Pager({ offset, shown, total, empty = "", onPrevious, onNext, children }: PagerProps) {
  return (
    <nav aria-label="Pages" className="pager">
      <span role="status">{total > 0 ? `${offset + 1}–${offset + shown} of ${total}` : empty}</span>
      <button type="button" className="button secondary" disabled={offset <= 0} onClick={onPrevious}>
        Previous
      </button>
      <button type="button" className="button secondary" disabled={offset + shown >= total} onClick={onNext}>
        Next
      </button>
      {children}
    </nav>
  );
}
