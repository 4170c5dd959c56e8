package com.example.movies.infra.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.example.movies.infra.SynthesizedSystem;

/**
 * {@code scripts/preflight.sh}: what the account must provide before a deploy, checked
 * against the templates of the deploy's own context (here: the stand-in {@code cdk synth}
 * copies the every-option fixture's assembly: domain with certificate, mail through SES,
 * VPC endpoints) and a stand-in {@code aws}.
 */
class PreflightTest {

    private static final Path SCRIPT = Buildspec.ROOT.resolve("scripts/preflight.sh");

    /**
     * A rolling deploy at the maximum counts of the every-option fixture (dev preset): 4
     * API tasks of 1 vCPU and 1 frontend task of 0.25 vCPU, each at 200 %.
     */
    private static final String NEEDED_VCPU = "8.5";

    @TempDir
    Path bin;

    @Test
    void aReadyAccountPassesEveryCheck() {
        StandIns.Run run = preflight(Map.of());
        assertThat(run.status()).as(run.output()).isZero();
        assertThat(run.output()).contains(
                "ok    CDK bootstrap stack CDKToolkit, version 30 (the templates need 6 or later)",
                "ok    service-linked role AWSServiceRoleForECS",
                "ok    service-linked role AWSServiceRoleForApplicationAutoScaling_ECSService",
                "ok    SES sends in eu-west-1", "ok    SES identity movies.example.com is verified",
                "ok    SES VPC endpoint service com.amazonaws.eu-west-1.email in the VPC's zones (eu-west-1a eu-west-1b)",
                "ok    certificate arn:aws:acm:eu-west-1:123456789012:certificate/",
                "ok    Fargate On-Demand vCPU quota 100.0: a rolling deploy at the maximum counts needs " + NEEDED_VCPU,
                "preflight: eu-west-1 is ready for this deploy");
        // It synthesizes with the deploy's context and changes nothing.
        assertThat(StandIns.calls(bin, "cdk")).singleElement()
            .asString()
            .startsWith("synth --quiet --output ")
            .endsWith(" -c environment=test -c imageTag=abc");
        assertThat(StandIns.calls(bin, "aws")).noneMatch(call -> call.contains("create-"));
    }

