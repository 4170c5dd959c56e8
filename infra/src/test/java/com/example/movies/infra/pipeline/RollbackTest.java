package com.example.movies.infra.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.example.movies.infra.SynthesizedSystem;

/**
 * The pipeline's rollback (infra/PIPELINE.md): once the deploy was attempted, a failure
 * deploys the image tag that was in service before again, whether the deploy itself
 * failed part-way, its measurement under traffic failed, or the deployed e2e suite was
 * red. The buildspec's own commands run here, from the build queue to post_build's
 * {@code finally}, as CodeBuild runs them (one shell, a phase stops at its first failing
 * command and {@code on-failure: ABORT} skips the later phases, {@code finally} runs
 * after its phase's commands), in a copy of the repository's scripts with stand-in
 * {@code aws}, {@code cdk}, traffic runner and {@code ./mvnw}.
 */
class RollbackTest {

    private static final String NEW_TAG = "new2";

    private final Buildspec buildspec = Buildspec.read();

    @TempDir
    Path work;

    @Test
    void theBuildReadsThePreviousTagLoudlyMarksTheAttemptAndRollsBackOnBothFailurePaths() {
        List<String> build = buildspec.commands("build");
        int remembered = indexOf(build, "PREVIOUS_IMAGE_TAG=");
        int attempted = build.indexOf("export DEPLOY_ATTEMPTED=true");
        int deploy = indexOf(build, "cdk deploy");
        assertThat(build.get(remembered)).isEqualTo(
                "PREVIOUS_IMAGE_TAG=\"$(scripts/stack-output.sh \"${API_STACK_NAME}\" ImageTag)\" && export PREVIOUS_IMAGE_TAG");
        assertThat(remembered).isNotNegative().isLessThan(attempted);
        assertThat(attempted).isEqualTo(deploy - 1);
        assertThat(build.get(deploy))
            .endsWith("|| { scripts/deploy-traffic.sh stop || true; scripts/rollback-deploy.sh --failed; false; }");
        assertThat(PipelineStackTest.projectEnvironment()).containsEntry("API_STACK_NAME", "movies-test-api");
        SynthesizedSystem.DEFAULTS.api.hasOutput("ImageTag", Map.of("Value", "1.2.3"));
        SynthesizedSystem.DEFAULTS.api.hasOutput("GatewayUrl", Map.of());
        assertThat(buildspec.phase("post_build").get("finally")).isEqualTo(List.of("scripts/rollback-deploy.sh"));
    }

    @Test
    void aGreenBuildDeploysOnceUnderTrafficAndRollsNothingBack() throws IOException {
        Pipeline run = pipeline(Map.of());
        assertThat(run.failedPhase()).as(run.output()).isEmpty();
        assertThat(run.deploys()).containsExactly(NEW_TAG);
        assertThat(run.output()).contains("deploy-traffic: sending requests to https://gw.example during the deploy",
                "deploy-traffic: stand-in, exit 0", "rollback-deploy: the build succeeded; nothing to roll back");
        assertThat(StandIns.calls(work.resolve("bin"), "java")).singleElement()
            .asString()
            .contains("--url https://gw.example --username e2e --max-failures 0");
    }

    @Test
    void aFirstDeployWithARedE2eRunHasNoPreviousTagAndIsNotMeasured() throws IOException {
        Pipeline run = pipeline(Map.of("STANDIN_API_STACK", "missing", "STANDIN_E2E_EXIT", "1"));
        assertThat(run.failedPhase()).as(run.output()).contains("post_build");
        assertThat(run.deploys()).containsExactly(NEW_TAG);
        assertThat(run.output()).contains("this deploy is not measured under traffic",
                "rollback-deploy: no previous image tag (a first deploy)");
        assertThat(StandIns.calls(work.resolve("bin"), "java")).isEmpty();
    }

    @Test
    void aLaterDeployWithARedE2eRunDeploysThePreviousTagAgain() throws IOException {
        Pipeline run = pipeline(Map.of("STANDIN_E2E_EXIT", "1"));
        assertThat(run.failedPhase()).as(run.output()).contains("post_build");
        assertThat(run.deploys()).containsExactly(NEW_TAG, "old1");
        assertThat(run.cdk()).last()
            .isEqualTo("deploy --all --require-approval never -c environment=test -c preset=dev -c imageTag=old1");
        assertThat(run.output()).contains("rollback-deploy: old1 is in service again");
    }

    @Test
    void aDeployThatFailedPartWayDeploysThePreviousTagAgainAndSkipsPostBuild() throws IOException {
        Pipeline run = pipeline(Map.of("STANDIN_FAIL_TAG", NEW_TAG));
        assertThat(run.failedPhase()).as(run.output()).contains("build");
        assertThat(run.deploys()).containsExactly(NEW_TAG, "old1");
        assertThat(run.output()).contains("(stacks may be updated in part); deploying old1 again to every stack")
            .doesNotContain("e2e run");
    }

    @Test
    void aDeployThatFailedItsMeasurementUnderTrafficDeploysThePreviousTagAgain() throws IOException {
        Pipeline run = pipeline(Map.of("STANDIN_TRAFFIC_EXIT", "1"));
        assertThat(run.failedPhase()).as(run.output()).contains("build");
        assertThat(run.deploys()).containsExactly(NEW_TAG, "old1");
        assertThat(run.output()).contains("deploy-traffic: the deploy failed its measurement under traffic");
    }

