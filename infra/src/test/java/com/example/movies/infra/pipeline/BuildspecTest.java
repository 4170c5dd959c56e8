package com.example.movies.infra.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Template;

import com.example.movies.infra.SynthesizedSystem;

/**
 * Keeps {@code buildspec.yml} honest against the rest of the repository: it is a
 * CodeBuild buildspec, it runs the README's test command, and every module, property,
 * stack output, e2e setting and environment variable it names exists where it says.
 */
class BuildspecTest {

    /**
     * Builds, trains, checks and pushes the API's image (with -Djib.* arguments for its
     * Maven runs).
     */
    private static final String API_IMAGE_SCRIPT = "scripts/api-image.sh";

    /** The training run that {@link #API_IMAGE_SCRIPT} runs for the AOT cache. */
    private static final String TRAINING_RUN = "e2e-tests/src/test/java/com/example/movies/e2e/aot/AotTraining.java";

    private static final Path E2E_STACK_SOURCES = Buildspec.ROOT
        .resolve("e2e-tests/src/test/java/com/example/movies/e2e/stack");

    private final Buildspec buildspec = Buildspec.read();

    @Test
    void isACodeBuildBuildspecThatStopsAtTheFirstFailure() {
        assertThat(buildspec.document.get("version")).isEqualTo(0.2);
        assertThat(buildspec.document).containsOnlyKeys("version", "env", "phases", "reports", "cache");
        assertThat(buildspec.map("env")).containsEntry("shell", "bash");
        assertThat(buildspec.map("phases")).containsOnlyKeys(Buildspec.PHASES.toArray(String[]::new));
        for (String phase : Buildspec.PHASES) {
            assertThat(buildspec.phase(phase)).as(phase).containsEntry("on-failure", "ABORT").containsKey("commands");
            assertThat(buildspec.phase(phase).keySet()).as(phase)
                .isSubsetOf("runtime-versions", "commands", "on-failure", "finally");
            assertThat(buildspec.commands(phase)).as(phase).isNotEmpty().allMatch(command -> !command.isBlank());
        }
        assertThat(buildspec.phase("install").get("runtime-versions"))
            .isEqualTo(Map.of("java", "corretto17", "nodejs", 22));
    }

    @Test
    @SuppressWarnings("unchecked")
    void reportsEveryModulesTestsAsJunitAndCachesMavenAndNpm() {
        Map<String, Object> reports = buildspec.map("reports");
        List<String> patterns = new ArrayList<>();
        reports.forEach((group, value) -> {
            Map<?, ?> report = (Map<?, ?>) value;
            assertThat(report.get("file-format")).as(group).isEqualTo("JUNITXML");
            assertThat((List<?>) report.get("files")).as(group).isNotEmpty();
            ((List<?>) report.get("files")).forEach(file -> patterns.add(String.valueOf(file)));
        });
        // Surefire and Failsafe of every module (the leading * is the module directory),
        // and the deployed e2e run.
        assertThat(patterns).contains("*/target/surefire-reports/TEST-*.xml", "*/target/failsafe-reports/TEST-*IT.xml",
                "e2e-tests/target/failsafe-reports/TEST-*-deployed.xml");
        assertThat(buildspec.commands("post_build"))
            .anyMatch(command -> command.contains("-Dsurefire.reportNameSuffix=deployed"));

        assertThat((List<Object>) buildspec.map("cache").get("paths")).containsExactlyInAnyOrder("/root/.m2/**/*",
                "/root/.npm/**/*");
    }

    @Test
    void buildRunsTheReadmesTestCommandFirst() throws IOException {
        String readmeCommand = readmeTestCommand();
        String first = buildspec.commands("build").get(0);
        assertThat(first.replace(" -B ", " ").replaceFirst(" -B$", "")).isEqualTo(readmeCommand);
    }

    @Test
    void everyModuleAndProfileItBuildsExists() {
        List<String> modules = Pom.root().modules();
        Set<String> profiles = Stream.concat(Stream.of(Pom.root()), modules.stream().map(Pom::module))
            .flatMap(pom -> pom.profiles().stream())
            .collect(Collectors.toSet());
        assertThat(buildspec.mavenCommands()).hasSizeGreaterThanOrEqualTo(3);
        for (String command : buildspec.mavenCommands()) {
            assertThat(Buildspec.modules(command)).as(command).isSubsetOf(modules);
            assertThat(Buildspec.profiles(command)).as(command).isSubsetOf(profiles);
        }
    }

