package com.example.movies.infra;

import static com.example.movies.infra.Resources.properties;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import software.amazon.awscdk.assertions.Template;

import com.example.movies.infra.DeploymentParameters.Shutdown;
import com.example.movies.infra.api.ApiStack;

/**
 * What protects the data and the traffic, over every stack of both parameter sets:
 * deletion protection and backups, log retention, encryption at rest, no unacknowledged
 * wildcard permission, TLS, and a task stop that lets the API finish its requests.
 */
class HardeningTest {

    private static final List<SynthesizedSystem> BOTH = List.of(SynthesizedSystem.DEFAULTS,
            SynthesizedSystem.ALL_OPTIONS);

    @Test
    void databaseHasDeletionProtectionAndKeepsItsBackups() {
        Template data = SynthesizedSystem.DEFAULTS.data;
        Map<String, Object> instance = data.findResources("AWS::RDS::DBInstance")
            .values()
            .stream()
            .map(Resources::asMap)
            .findFirst()
            .orElseThrow();
        assertThat(instance).containsEntry("DeletionPolicy", "Snapshot")
            .containsEntry("UpdateReplacePolicy", "Snapshot");
        assertThat(Resources.asMap(instance.get("Properties"))).containsEntry("DeletionProtection", true)
            .containsEntry("BackupRetentionPeriod", 7)
            .containsEntry("DeleteAutomatedBackups", false)
            .containsEntry("CopyTagsToSnapshot", true)
            .containsEntry("StorageEncrypted", true);
        // Deletion protection is on, so nothing acknowledges cdk-nag's finding about it
        // being off.
        for (SynthesizedSystem system : BOTH) {
            assertThat(templates(system))
                .noneSatisfy(template -> assertThat(template.toJSON().toString()).contains("AwsSolutions-RDS10"));
        }
    }

    @Test
    void everyLogGroupHasARetentionAndAccessLogsExpire() {
        for (SynthesizedSystem system : BOTH) {
            List<Map<String, Object>> logGroups = templates(system)
                .flatMap(template -> properties(template, "AWS::Logs::LogGroup").values().stream())
                .toList();
            // API, gateway access logs, flow logs, frontend; plus CodeBuild's with the
            // pipeline.
            assertThat(logGroups).hasSize(system.system.pipeline().isPresent() ? 5 : 4)
                .allSatisfy(group -> assertThat(group).containsKey("RetentionInDays"));
            // No Lambda function (e.g. a CDK custom resource) whose log group AWS would
            // create without a retention.
            assertThat(templates(system)
                .flatMap(template -> template.findResources("AWS::Lambda::Function").keySet().stream())).isEmpty();
        }
        assertThat(properties(SynthesizedSystem.DEFAULTS.network, "AWS::S3::Bucket").values()).singleElement()
            .satisfies(bucket -> assertThat(bucket.get("LifecycleConfiguration").toString())
                .contains("ExpirationInDays=90"));
    }

    @Test
    void everythingThatStoresDataIsEncryptedAtRest() {
        for (SynthesizedSystem system : BOTH) {
            assertThat(properties(system.data, "AWS::RDS::DBInstance").values())
                .allSatisfy(db -> assertThat(db).containsEntry("StorageEncrypted", true));
            // Container images: KMS with the account's AWS managed ECR key.
            assertThat(templates(system)
                .flatMap(template -> properties(template, "AWS::ECR::Repository").values().stream())).hasSize(2)
                .allSatisfy(repository -> assertThat(repository).containsEntry("EncryptionConfiguration",
                        Map.of("EncryptionType", "KMS")));
            // S3: the ALB's access logs, with SSE-S3 (the only encryption ALB log
            // delivery supports).
            assertThat(templates(system).flatMap(template -> properties(template, "AWS::S3::Bucket").values().stream()))
                .isNotEmpty()
                .allSatisfy(bucket -> assertThat(bucket.get("BucketEncryption").toString())
                    .contains("SSEAlgorithm=AES256"));
            // Secrets Manager encrypts every secret with KMS (the account's
            // aws/secretsmanager key unless another
            // is named) and CloudWatch Logs encrypts every log group; neither can be
            // switched off, and a customer
            // managed key would add a key policy to maintain and protect nothing more
            // here.
        }
    }

    @Test
    void noWildcardPermissionWithoutAnAcknowledgementThatNamesIt() {
        for (SynthesizedSystem system : BOTH) {
            List<String> actions = new ArrayList<>();
            templates(system).forEach(template -> properties(template, "AWS::IAM::Policy").values()
                .forEach(policy -> statements(policy)
                    .forEach(statement -> actions.addAll(strings(statement.get("Action"))))));
            assertThat(actions).isNotEmpty().noneSatisfy(action -> assertThat(action).contains("*"));

            // cdk-nag's IAM5 (wildcard resources) is acknowledged only finding by
            // finding, with the resources named
            // and a reason: an acknowledgement never covers a wildcard added later.
            List<Map<String, Object>> iam5 = templates(system)
                .flatMap(template -> template.findResources("AWS::IAM::Policy").values().stream())
                .flatMap(resource -> nagSuppressions(Resources.asMap(resource)).stream())
                .filter(suppression -> "AwsSolutions-IAM5".equals(suppression.get("id")))
                .toList();
            assertThat(iam5).isNotEmpty().allSatisfy(suppression -> {
                assertThat(suppression.get("applies_to")).asList().isNotEmpty();
                assertThat((String) suppression.get("reason")).hasSizeGreaterThan(40);
            });
        }
    }

