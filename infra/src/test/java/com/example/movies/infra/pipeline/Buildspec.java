package com.example.movies.infra.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.Yaml;

/**
 * The repository's {@code buildspec.yml}, parsed, with readers for what its commands
 * name.
 */
final class Buildspec {

    /** The repository root: tests run in {@code infra/}. */
    static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    static final List<String> PHASES = List.of("install", "pre_build", "build", "post_build");

    private static final Pattern MODULES = Pattern.compile("\\s-pl\\s+(\\S+)");

    private static final Pattern PROFILES = Pattern.compile("\\s-P\\s*(\\S+)");

    private static final Pattern SYSTEM_PROPERTY = Pattern.compile("\\s-D([\\w.-]+)=");

    private static final Pattern VARIABLE_USE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)}");

    private static final Pattern VARIABLE_ASSIGNMENT = Pattern.compile("(?:^|\\s)([A-Z][A-Z0-9_]*)=");

    final Map<String, Object> document;

    private Buildspec(Map<String, Object> document) {
        this.document = document;
    }

    static Buildspec read() {
        try {
            return new Buildspec(new Yaml().load(Files.readString(ROOT.resolve(PipelineStack.BUILDSPEC))));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> map(String key) {
        return (Map<String, Object>) document.get(key);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> phase(String name) {
        return (Map<String, Object>) map("phases").get(name);
    }

    @SuppressWarnings("unchecked")
    List<String> commands(String phase) {
        return (List<String>) phase(phase).get("commands");
    }

    List<String> allCommands() {
        List<String> all = new ArrayList<>();
        PHASES.forEach(phase -> all.addAll(commands(phase)));
        return all;
    }

    /** Commands that run Maven through the wrapper. */
    List<String> mavenCommands() {
        return allCommands().stream().filter(command -> command.contains("./mvnw")).toList();
    }

    static List<String> modules(String command) {
        return matches(MODULES, command).stream().flatMap(list -> List.of(list.split(",")).stream()).toList();
    }

    static List<String> profiles(String command) {
        return matches(PROFILES, command).stream().flatMap(list -> List.of(list.split(",")).stream()).toList();
    }

    static List<String> systemProperties(String command) {
        return matches(SYSTEM_PROPERTY, " " + command);
    }

    /**
     * Environment variables the commands read ({@code ${NAME}}) but neither the buildspec
     * nor its commands set.
     */
    Set<String> variablesFromOutside() {
        Set<String> used = new LinkedHashSet<>();
        Set<String> set = new LinkedHashSet<>();
        for (String command : allCommands()) {
            used.addAll(matches(VARIABLE_USE, command));
            set.addAll(matches(VARIABLE_ASSIGNMENT, command));
        }
        set.addAll(((Map<?, ?>) map("env").get("variables")).keySet().stream().map(String::valueOf).toList());
        used.removeAll(set);
        return used;
    }

    private static List<String> matches(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

}
