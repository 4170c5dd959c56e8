import { useEffect, useState } from "react";

/** The value once it has stopped changing for `delayMs`: a search box's text once typing pauses. */
export function useDebouncedValue<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}

/** How long typing may pause before a list follows its search box. */
export const SEARCH_DELAY_MS = 300;