    @Test
    void browserToAlbIsTlsWithACertificateAndTheGatewayIsAlwaysHttps() {
        // With a certificate: HTTPS on 443 with a TLS 1.2+ policy, and port 80 only
        // redirects to it.
        Template frontend = SynthesizedSystem.ALL_OPTIONS.frontend;
        assertThat(properties(frontend, "AWS::ElasticLoadBalancingV2::Listener").values()).hasSize(2)
            .anySatisfy(listener -> assertThat(listener).containsEntry("Protocol", "HTTPS")
                .containsEntry("SslPolicy", "ELBSecurityPolicy-TLS13-1-2-2021-06"))
            .anySatisfy(listener -> assertThat(listener).containsEntry("Protocol", "HTTP")
                .extractingByKey("DefaultActions")
                .asString()
                .contains("Type=redirect")
                .contains("Protocol=HTTPS"));
        // The gateway: an HTTP API reached only on its execute-api endpoint, which AWS
        // serves over HTTPS alone; no
        // custom domain (which could carry an older TLS policy), the endpoint not
        // disabled, and the frontend calls it.
        for (SynthesizedSystem system : BOTH) {
            system.api.resourceCountIs("AWS::ApiGatewayV2::DomainName", 0);
            assertThat(properties(system.api, "AWS::ApiGatewayV2::Api").values()).singleElement()
                .satisfies(api -> assertThat(api).containsEntry("ProtocolType", "HTTP")
                    .doesNotContainKey("DisableExecuteApiEndpoint"));
            system.frontend.hasResourceProperties("AWS::ECS::TaskDefinition", Map.of("ContainerDefinitions",
                    List.of(software.amazon.awscdk.assertions.Match.objectLike(Map.of("Environment", List
                        .of(Map.of("Name", "API_BASE_URL", "Value", Resources.importOf("HttpApi\\w*ApiEndpoint"))))))));
        }
    }

    @Test
    void apiTaskStopLetsTheGracefulShutdownFinish() throws Exception {
        Map<String, Object> container = apiContainer();
        // The app's own graceful-shutdown timeout, read from its configuration.
        Map<String, Object> yaml = new Yaml()
            .load(Files.readString(Path.of("..", "movies-api", "src", "main", "resources", "application.yaml")));
        String phase = (String) Resources.asMap(Resources.asMap(yaml.get("spring")).get("lifecycle"))
            .get("timeout-per-shutdown-phase");
        assertThat(phase).matches("\\d+s");
        int phaseSeconds = Integer.parseInt(phase.replace("s", ""));
        // The longest request the parameters' check allows for is the app's own.
        assertThat(phaseSeconds).isEqualTo(Shutdown.GRACEFUL_SHUTDOWN_SECONDS);

        // The defaults: a drain well beyond the SRV records' TTL (API Gateway's cache of
        // Cloud Map's answer is its own), and SIGKILL only after the drain and the
        // longest graceful shutdown, with a margin.
        assertThat(container.get("Environment")).asList()
            .contains(Map.of("Name", "MOVIES_SHUTDOWN_DRAIN_DELAY", "Value", "30s"));
        assertThat(30).isGreaterThan(ApiStack.DNS_TTL.toSeconds().intValue());
        assertThat(Resources.number(container.get("StopTimeout"))).isEqualTo(60)
            .isGreaterThanOrEqualTo(30 + phaseSeconds + 5)
            .isLessThanOrEqualTo(120);
        // Liveness, not readiness: a task whose database is away stays and recovers by
        // itself.
        assertThat(Resources.asMap(container.get("HealthCheck")).get("Command")).asList()
            .endsWith("http://localhost:8080/actuator/health/liveness");
    }

    @Test
    void theDrainAndTheStopTimeoutAreDeploymentParameters() {
        Map<String, Object> container = apiContainer(
                SynthesizedSystem.with(Map.of("apiDrainSeconds", "45", "apiStopTimeoutSeconds", "90")));
        assertThat(container.get("Environment")).asList()
            .contains(Map.of("Name", "MOVIES_SHUTDOWN_DRAIN_DELAY", "Value", "45s"));
        assertThat(Resources.number(container.get("StopTimeout"))).isEqualTo(90);
    }

    private static Map<String, Object> apiContainer() {
        return apiContainer(SynthesizedSystem.DEFAULTS);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> apiContainer(SynthesizedSystem system) {
        return properties(system.api, "AWS::ECS::TaskDefinition").values()
            .stream()
            .flatMap(task -> ((List<Map<String, Object>>) task.get("ContainerDefinitions")).stream())
            .filter(container -> "api".equals(container.get("Name")))
            .findFirst()
            .orElseThrow();
    }

    private static Stream<Template> templates(SynthesizedSystem system) {
        return system.templates.stream();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> statements(Map<String, Object> policy) {
        return (List<Map<String, Object>>) Resources.asMap(policy.get("PolicyDocument")).get("Statement");
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object value) {
        return value instanceof List<?> list ? (List<String>) list : List.of((String) value);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> nagSuppressions(Map<String, Object> resource) {
        Object metadata = resource.get("Metadata");
        if (!(metadata instanceof Map<?, ?> map) || !(map.get("cdk_nag") instanceof Map<?, ?> nag)) {
            return List.of();
        }
        return (List<Map<String, Object>>) nag.get("rules_to_suppress");
    }

}