    @Test
    void anUnreadablePreviousTagFailsTheBuildLoudlyBeforeAnyDeploy() throws IOException {
        Pipeline run = pipeline(Map.of("STANDIN_API_STACK", "denied"));
        assertThat(run.failedPhase()).as(run.output()).contains("build");
        assertThat(run.deploys()).isEmpty();
        assertThat(run.output()).contains(
                "stack-output: cannot read output ImageTag of stack movies-test-api: An error occurred (AccessDenied)");
    }

    @Test
    void nothingIsRolledBackWhenTheBuildFailedBeforeDeploying() throws IOException {
        // The preflight fails (too few Fargate vCPUs): the deploy was never attempted.
        Pipeline run = pipeline(Map.of("STANDIN_QUOTA", "1.0"));
        assertThat(run.failedPhase()).as(run.output()).contains("build");
        assertThat(run.deploys()).isEmpty();
    }

    record Pipeline(String output, List<String> cdk) {

        List<String> failedPhase() {
            return output.lines()
                .filter(line -> line.startsWith("codebuild: phase failed: "))
                .map(line -> line.substring("codebuild: phase failed: ".length()))
                .toList();
        }

        /** The image tags deployed, in order. */
        List<String> deploys() {
            return cdk.stream()
                .filter(call -> call.startsWith("deploy "))
                .map(call -> call.replaceAll(".*imageTag=(\\S+).*", "$1"))
                .toList();
        }
    }

    /**
     * Runs the build phase from the queue on (what comes before it tests and pushes
     * images; it cannot reach the deploy), then post_build unless the build phase failed,
     * then post_build's finally, as CodeBuild does with on-failure ABORT.
     */
    private Pipeline pipeline(Map<String, String> environment) throws IOException {
        Path bin = work.resolve("bin");
        StandIns.install(bin);
        Path repository = work.resolve("repository");
        Files.createDirectories(repository.resolve("infra"));
        Files.createDirectories(repository.resolve("scripts"));
        try (var scripts = Files.list(Buildspec.ROOT.resolve("scripts"))) {
            for (Path script : scripts.toList()) {
                Files.copy(script, repository.resolve("scripts").resolve(script.getFileName()),
                        java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        StandIns.write(repository.resolve("mvnw"),
                "#!/usr/bin/env bash\necho \"e2e run: $*\"\nexit \"$STANDIN_E2E_EXIT\"\n");

        List<String> build = buildspec.commands("build");
        List<String> fromQueue = build.subList(build.indexOf("scripts/await-earlier-builds.sh"), build.size());
        StringBuilder script = new StringBuilder("export CODEBUILD_BUILD_SUCCEEDING=1\nfailed=\n");
        phase(script, "build", fromQueue, "true");
        phase(script, "post_build", buildspec.commands("post_build"), "[ -z \"$failed\" ]");
        script.append("CODEBUILD_BUILD_SUCCEEDING=\"$([ -z \"$failed\" ] && echo 1 || echo 0)\"\n");
        phase(script, "post_build finally", castList(buildspec.phase("post_build").get("finally")),
                "[ \"$failed\" != build ]");
        Path emulation = work.resolve("codebuild.sh");
        Files.writeString(emulation, script.toString());

        Map<String, String> all = new HashMap<>(Map.of("STANDIN_ASSEMBLY",
                SynthesizedSystem.ALL_OPTIONS.assemblyDirectory().toString(), "CODEBUILD_BUILD_ID", "movies-delivery:a",
                "CODEBUILD_BUILD_NUMBER", "7", "CODEBUILD_RESOLVED_SOURCE_VERSION", NEW_TAG, "API_STACK_NAME",
                "movies-test-api", "DEPLOY_CONTEXT", "-c environment=test -c preset=dev", "E2E_USERNAME", "e2e",
                "E2E_USER_SECRET_ARN", "arn:aws:secretsmanager:eu-west-1:1:secret:e2e", "DEPLOY_TRAFFIC_MAX_FAILURES",
                "0"));
        all.putAll(environment);
        StandIns.Run run = StandIns.run(bin, repository, all, "bash", emulation.toString());
        return new Pipeline(run.output(), StandIns.calls(bin, "cdk"));
    }

    /**
     * One phase: its commands in order in the build's shell while {@code condition}
     * holds, stopping at the first that fails.
     */
    private void phase(StringBuilder script, String name, List<String> commands, String condition) throws IOException {
        script.append("if ").append(condition).append("; then\n  phase_failed=\n");
        for (int i = 0; i < commands.size(); i++) {
            Path file = work.resolve(name.replace(' ', '-') + "-" + i + ".sh");
            Files.writeString(file, commands.get(i) + "\n");
            script.append("  if [ -z \"$phase_failed\" ] && ! eval \"$(cat '")
                .append(file)
                .append("')\"; then phase_failed=1; echo 'codebuild: phase failed: ")
                .append(name)
                .append("'; fi\n");
        }
        if (!name.endsWith("finally")) {
            script.append("  [ -n \"$phase_failed\" ] && failed=\"").append(name).append("\"\n");
        }
        script.append("fi\n");
    }

    @SuppressWarnings("unchecked")
    private static List<String> castList(Object value) {
        return new ArrayList<>((List<String>) value);
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
