import { useCallback, useState } from "react";
import { ApiError, errorMessage, type FieldErrors } from "../api";

/**
 * A form that calls the API: while the call runs it is busy; a 400 with per-field messages shows them under their
 * fields, any other failure as one message.
 */
export function useApiForm() {
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  /** Runs the call; whether it succeeded. */
  const submit = useCallback(async (action: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    setFieldErrors({});
    try {
      await action();
      return true;
    } catch (e) {
      if (e instanceof ApiError && Object.keys(e.fieldErrors).length > 0) setFieldErrors(e.fieldErrors);
      else setError(errorMessage(e));
      return false;
    } finally {
      setBusy(false);
    }
  }, []);

  return { fieldErrors, error, busy, submit };
}
