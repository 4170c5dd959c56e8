package com.example.movies.e2e.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Chooses the run's stack from {@code e2e.stack} / {@code E2E_STACK}; see {@link Stack}
 * for the rule.
 */
public final class StackSelection {

    private StackSelection() {
    }

    public static Stack select() {
        String name = Settings.find("e2e.stack")
            .map(s -> s.toLowerCase(Locale.ROOT))
            .orElseGet(StackSelection::byDefault);
        return switch (name) {
            case "processes" -> new ProcessesStack();
            case "containers" -> new ContainersStack();
            case "deployed" -> DeployedStack.fromSettings();
            default -> throw new IllegalArgumentException(
                    "Unknown e2e.stack '" + name + "': use processes, containers or deployed");
        };
    }

    /**
     * Containers where a Docker engine answers and the images were built from the modules
     * as they are now built; else processes. An image older than its module's build would
     * test yesterday's code, so it is not chosen by default.
     */
    private static String byDefault() {
        String name = ContainersStack.isAvailable() && imagesAreCurrent() ? "containers" : "processes";
        if (name.equals("processes") && !Programs.processesStackCanRun()) {
            throw new IllegalStateException("No stack can run here. Either a Docker engine (the containers stack:"
                    + " ./mvnw install builds its images when the engine's socket is at /var/run/docker.sock), or"
                    + " nginx, Chromium and chromedriver on the PATH (the processes stack). Found on the PATH: nginx "
                    + Programs.nginx().map(Object::toString).orElse("no") + ", chromium "
                    + Programs.chromium().map(Object::toString).orElse("no") + ", chromedriver "
                    + Programs.chromedriver().map(Object::toString).orElse("no"));
        }
        System.out.println("e2e: no e2e.stack / E2E_STACK given, using the " + name + " stack");
        return name;
    }

    /**
     * Each Jib build records its image in {@code target/jib-image.id}: it must be newer
     * than the module's build.
     */
    private static boolean imagesAreCurrent() {
        Path apiJar = Path.of(Settings.require("e2e.apiJar"));
        Path frontendTarget = Path.of(Settings.require("e2e.frontendDir")).resolve("target");
        return builtAfter(apiJar.resolveSibling("jib-image.id"), apiJar)
                && builtAfter(frontendTarget.resolve("jib-image.id"), frontendTarget.resolve("dist/index.html"));
    }

    private static boolean builtAfter(Path image, Path build) {
        try {
            boolean current = Files.getLastModifiedTime(image).compareTo(Files.getLastModifiedTime(build)) >= 0;
            if (!current) {
                System.out.println("e2e: the image recorded in " + image + " is older than " + build
                        + ": not testing it (rebuild it with jib:dockerBuild, or choose e2e.stack)");
            }
            return current;
        }
        catch (IOException e) {
            return false;
        }
    }

}