    @Test
    void everyPropertyItSetsIsReadByWhatItRuns() throws IOException {
        String e2eSources = e2eStackSources();
        for (String command : buildspec.mavenCommands()) {
            List<String> modules = Buildspec.modules(command);
            for (String property : Buildspec.systemProperties(command)) {
                String what = command + " sets " + property;
                assertThat(modules).as(what + " for a chosen module (-pl)").isNotEmpty();
                for (String module : modules) {
                    Pom pom = Pom.module(module);
                    if (property.startsWith("jib.")) {
                        assertThat(pom.buildPlugins()).as(what).contains("jib-maven-plugin");
                    }
                    else if (property.startsWith("surefire.")) {
                        assertThat(pom.buildPlugins()).as(what).contains("maven-failsafe-plugin");
                    }
                    else if (property.startsWith("e2e.")) {
                        assertThat(module).as(what).isEqualTo("e2e-tests");
                        assertThat(e2eSources).as(what).contains("\"" + property + "\"");
                    }
                    else {
                        assertThat(Stream.concat(pom.properties().stream(), Pom.root().properties().stream())).as(what)
                            .contains(property);
                    }
                }
            }
        }
    }

    @Test
    void jibPushesEachImageToItsOwnRepository() {
        assertThat(buildspec.commands("build"))
            .anyMatch(command -> command.startsWith(API_IMAGE_SCRIPT + " --push ")
                    && command.contains("-Djib.to.image=\"${API_REPOSITORY_URI}:"))
            .anyMatch(command -> Buildspec.modules(command).equals(List.of("frontend")) && command.contains("jib:build")
                    && command.contains("-Djib.to.image=\"${FRONTEND_REPOSITORY_URI}:"));
    }

    /**
     * The API's image: build, training run, rebuild with the cache (profile aot-cache of
     * movies-api), check, push. The script needs a Docker engine, started before it; its
     * Maven arguments are Jib's, which movies-api declares.
     */
    @Test
    void pushesTheApiImageWithTheAotCacheOfItsTrainingRun() throws IOException {
        List<String> build = buildspec.commands("build");
        String push = onlyCommand("build", API_IMAGE_SCRIPT);
        assertThat(buildspec.commands("install")).as("Docker engine started before the tests and the image script")
            .contains("scripts/docker-engine.sh");
        assertThat(build.indexOf(push)).as("after the tests").isGreaterThan(0);
        assertThat(Buildspec.systemProperties(push)).isNotEmpty().allMatch(property -> property.startsWith("jib."));
        assertThat(Pom.module("movies-api").buildPlugins()).contains("jib-maven-plugin");

        String script = Files.readString(Buildspec.ROOT.resolve(API_IMAGE_SCRIPT));
        assertThat(script).contains("-pl movies-api", "jib:dockerBuild", "-Paot-cache jib:dockerBuild",
                "-Paot-cache jib:build", "-XX:AOTMode=on", "source: shared objects file");
        // The training run is e2e-tests' AotTraining, which the script runs between the
        // two builds.
        assertThat(script).contains("-pl e2e-tests test -Dtest=AotTraining");
        assertThat(script.indexOf("-Dtest=AotTraining")).isGreaterThan(script.indexOf("jib:dockerBuild"))
            .isLessThan(script.indexOf("-Paot-cache jib:dockerBuild"));
        assertThat(Buildspec.ROOT.resolve(TRAINING_RUN)).content().contains("-XX:AOTCacheOutput");
        assertThat(script.indexOf("-Paot-cache jib:build")).as("pushes only after the check")
            .isGreaterThan(script.indexOf("-XX:AOTMode=on"));
        assertThat(Pom.module("movies-api").profiles()).contains("aot-cache");
    }

    @Test
    void deploysEveryStackWithTheCommitAsImageTag() {
        String deploy = onlyCommand("build", "cdk deploy");
        assertThat(deploy).contains("cd infra &&", " --all ", "--require-approval never", "${DEPLOY_CONTEXT}",
                "-c imageTag=\"${CODEBUILD_RESOLVED_SOURCE_VERSION}\"");
        // The image tag the deploy asks for is the tag Jib pushed.
        assertThat(buildspec.commands("build"))
            .filteredOn(command -> command.contains("jib:build") || command.startsWith(API_IMAGE_SCRIPT))
            .hasSize(2)
            .allMatch(command -> command.contains(":${CODEBUILD_RESOLVED_SOURCE_VERSION}\""));
    }

