package com.example.movies.infra.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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
 * The pipeline's post-deploy check (infra/PIPELINE.md): the build reads the image tag in
 * service before it deploys, and when the build fails after the deploy (the deployed e2e
 * suite), post_build's {@code finally} deploys that tag again. The script runs here
 * against a stand-in {@code cdk} that records its arguments.
 */
class RollbackTest {

    private static final Path SCRIPT = Buildspec.ROOT.resolve("scripts/rollback-deploy.sh");

    private final Buildspec buildspec = Buildspec.read();

    @TempDir
    Path bin;

    @Test
    void theBuildRemembersTheTagInServiceBeforeItDeploysAndRollsBackInPostBuildsFinally() {
        List<String> build = buildspec.commands("build");
        int remembered = indexOf(build, "export PREVIOUS_IMAGE_TAG=");
        int deploy = indexOf(build, "cdk deploy");
        int deployed = build.indexOf("export DEPLOYED=true");
        assertThat(remembered).isNotNegative().isLessThan(deploy);
        assertThat(deployed).isEqualTo(deploy + 1);
        assertThat(build.get(remembered)).contains("--stack-name \"${API_STACK_NAME}\"", "OutputKey=='ImageTag'");
        assertThat(PipelineStackTest.projectEnvironment()).containsEntry("API_STACK_NAME", "movies-test-api");
        SynthesizedSystem.DEFAULTS.api.hasOutput("ImageTag", Map.of("Value", "1.2.3"));
        assertThat(buildspec.phase("post_build").get("finally")).isEqualTo(List.of("scripts/rollback-deploy.sh"));
    }

    @Test
    void aFailedBuildAfterItsDeployDeploysThePreviousTagAgain() throws Exception {
        Run run = rollback(Map.of("CODEBUILD_BUILD_SUCCEEDING", "0", "DEPLOYED", "true", "PREVIOUS_IMAGE_TAG", "abc123",
                "DEPLOY_CONTEXT", "-c environment=prod -c preset=production"));
        assertThat(run.status()).as(run.output()).isZero();
        assertThat(run.cdk()).isEqualTo(
                "deploy --all --require-approval never -c environment=prod -c preset=production -c imageTag=abc123");
    }

    @Test
    void nothingIsRolledBackWhenTheBuildSucceededFailedBeforeDeployingOrHadNoPreviousVersion() throws Exception {
        for (Map<String, String> environment : List.of(
                Map.of("CODEBUILD_BUILD_SUCCEEDING", "1", "DEPLOYED", "true", "PREVIOUS_IMAGE_TAG", "abc"),
                Map.of("CODEBUILD_BUILD_SUCCEEDING", "0", "PREVIOUS_IMAGE_TAG", "abc"),
                Map.of("CODEBUILD_BUILD_SUCCEEDING", "0", "DEPLOYED", "true", "PREVIOUS_IMAGE_TAG", "None"))) {
            Run run = rollback(environment);
            assertThat(run.status()).as(run.output()).isZero();
            assertThat(run.cdk()).as(environment.toString()).isEmpty();
        }
    }

    record Run(int status, String output, String cdk) {
    }

    private Run rollback(Map<String, String> environment) throws IOException, InterruptedException {
        Path record = bin.resolve("cdk-args");
        Files.deleteIfExists(record);
        Path cdk = bin.resolve("cdk");
        Files.writeString(cdk, "#!/bin/sh\necho \"$*\" > " + record + "\n");
        Files.setPosixFilePermissions(cdk, PosixFilePermissions.fromString("rwxr-xr-x"));
        ProcessBuilder builder = new ProcessBuilder("bash", SCRIPT.toString()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = process.waitFor();
        return new Run(status, output, Files.exists(record) ? Files.readString(record).strip() : "");
    }

    private static int indexOf(List<String> commands, String part) {
        for (int i = 0; i < commands.size(); i++) {
            if (commands.get(i).contains(part)) {
                return i;
            }
        }
        return -1;
    }

}
