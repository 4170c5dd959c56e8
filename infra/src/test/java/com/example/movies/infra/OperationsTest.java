package com.example.movies.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * Running it for real users: alarms on the request path that mail the alerts topic,
 * deploys that roll back when their alarms fire, task counts autoscaling owns (never
 * reset by a deploy), no single point of failure in the production preset, and a firewall
 * in front of the load balancer.
 */
class OperationsTest {

    private static final SynthesizedSystem DEV = SynthesizedSystem.DEFAULTS;

    private static final SynthesizedSystem PRODUCTION = SynthesizedSystem.PRODUCTION;

    private static List<String> alarmNames(SynthesizedSystem system) {
        return Stream.of(system.api, system.frontend, system.data)
            .flatMap(template -> Resources.properties(template, "AWS::CloudWatch::Alarm").values().stream())
            .map(alarm -> (String) alarm.get("AlarmName"))
            .toList();
    }

    @Test
    void theRequestPathHasItsAlarmsAndEachNotifiesTheAlertsTopic() {
        assertThat(alarmNames(DEV)).containsExactlyInAnyOrder("movies-test-Gateway5xxRate",
                "movies-test-GatewayLatencyP99", "movies-test-ApiUnavailable", "movies-test-ApiTasksBelowDesired",
                "movies-test-ApiCpu", "movies-test-ApiMemory", "movies-test-Alb5xx", "movies-test-FrontendTarget5xx",
                "movies-test-FrontendUnhealthyTargets", "movies-test-FrontendTasksBelowDesired",
                "movies-test-FrontendCpu", "movies-test-FrontendMemory", "movies-test-DatabaseCpu",
                "movies-test-DatabaseFreeStorage", "movies-test-DatabaseConnections", "movies-test-DatabaseCpuCredits");
        for (Template template : List.of(DEV.api, DEV.frontend, DEV.data)) {
            Resources.properties(template, "AWS::CloudWatch::Alarm").forEach((id, alarm) -> {
                assertThat(alarm.get("AlarmActions")).as(id).asList().hasSize(1);
                assertThat(alarm.get("OKActions")).as(id).asList().hasSize(1);
                assertThat(alarm.get("TreatMissingData")).as(id).isEqualTo("notBreaching");
                assertThat((String) alarm.get("AlarmDescription")).as(id).contains("Runbook: infra/README.md");
            });
        }
        DEV.data.hasResourceProperties("AWS::CloudWatch::Alarm",
                Map.of("AlarmName", "movies-test-DatabaseConnections", "Threshold", 64));
        DEV.api.hasResourceProperties("AWS::Logs::MetricFilter",
                Map.of("FilterPattern", "?\"Database unavailable\" ?\"Busy:\"", "MetricTransformations",
                        List.of(Match.objectLike(Map.of("MetricName", "ApiUnavailableAnswers")))));
    }

    @Test
    void alarmsAreMailedWhereAnAddressIsGiven() {
        DEV.alerts.resourceCountIs("AWS::SNS::Subscription", 0);
        PRODUCTION.alerts.hasResourceProperties("AWS::SNS::Subscription",
                Map.of("Protocol", "email", "Endpoint", "ops@example.com"));
        DEV.alerts.hasResourceProperties("AWS::SNS::Topic", Map.of("TopicName", "movies-test-alerts"));
    }

    @Test
    void deploysRollBackWhenTheirAlarmsFire() {
        DEV.api.hasResourceProperties("AWS::ECS::Service",
                Map.of("DeploymentConfiguration", Match.objectLike(Map.of("Alarms", Map.of("Enable", true, "Rollback",
                        true, "AlarmNames", Match.arrayWith(List.of(Match.objectLike(Map.of()))))))));
        for (Template template : List.of(DEV.api, DEV.frontend)) {
            Map<String, Object> deployment = Resources.asMap(Resources.properties(template, "AWS::ECS::Service")
                .values()
                .iterator()
                .next()
                .get("DeploymentConfiguration"));
            assertThat(Resources.asMap(deployment.get("Alarms"))).containsEntry("Rollback", true)
                .containsEntry("Enable", true);
            assertThat(Resources.asMap(deployment.get("Alarms")).get("AlarmNames")).asList().hasSize(2);
            assertThat(Resources.asMap(deployment.get("DeploymentCircuitBreaker"))).containsEntry("Rollback", true);
        }
    }