    @Test
    void readsOnlyOutputsTheStacksExportFromTheFileTheDeployWrote() {
        String deploy = onlyCommand("build", "cdk deploy");
        Matcher directory = Pattern.compile("cd (\\S+) &&").matcher(deploy);
        Matcher file = Pattern.compile("--outputs-file (\\S+)").matcher(deploy);
        assertThat(directory.find() && file.find()).as(deploy).isTrue();
        String outputsFile = directory.group(1) + "/" + file.group(1);

        List<String> reads = buildspec.commands("post_build")
            .stream()
            .filter(command -> command.contains("jq "))
            .toList();
        assertThat(reads).hasSize(2).allMatch(command -> command.endsWith(" " + outputsFile + ")\""));
        Set<String> outputs = new TreeSet<>();
        reads.forEach(command -> {
            Matcher name = Pattern.compile("\\.\\[]\\.(\\w+)").matcher(command);
            while (name.find()) {
                outputs.add(name.group(1));
            }
        });
        assertThat(outputs).containsExactly("FrontendUrl", "GatewayUrl");

        for (SynthesizedSystem synthesized : List.of(SynthesizedSystem.DEFAULTS, SynthesizedSystem.ALL_OPTIONS)) {
            for (String output : outputs) {
                // jq takes the first stack that has the output: exactly one must, or the
                // choice is arbitrary.
                long stacks = synthesized.stacks()
                    .stream()
                    .filter(stack -> Template.fromStack(stack).findOutputs(output).containsKey(output))
                    .count();
                assertThat(stacks).as(output).isEqualTo(1);
            }
        }
    }

    @Test
    void runsTheE2eSuitesDeployedStackWithEverySettingItRequires() throws IOException {
        String e2e = onlyCommand("post_build", "-pl e2e-tests");
        assertThat(e2e).contains("-De2e.stack=deployed");
        assertThat(Files.readString(E2E_STACK_SOURCES.resolve("StackSelection.java"))).contains("case \"deployed\"");

        Matcher required = Pattern.compile("Settings\\.require\\(\"([\\w.]+)\"\\)")
            .matcher(Files.readString(E2E_STACK_SOURCES.resolve("DeployedStack.java")));
        List<String> settings = new ArrayList<>();
        while (required.find()) {
            settings.add(required.group(1));
        }
        assertThat(settings).contains("e2e.apiUrl", "e2e.frontendUrl", "e2e.adminPassword");
        for (String setting : settings) {
            // As a system property, or as the environment variable the suite's Settings
            // derives from it.
            assertThat(e2e.contains("-D" + setting + "=") || e2e.startsWith(environmentName(setting) + "="))
                .as("%s is given to the deployed e2e run: %s", setting, e2e)
                .isTrue();
        }
    }

    @Test
    void readsFromItsEnvironmentExactlyWhatThePipelineProjectSets() {
        Set<String> fromProject = buildspec.variablesFromOutside()
            .stream()
            .filter(name -> !name.startsWith("CODEBUILD_")) // set by CodeBuild itself
            .collect(Collectors.toCollection(TreeSet::new));
        assertThat(fromProject).isEqualTo(PipelineStackTest.projectEnvironment().keySet());
    }

    /**
     * The README's test command: the first line of the first code block under the heading
     * about tests.
     */
    static String readmeTestCommand() throws IOException {
        List<String> lines = Files.readAllLines(Buildspec.ROOT.resolve("README.md"));
        int heading = -1;
        for (int i = 0; i < lines.size() && heading < 0; i++) {
            if (lines.get(i).matches("#+ .*(?i)\\btests?\\b.*")) {
                heading = i;
            }
        }
        assertThat(heading).as("README has a heading about running the tests").isNotNegative();
        int fence = heading + 1;
        while (!lines.get(fence).startsWith("```")) {
            fence++;
        }
        return lines.get(fence + 1).trim();
    }

    private String onlyCommand(String phase, String containing) {
        List<String> found = buildspec.commands(phase)
            .stream()
            .filter(command -> command.contains(containing))
            .toList();
        assertThat(found).as("%s commands with %s", phase, containing).hasSize(1);
        return found.get(0);
    }

    private static String e2eStackSources() throws IOException {
        try (Stream<Path> files = Files.list(E2E_STACK_SOURCES)) {
            StringBuilder text = new StringBuilder();
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                text.append(Files.readString(file));
            }
            return text.toString();
        }
    }

    /**
     * The e2e suite's rule (Settings.environmentName): {@code e2e.adminPassword} ->
     * {@code E2E_ADMIN_PASSWORD}.
     */
    private static String environmentName(String property) {
        return property.replace('.', '_').replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

}
