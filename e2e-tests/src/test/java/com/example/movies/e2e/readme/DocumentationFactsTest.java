package com.example.movies.e2e.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The facts of the repository's Markdown that drift when code changes: links, the files
 * and classes the text names, the API's packages table, and how many stacks the CDK app
 * has. A unit test of the text, no stack needed; it runs in {@code ./mvnw install} with
 * the module's other tests.
 */
class DocumentationFactsTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    private static final Set<String> SKIPPED_DIRECTORIES = Set.of(".git", "target", "node_modules", "node", "cdk.out",
            "dist");

    /** A Markdown link: [text](target). */
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

    private static final Pattern CODE = Pattern.compile("`([^`\\s]+)`");

    /** Names written as classes of this project: one of its suffixes, or a .java file. */
    private static final Pattern CLASS_NAME = Pattern.compile(
            "([A-Z][A-Za-z0-9]*(?:Test|IT|Drill|Stack|Controller|Service|Repository|Config|Properties|Handler|Filter|Parameters|Exception|Responses|Resolver|Provider|Page|Mailer))(?:\\.java|\\.[a-z][A-Za-z]*(?:\\(\\))?)?");

    private static final List<String> MODULES = List.of("movies-api/", "frontend/", "infra/", "e2e-tests/", "scripts/",
            "bench/", ".ci/");

    private static final Map<String, Integer> NUMBERS = Map.of("two", 2, "three", 3, "four", 4, "five", 5, "six", 6,
            "seven", 7, "eight", 8);

    private static final Pattern STACK_COUNT = Pattern
        .compile("\\b(two|three|four|five|six|seven|eight|[2-9]) stacks\\b");

    /** Library classes the docs name on purpose. */
    private static final Set<String> LIBRARY_CLASSES = Set.of("DaoAuthenticationProvider",
            "ResponseEntityExceptionHandler", "BrowserWebDriverContainer", "PostgreSQLContainer",
            "BearerTokenAuthenticationEntryPoint", "GenericContainer", "ApplicationLoadBalancedFargateService");

    /** Files a command writes, named by the docs that say where it writes them. */
    private static final Set<String> GENERATED = Set.of("infra/cdk-outputs.json");

    /** The history of measurements: it names what the code was then, on purpose. */
    private static final Path HISTORY = Path.of("bench/FINDINGS.md");

    private static List<Path> documents;

    private static List<String> sourcePaths;

    private static Set<String> sourceNames;

    @BeforeAll
    static void readTree() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(ROOT)) {
            files = walk.filter(path -> ROOT.relativize(path).toString().isEmpty() || !isSkipped(ROOT.relativize(path)))
                .filter(Files::isRegularFile)
                .toList();
        }
        documents = files.stream().filter(path -> path.toString().endsWith(".md")).toList();
        sourceNames = files.stream()
            .map(path -> path.getFileName().toString())
            .filter(name -> name.matches(".*\\.(java|ts|tsx)"))
            .map(name -> name.substring(0, name.lastIndexOf('.')))
            .collect(Collectors.toSet());
        sourcePaths = files.stream().map(path -> ROOT.relativize(path).toString()).toList();
        assertThat(documents).as("Markdown files under %s", ROOT).hasSizeGreaterThan(4);
    }

    private static boolean isSkipped(Path relative) {
        for (Path part : relative) {
            if (SKIPPED_DIRECTORIES.contains(part.toString())) {
                return true;
            }
        }
        return false;
    }

    @Test
    void everyRelativeLinkLeadsToAFileOrFolder() {
        List<String> broken = new ArrayList<>();
        forEachMatch(LINK, (document, target) -> {
            if (target.matches("^[a-z]+:.*") || target.startsWith("#")) {
                return;
            }
            String path = target.replaceAll("#.*$", "");
            if (!Files.exists(document.getParent().resolve(path))) {
                broken.add(ROOT.relativize(document) + ": " + target);
            }
        });
        assertThat(broken).as("links to nothing").isEmpty();
    }

    @Test
    void everyProjectPathInCodeExists() {
        List<String> missing = new ArrayList<>();
        forEachMatch(CODE, (document, code) -> {
            if (MODULES.stream().noneMatch(code::startsWith) || code.matches(".*[<>*{}$].*")
                    || code.contains("/target/") || code.contains("/cdk.out") || code.contains("/node_modules")) {
                return;
            }
            String path = code.replaceAll("[:,.;)]+$", "").replaceAll(":\\d+(-\\d+)?$", "");
            // e2e-tests/README.md names its test classes by package: frontend/FrontendIT.
            boolean exists = Files.exists(ROOT.resolve(path)) || GENERATED.contains(path)
                    || sourcePaths.stream().anyMatch(source -> source.endsWith("/" + path + ".java"));
            if (!exists) {
                missing.add(ROOT.relativize(document) + ": " + code);
            }
        });
        assertThat(missing).as("paths named in code spans that do not exist").isEmpty();
    }

    @Test
    void everyClassNamedInCodeExists() {
        List<String> missing = new ArrayList<>();
        forEachMatch(CODE, (document, code) -> {
            Matcher name = CLASS_NAME.matcher(code);
            if (name.matches() && !sourceNames.contains(name.group(1)) && !LIBRARY_CLASSES.contains(name.group(1))
                    && !ROOT.relativize(document).equals(HISTORY)) {
                missing.add(ROOT.relativize(document) + ": " + code);
            }
        });
        assertThat(missing).as("classes named in code spans that are not in the tree").isEmpty();
    }

    @Test
    void thePackagesTableListsEveryPackageOfTheApi() throws IOException {
        Path sources = ROOT.resolve("movies-api/src/main/java/com/example/movies");
        Set<String> packages;
        try (Stream<Path> directories = Files.walk(sources)) {
            packages = directories.filter(Files::isDirectory)
                .filter(DocumentationFactsTest::holdsJava)
                .map(directory -> sources.relativize(directory).toString().replace('/', '.'))
                .filter(name -> !name.isEmpty())
                .collect(Collectors.toSet());
        }
        String readme = Files.readString(ROOT.resolve("movies-api/README.md"));
        Matcher section = Pattern.compile("(?ms)^## Packages$(.*?)^## ").matcher(readme);
        assertThat(section.find()).as("movies-api/README.md has a Packages section").isTrue();
        Set<String> listed = new java.util.TreeSet<>();
        Matcher row = Pattern.compile("(?m)^\\| ([^|]+) \\|").matcher(section.group(1));
        while (row.find()) {
            Matcher name = CODE.matcher(row.group(1));
            while (name.find()) {
                listed.add(name.group(1));
            }
        }
        assertThat(listed).as("the packages movies-api/README.md's table lists, against the code's")
            .containsExactlyInAnyOrderElementsOf(packages);
    }

    private static boolean holdsJava(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.anyMatch(file -> file.toString().endsWith(".java"));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Test
    void stackCountsMatchTheCdkApp() throws IOException {
        // The stacks the CDK app creates: MoviesSystem's and the pipeline's.
        Set<String> created = new java.util.TreeSet<>();
        Pattern construction = Pattern.compile("new ([A-Z][A-Za-z]*Stack)\\(");
        try (Stream<Path> files = Files.walk(ROOT.resolve("infra/src/main/java"))) {
            for (Path source : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                Matcher stack = construction.matcher(Files.readString(source));
                while (stack.find()) {
                    created.add(stack.group(1));
                }
            }
        }
        assertThat(created).as("stacks the CDK app creates").contains("PipelineStack");
        long stacks = created.size();
        // The pipeline's stack is optional: "N stacks" is either the system without it or
        // with it.
        Set<Long> allowed = Set.of(stacks - 1, stacks);
        List<String> wrong = new ArrayList<>();
        forEachMatch(STACK_COUNT, (document, count) -> {
            if (ROOT.relativize(document).startsWith("e2e-tests")) {
                return; // there a stack is what the e2e suite runs on: processes,
                        // containers or deployed
            }
            long n = NUMBERS.containsKey(count) ? NUMBERS.get(count) : Long.parseLong(count);
            if (!allowed.contains(n)) {
                wrong.add(ROOT.relativize(document) + ": " + count + " stacks (the app has " + (stacks - 1)
                        + " and the optional pipeline)");
            }
        });
        List<Path> javaDocs = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(ROOT.resolve("infra/src/main"))) {
            sources.filter(path -> path.toString().endsWith(".java")).forEach(javaDocs::add);
        }
        for (Path source : javaDocs) {
            Matcher count = STACK_COUNT.matcher(Files.readString(source));
            while (count.find()) {
                String word = count.group(1);
                long n = NUMBERS.containsKey(word) ? NUMBERS.get(word) : Long.parseLong(word);
                if (!allowed.contains(n)) {
                    wrong.add(ROOT.relativize(source) + ": " + word + " stacks");
                }
            }
        }
        assertThat(wrong).as("stack counts").isEmpty();
    }

    private static void forEachMatch(Pattern pattern, java.util.function.BiConsumer<Path, String> check) {
        for (Path document : documents) {
            String text;
            try {
                text = Files.readString(document);
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            Matcher matcher = pattern.matcher(text);
            while (matcher.find()) {
                check.accept(document, matcher.group(1));
            }
        }
    }

}
