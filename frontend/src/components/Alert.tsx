import type { ReactNode } from "react";

/** What went wrong, announced as it appears. */
export function Alert({ children }: { children: ReactNode }) {
  return (
    <p role="alert" className="alert">
      {children}
    </p>
  );
}