    @Test
    void aMissingOrOldBootstrapStackFailsWithTheCommandThatFixesIt() {
        StandIns.Run missing = preflight(Map.of("STANDIN_BOOTSTRAP", "missing"));
        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.output()).contains("FAIL  no CDK bootstrap stack (CDKToolkit) in eu-west-1",
                "fix: cdk bootstrap aws://<account>/eu-west-1", "preflight: 1 check(s) failed in eu-west-1");
        StandIns.Run old = preflight(Map.of("STANDIN_BOOTSTRAP", "5"));
        assertThat(old.status()).isEqualTo(1);
        assertThat(old.output()).contains("FAIL  CDK bootstrap stack CDKToolkit has version 5; the templates need 6");
    }

    @Test
    void missingServiceLinkedRolesFailAndFixCreatesThem() {
        Map<String, String> missing = Map.of("STANDIN_MISSING_ROLES",
                "AWSServiceRoleForECS AWSServiceRoleForApplicationAutoScaling_ECSService");
        StandIns.Run check = preflight(missing);
        assertThat(check.status()).isEqualTo(1);
        assertThat(check.output()).contains("FAIL  no service-linked role AWSServiceRoleForECS",
                "fix: aws iam create-service-linked-role --aws-service-name ecs.amazonaws.com (or run this script with --fix)",
                "FAIL  no service-linked role AWSServiceRoleForApplicationAutoScaling_ECSService",
                "--aws-service-name ecs.application-autoscaling.amazonaws.com");

        StandIns.Run fixed = preflight(missing, "--fix");
        assertThat(fixed.status()).as(fixed.output()).isZero();
        assertThat(fixed.output()).contains("ok    service-linked role AWSServiceRoleForECS: created");
        assertThat(StandIns.calls(bin, "aws")).filteredOn(call -> call.startsWith("iam create-service-linked-role"))
            .containsExactly("iam create-service-linked-role --aws-service-name ecs.amazonaws.com",
                    "iam create-service-linked-role --aws-service-name ecs.application-autoscaling.amazonaws.com");
    }

    @Test
    void sesIdentityNotVerifiedFailsAndNotYetCreatedIsANote() {
        StandIns.Run unverified = preflight(Map.of("STANDIN_SES_VERIFIED", "False"));
        assertThat(unverified.status()).isEqualTo(1);
        assertThat(unverified.output()).contains("FAIL  SES identity movies.example.com is not verified");
        StandIns.Run firstDeploy = preflight(Map.of("STANDIN_SES_VERIFIED", "missing"));
        assertThat(firstDeploy.status()).as(firstDeploy.output()).isZero();
        assertThat(firstDeploy.output()).contains("note  SES identity movies.example.com does not exist yet");
    }

    @Test
    void anSesEndpointMissingFromAZoneOfTheVpcFails() {
        StandIns.Run run = preflight(Map.of("STANDIN_SES_ZONES", "eu-west-1a eu-west-1c"));
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.output()).contains(
                "FAIL  SES VPC endpoint service com.amazonaws.eu-west-1.email is not offered in eu-west-1b",
                "fix: -c natGateways=1");
    }

    @Test
    void aCertificateOfAnotherRegionFails() throws IOException {
        Path assembly = bin.resolve("assembly-us");
        copy(SynthesizedSystem.ALL_OPTIONS.assemblyDirectory(), assembly);
        try (Stream<Path> files = Files.list(assembly)) {
            for (Path template : files.filter(f -> f.toString().endsWith(".template.json")).toList()) {
                Files.writeString(template,
                        Files.readString(template).replace("arn:aws:acm:eu-west-1:", "arn:aws:acm:us-east-1:"));
            }
        }
        StandIns.Run run = preflight(Map.of("STANDIN_ASSEMBLY", assembly.toString()));
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.output()).contains(
                "FAIL  certificate arn:aws:acm:us-east-1:123456789012:certificate/00000000-0000-0000-0000-000000000000 is in us-east-1, the deploy is in eu-west-1",
                "fix: aws acm request-certificate --region eu-west-1");
    }

    @Test
    void aFargateQuotaBelowARollingDeployAtTheMaximumFails() {
        StandIns.Run run = preflight(Map.of("STANDIN_QUOTA", "8.0"));
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.output()).contains(
                "FAIL  Fargate On-Demand vCPU quota 8.0 is below the " + NEEDED_VCPU
                        + " vCPUs a rolling deploy at the maximum counts needs",
                "--quota-code L-3032A538 --desired-value " + NEEDED_VCPU);
    }

    @Test
    void theSystemWithoutMailOrDomainSkipsThoseChecks() {
        StandIns.Run run = preflight(
                Map.of("STANDIN_ASSEMBLY", SynthesizedSystem.DEFAULTS.assemblyDirectory().toString()));
        assertThat(run.status()).as(run.output()).isZero();
        assertThat(run.output()).doesNotContain("SES", "certificate")
            // 4 API tasks of 1 vCPU, 1 frontend task of 0.25, at 200 %.
            .contains("needs " + NEEDED_VCPU);
    }

    @Test
    void thePipelineRunsItWithTheDeploysContextBeforeTheDeployAndNeverFixes() {
        List<String> build = Buildspec.read().commands("build");
        String preflight = build.stream().filter(c -> c.startsWith("scripts/preflight.sh")).findFirst().orElseThrow();
        assertThat(preflight)
            .isEqualTo("scripts/preflight.sh ${DEPLOY_CONTEXT} -c imageTag=\"${CODEBUILD_RESOLVED_SOURCE_VERSION}\"");
        assertThat(build.indexOf(preflight)).isLessThan(build.indexOf("export DEPLOY_ATTEMPTED=true"));
        assertThat(Buildspec.read().allCommands()).noneMatch(command -> command.contains("--fix"));
    }

    private StandIns.Run preflight(Map<String, String> environment, String... options) {
        StandIns.install(bin);
        Map<String, String> all = new java.util.HashMap<>(
                Map.of("STANDIN_ASSEMBLY", SynthesizedSystem.ALL_OPTIONS.assemblyDirectory().toString()));
        all.putAll(environment);
        List<String> command = new java.util.ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(List.of(options));
        command.addAll(List.of("-c", "environment=test", "-c", "imageTag=abc"));
        try {
            Files.deleteIfExists(bin.resolve("aws-calls"));
            Files.deleteIfExists(bin.resolve("cdk-calls"));
        }
        catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return StandIns.run(bin, Buildspec.ROOT, all, command.toArray(String[]::new));
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                }
                else {
                    Files.copy(file, target);
                }
            }
        }
    }

}
