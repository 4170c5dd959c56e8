package com.example.movies.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.example.movies.infra.DeploymentParameters.Accounts;
import com.example.movies.infra.DeploymentParameters.CustomDomain;
import com.example.movies.infra.DeploymentParameters.Database;
import com.example.movies.infra.DeploymentParameters.Network;
import com.example.movies.infra.DeploymentParameters.Preset;
import com.example.movies.infra.DeploymentParameters.Service;
import com.example.movies.infra.DeploymentParameters.Shutdown;
import com.example.movies.infra.DeploymentParameters.Target;
import com.example.movies.infra.DeploymentParameters.TaskSize;

/**
 * Context parameters: defaults, parsing of -c strings and JSON values, and refusal of
 * impossible combinations.
 */
class DeploymentParametersTest {

    @Test
    void defaultsAreTheCheapestSetupWhereANewApiTaskServesInSeconds() {
        DeploymentParameters parameters = DeploymentParameters.from(Map.<String, Object>of("imageTag", "abc")::get,
                Optional.of("eu-central-1"));

        // @formatter:off
        assertThat(parameters).isEqualTo(new DeploymentParameters(
                new Target("dev", "eu-central-1", "abc", Path.of("target/openapi.json")),
                Preset.DEV,
                new Service(new TaskSize(1024, 2048), 1, 4),
                new Service(new TaskSize(256, 512), 1, 1),
                new Shutdown(30, 60),
                new Network(1, false, Optional.empty()),
                new Database("micro", false, 8),
                new Accounts(false, Optional.empty()),
                Optional.empty()));
        // @formatter:on
        assertThat(parameters.accounts().features()).as("sign-up is off unless turned on").isEmpty();
        assertThat(parameters.accounts().mailFrom()).isEmpty();
        assertThat(parameters.namePrefix()).isEqualTo("movies-dev");
        assertThat(parameters.frontendUrl("alb.example")).isEqualTo("http://alb.example");
    }

    @Test
    void readsEveryKeyFromStringsAndJsonValues() {
        Map<String, Object> context = new HashMap<>(Map.of("environment", "prod", "region", "us-east-1", "imageTag",
                "abc123", "apiCpu", 512, "apiMemoryMiB", "1024", "apiDesiredCount", "2", "apiMaxCount", 6,
                "frontendCpu", "256", "frontendMemoryMiB", 1024));
        context.putAll(Map.of("frontendDesiredCount", 2, "natGateways", "2", "vpcEndpoints", true, "domainName",
                "movies.example.com", "certificateArn", "arn:aws:acm:us-east-1:1:certificate/x", "openApiDocument",
                "elsewhere/openapi.json", "signUp", "true", "sesIdentity", "movies.example.com"));
        context.putAll(
                Map.of("frontendMaxCount", "3", "databaseSize", "medium", "multiAzDatabase", "true", "apiDbPoolSize",
                        "5", "alarmEmail", "ops@example.com", "apiDrainSeconds", "45", "apiStopTimeoutSeconds", 90));

        DeploymentParameters parameters = DeploymentParameters.from(context::get, Optional.of("eu-west-1"));

        // @formatter:off
        assertThat(parameters).isEqualTo(new DeploymentParameters(
                new Target("prod", "us-east-1", "abc123", Path.of("elsewhere/openapi.json")),
                Preset.DEV,
                new Service(new TaskSize(512, 1024), 2, 6),
                new Service(new TaskSize(256, 1024), 2, 3),
                new Shutdown(45, 90),
                new Network(2, true, Optional.of(
                        new CustomDomain("movies.example.com", "arn:aws:acm:us-east-1:1:certificate/x"))),
                new Database("medium", true, 5),
                new Accounts(true, Optional.of("movies.example.com")),
                Optional.of("ops@example.com")));
        // @formatter:on
        assertThat(parameters.accounts().features()).containsExactly("sign-up");
        assertThat(parameters.accounts().mailFrom()).contains("no-reply@movies.example.com");
        assertThat(parameters.frontendUrl("ignored")).isEqualTo("https://movies.example.com");
    }

    @Test
    void refusesImpossibleChoicesWithTheReason() {
        assertRefused(Map.of("natGateways", "0"), "natGateways=0 needs vpcEndpoints=true");
        assertRefused(Map.of("domainName", "movies.example.com"), "domainName and certificateArn must both be set");
        assertRefused(Map.of("apiCpu", "256", "apiMemoryMiB", "4096"), "Not a Fargate task size");
        assertRefused(Map.of("apiCpu", "300"), "Not a Fargate task size: cpu 300; Fargate accepts cpu [256, 512, 1024");
        assertRefused(Map.of("apiCpu", "0.25"), "apiCpu must be a whole number");
        assertRefused(Map.of("environment", "Prod"), "environment must match");
        assertRefused(Map.of("apiDesiredCount", "5"), "apiMaxCount at least 1 and at least apiDesiredCount");
        assertRefused(Map.of("frontendDesiredCount", "-1"), "desired counts must be at least 0");
        assertRefused(Map.of("vpcEndpoints", "yes"), "vpcEndpoints must be true or false");
        assertRefused(Map.of("signUp", "on"), "signUp must be true or false");
        assertRefused(Map.of("sesIdentity", "not an identity"), "sesIdentity must be an e-mail address");
        assertThatThrownBy(
                () -> DeploymentParameters.from(Map.<String, Object>of("imageTag", "abc")::get, Optional.empty()))
            .hasMessageContaining("no region");
    }

