import { QueryClientProvider } from "@tanstack/react-query";
import { render, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter } from "react-router";
import { App } from "../App";
import { AuthProvider } from "../auth/AuthProvider";
import { createQueryClient } from "../queryClient";

/** The whole app at a path, as the browser would show it (with an empty cache). */
export function renderApp(path: string) {
  const user = userEvent.setup();
  render(
    <QueryClientProvider client={createQueryClient()}>
      <MemoryRouter initialEntries={[path]}>
        <AuthProvider>
          <App />
        </AuthProvider>
      </MemoryRouter>
    </QueryClientProvider>,
  );
  /** Replaces what the fields of `container` with these labels hold, one after the other, as the user would. */
  async function fill(container: HTMLElement, values: Record<string, string>) {
    for (const [label, value] of Object.entries(values)) {
      const field = within(container).getByLabelText(label);
      await user.clear(field);
      await user.type(field, value);
    }
  }

  return { user, fill };
}