    @Test
    void autoscalingOwnsTheTaskCountsSoADeployNeverResetsThem() {
        for (SynthesizedSystem system : List.of(DEV, PRODUCTION)) {
            for (Template template : List.of(system.api, system.frontend)) {
                Resources.properties(template, "AWS::ECS::Service")
                    .forEach((id, service) -> assertThat(service).as(id).doesNotContainKey("DesiredCount"));
                template.resourceCountIs("AWS::ApplicationAutoScaling::ScalableTarget", 1);
            }
        }
        PRODUCTION.api.hasResourceProperties("AWS::ApplicationAutoScaling::ScalableTarget",
                Map.of("MinCapacity", 2, "MaxCapacity", 6));
        PRODUCTION.frontend.hasResourceProperties("AWS::ApplicationAutoScaling::ScalableTarget",
                Map.of("MinCapacity", 2, "MaxCapacity", 4));
        DEV.frontend.hasResourceProperties("AWS::ApplicationAutoScaling::ScalableTarget",
                Map.of("MinCapacity", 1, "MaxCapacity", 1));
    }

    @Test
    void theProductionPresetHasNoSinglePointOfFailure() {
        PRODUCTION.data.hasResourceProperties("AWS::RDS::DBInstance",
                Map.of("MultiAZ", true, "DBInstanceClass", "db.t4g.small"));
        DEV.data.hasResourceProperties("AWS::RDS::DBInstance",
                Map.of("MultiAZ", false, "DBInstanceClass", "db.t4g.micro"));
        PRODUCTION.network.resourceCountIs("AWS::EC2::NatGateway", 2);
        DEV.network.resourceCountIs("AWS::EC2::NatGateway", 1);
        // Tasks spread over both zones: the services run in the private subnet of each.
        Resources.properties(PRODUCTION.api, "AWS::ECS::Service")
            .values()
            .forEach(service -> assertThat(service.toString()).contains("privateSubnet1", "privateSubnet2"));
        PRODUCTION.api.hasResourceProperties("AWS::ECS::TaskDefinition", Map
            .of("ContainerDefinitions", List.of(Match.objectLike(Map.of("Environment", Match
                .arrayWith(List.of(Map.of("Name", "SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE", "Value", "8"))))))));
    }

    @Test
    void aFirewallWithManagedRulesAndAPerAddressLimitGuardsTheLoadBalancer() {
        DEV.network
            .hasResourceProperties("AWS::WAFv2::WebACL",
                    Map.of("Scope", "REGIONAL", "Rules",
                            Match.arrayWith(List.of(
                                    Match.objectLike(Map.of("Name", "RequestsPerAddress", "Statement",
                                            Map.of("RateBasedStatement",
                                                    Map.of("Limit", 1000, "AggregateKeyType", "IP")))),
                                    Match.objectLike(Map.of("Name", "AWSManagedRulesCommonRuleSet"))))));
        DEV.network.resourceCountIs("AWS::WAFv2::WebACLAssociation", 1);
    }

    @Test
    void theReadmesRecoveryStepsNameTheRetainedRepositories() throws java.io.IOException {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("README.md"));
        String recovery = readme.substring(readme.indexOf("## Recovering from a failed first deploy"));
        recovery = recovery.substring(0, recovery.indexOf("\n## ", 5));
        for (Template template : List.of(DEV.api, DEV.frontend)) {
            Map<String, Map<String, Object>> repositories = template.findResources("AWS::ECR::Repository");
            assertThat(repositories).hasSize(1);
            Map<String, Object> repository = repositories.values().iterator().next();
            assertThat(repository).containsEntry("DeletionPolicy", "Retain");
            String name = (String) Resources.asMap(repository.get("Properties")).get("RepositoryName");
            assertThat(recovery).as("the recovery deletes %s", name)
                .contains("aws ecr delete-repository --force --repository-name "
                        + name.replace("movies-test-", "movies-<env>-"));
        }
    }

    @Test
    void aDashboardShowsTheGoldenSignals() {
        DEV.dashboard.resourceCountIs("AWS::CloudWatch::Dashboard", 1);
        String body = DEV.dashboard.toJSON().toString();
        assertThat(body).contains("API: requests", "API: latency (ms)", "Frontend: errors", "Database: connections");
    }

}