    /**
     * Fargate's table, not a multiple of 512 MiB: each of these passed the old check and
     * would fail at RegisterTaskDefinition.
     */
    @Test
    void taskSizesAreExactlyTheOnesFargateAccepts() {
        assertRefused(Map.of("apiCpu", "1024", "apiMemoryMiB", "2560"),
                "apiCpu / apiMemoryMiB: Not a Fargate task size: cpu 1024 with memoryMiB 2560; with cpu 1024 Fargate accepts memoryMiB "
                        + "[2048, 3072, 4096, 5120, 6144, 7168, 8192]");
        assertRefused(Map.of("apiCpu", "256", "apiMemoryMiB", "1536"),
                "with cpu 256 Fargate accepts memoryMiB [512, 1024, 2048]");
        assertRefused(Map.of("frontendCpu", "512", "frontendMemoryMiB", "1536"),
                "frontendCpu / frontendMemoryMiB: Not a Fargate task size: cpu 512 with memoryMiB 1536; with cpu 512 Fargate accepts memoryMiB [1024, 2048, 3072, 4096]");
        assertThat(new TaskSize(8192, 61440).memoryMiB()).isEqualTo(61440);
        assertThat(new TaskSize(16384, 122880).cpu()).isEqualTo(16384);
        assertThatThrownBy(() -> new TaskSize(8192, 17408)).hasMessageContaining("[16384, 20480, 24576");
        assertThatThrownBy(() -> new TaskSize(4096, 31744)).hasMessageContaining("29696, 30720]");
    }

    @Test
    void theStopTimeoutComesAfterTheDrainAndTheLongestRequestWithinFargatesLimit() {
        assertRefused(Map.of("apiDrainSeconds", "40"),
                "apiStopTimeoutSeconds (60) must exceed apiDrainSeconds (40) plus the longest request the API lets "
                        + "finish (20), or ECS kills requests in flight");
        assertRefused(Map.of("apiDrainSeconds", "100", "apiStopTimeoutSeconds", "121"),
                "apiStopTimeoutSeconds must be at most 120 (Fargate's limit): 121");
        assertRefused(Map.of("apiDrainSeconds", "-1"), "apiDrainSeconds must be at least 0");
        assertThat(new Shutdown(99, 120).drainSeconds()).as("the longest drain Fargate's limit leaves").isEqualTo(99);
    }

    @Test
    void theProductionPresetHasNoSinglePointOfFailure() {
        DeploymentParameters production = DeploymentParameters
            .from(Map.<String, Object>of("imageTag", "abc", "preset", "production")::get, Optional.of("eu-west-1"));
        assertThat(production.preset()).isEqualTo(Preset.PRODUCTION);
        assertThat(production.api().desiredCount()).isEqualTo(2);
        assertThat(production.frontend().desiredCount()).isEqualTo(2);
        assertThat(production.frontend().maxCount()).isGreaterThan(2);
        assertThat(production.network().natGateways()).isEqualTo(2);
        assertThat(production.database()).isEqualTo(new Database("small", true, 8));
        assertThat(DeploymentParameters
            .from(Map.<String, Object>of("imageTag", "abc", "preset", "production", "natGateways", "1")::get,
                    Optional.of("eu-west-1"))
            .network()
            .natGateways()).as("a key given overrides its preset").isEqualTo(1);
    }

    @Test
    void aDeployWithoutAnImageTagIsRefused() {
        assertThatThrownBy(() -> DeploymentParameters.from(key -> null, Optional.of("eu-west-1")))
            .hasMessageContaining("no imageTag: pass the tag of the images to run, -c imageTag=<tag>");
    }

    @Test
    void theApisConnectionsMustFitTheDatabase() {
        // 4 tasks x 10 connections x 2 during a deploy = 80: a db.t4g.micro's limit.
        assertRefused(Map.of("apiDbPoolSize", "10"),
                "The API can open 80 database connections (apiMaxCount 4 x apiDbPoolSize 10 x 2 during a deploy), but "
                        + "a db.t4g.micro admits about 80: lower apiMaxCount or apiDbPoolSize, or choose a larger "
                        + "databaseSize");
        assertThat(DeploymentParameters
            .from(Map.<String, Object>of("imageTag", "abc", "apiDbPoolSize", "10", "databaseSize", "small")::get,
                    Optional.of("eu-west-1"))
            .database()
            .connectionLimit()).isEqualTo(180);
        assertRefused(Map.of("preset", "staging"), "preset must be dev or production");
        assertRefused(Map.of("databaseSize", "huge"), "databaseSize must be one of [large, medium, micro, small]");
    }

    private static void assertRefused(Map<String, Object> context, String reason) {
        Map<String, Object> withTag = new HashMap<>(context);
        withTag.putIfAbsent("imageTag", "abc");
        assertThatThrownBy(() -> DeploymentParameters.from(withTag::get, Optional.of("eu-west-1")))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining(reason);
    }

}
