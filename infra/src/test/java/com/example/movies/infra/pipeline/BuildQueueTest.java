package com.example.movies.infra.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.example.movies.infra.SynthesizedSystem;

/**
 * Builds queue instead of being refused: the project has no concurrency limit, and a
 * build deploys only after every earlier build of the project has finished. The queue's
 * script runs here against a stand-in {@code aws} whose answers change as builds end.
 */
class BuildQueueTest {

    private static final Path SCRIPT = Buildspec.ROOT.resolve("scripts/await-earlier-builds.sh");

    @TempDir
    Path bin;

    @Test
    void theProjectRefusesNoBuildAndEachBuildWaitsBeforeItsDeploy() {
        Map<String, Object> project = SynthesizedSystem.ALL_OPTIONS.system.pipeline()
            .map(stack -> software.amazon.awscdk.assertions.Template.fromStack(stack))
            .orElseThrow()
            .findResources("AWS::CodeBuild::Project")
            .values()
            .iterator()
            .next();
        assertThat(project.toString()).doesNotContain("ConcurrentBuildLimit");
        List<String> build = Buildspec.read().commands("build");
        assertThat(build.indexOf("scripts/await-earlier-builds.sh")).isNotNegative()
            .isLessThan(build.indexOf(build.stream().filter(c -> c.contains("cdk deploy")).findFirst().orElseThrow()));
    }

    @Test
    void aBuildWaitsWhileAnEarlierOneRunsAndNotForALaterOne() throws Exception {
        // Build 7 runs: the first two answers show build 5 still in progress, then none.
        Path answers = bin.resolve("answers");
        Files.writeString(answers, "5\n5\n\n");
        Path aws = bin.resolve("aws");
        Files.writeString(aws, """
                #!/bin/sh
                echo "$*" >> %s/calls
                case "$2" in
                  list-builds-for-project) echo "movies-delivery:c movies-delivery:b movies-delivery:a" ;;
                  batch-get-builds) head -n 1 %s; sed -i 1d %s ;;
                esac
                """.formatted(bin, answers, answers));
        Files.setPosixFilePermissions(aws, PosixFilePermissions.fromString("rwxr-xr-x"));
        ProcessBuilder builder = new ProcessBuilder("bash", SCRIPT.toString()).redirectErrorStream(true);
        builder.environment()
            .putAll(Map.of("CODEBUILD_BUILD_ID", "movies-delivery:c", "CODEBUILD_BUILD_NUMBER", "7",
                    "AWAIT_POLL_SECONDS", "0", "PATH", bin + ":" + System.getenv("PATH")));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
        assertThat(output).contains("build 7 waits for build(s) 5 of movies-delivery to finish")
            .contains("build 7 of movies-delivery deploys now");
        List<String> calls = Files.readAllLines(bin.resolve("calls"));
        assertThat(calls).hasSize(6);
        assertThat(calls.get(0)).startsWith("codebuild list-builds-for-project --project-name movies-delivery");
        assertThat(calls.get(1)).startsWith("codebuild batch-get-builds --ids movies-delivery:c movies-delivery:b")
            .contains("buildStatus=='IN_PROGRESS' && buildNumber < `7`");
    }

}
