package com.example.movies.e2e.stack;

import java.util.Locale;

/** Chooses the run's stack from {@code e2e.stack} / {@code E2E_STACK}; see {@link Stack} for the rule. */
public final class StackSelection {

    private StackSelection() {
    }

    public static Stack select() {
        String name = Settings.find("e2e.stack").map(s -> s.toLowerCase(Locale.ROOT)).orElseGet(StackSelection::byDefault);
        return switch (name) {
            case "processes" -> new ProcessesStack();
            case "containers" -> new ContainersStack();
            case "deployed" -> DeployedStack.fromSettings();
            default -> throw new IllegalArgumentException(
                    "Unknown e2e.stack '" + name + "': use processes, containers or deployed");
        };
    }

    /** Containers where a Docker engine and the images are there, as CI has after building them; else processes. */
    private static String byDefault() {
        String name = ContainersStack.isAvailable() ? "containers" : "processes";
        System.out.println("e2e: no e2e.stack / E2E_STACK given, using the " + name + " stack");
        return name;
    }
}
