package com.example.movies.e2e.stack;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Finds the host programs the processes stack runs (nginx, a Chromium and its
 * chromedriver) on the {@code PATH}, as a shell would: no fixed install paths.
 */
public final class Programs {

    private Programs() {
    }

    /** The first of {@code names} that is an executable in a {@code PATH} directory. */
    public static Optional<Path> onPath(List<String> names) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        return names.stream()
            .flatMap(name -> Arrays.stream(path.split(File.pathSeparator))
                .filter(directory -> !directory.isEmpty())
                .map(directory -> Path.of(directory, name)))
            .filter(Files::isExecutable)
            .findFirst();
    }

    public static Optional<Path> nginx() {
        return onPath(List.of("nginx"));
    }

    public static Optional<Path> chromium() {
        return onPath(List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"));
    }

    public static Optional<Path> chromedriver() {
        return onPath(List.of("chromedriver"));
    }

    /** Whether the processes stack's programs are all here. */
    public static boolean processesStackCanRun() {
        return nginx().isPresent() && chromium().isPresent() && chromedriver().isPresent();
    }

}
