package com.example.movies.infra;

import static com.example.movies.infra.Resources.getAtt;
import static com.example.movies.infra.Resources.logicalId;
import static com.example.movies.infra.Resources.number;
import static com.example.movies.infra.Resources.properties;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * Who can reach what: public IPs, the security-group chains, the database, and how
 * secrets reach the tasks.
 */
class SecurityTest {

    private final SynthesizedSystem system = SynthesizedSystem.DEFAULTS;

    @Test
    void noTaskGetsAPublicIpAndTasksRunInThePrivateSubnets() {
        for (Template template : List.of(system.api, system.frontend)) {
            template.hasResourceProperties("AWS::ECS::Service", Map.of("LaunchType", "FARGATE", "NetworkConfiguration",
                    Map.of("AwsvpcConfiguration", Match.objectLike(Map.of("AssignPublicIp", "DISABLED", "Subnets",
                            List.of(Resources.importOf("privateSubnet1"), Resources.importOf("privateSubnet2")))))));
        }
    }

    @Test
    void apiTasksAdmitOnlyTheVpcLinkOnTheContainerPort() {
        String tasks = logicalId(system.api, "AWS::EC2::SecurityGroup", Map.of("GroupDescription", "API tasks"));
        String vpcLink = logicalId(system.api, "AWS::EC2::SecurityGroup",
                Map.of("GroupDescription", "API Gateway VPC link to the API tasks"));

        assertThat(properties(system.api, "AWS::EC2::SecurityGroup").get(tasks))
            .doesNotContainKey("SecurityGroupIngress");
        assertThat(ingressInto(getAtt(tasks, "GroupId")::equals, system.api))
            .containsExactly(rule(getAtt(vpcLink, "GroupId"), 8080));
        system.api.hasResourceProperties("AWS::ApiGatewayV2::VpcLink",
                Map.of("SecurityGroupIds", List.of(getAtt(vpcLink, "GroupId"))));
    }

    @Test
    void vpcLinkReachesOnlyTheApiTasks() {
        String tasks = logicalId(system.api, "AWS::EC2::SecurityGroup", Map.of("GroupDescription", "API tasks"));
        String vpcLink = logicalId(system.api, "AWS::EC2::SecurityGroup",
                Map.of("GroupDescription", "API Gateway VPC link to the API tasks"));

        // No inline egress, no allow-all default: CloudFormation drops a group's default
        // egress rule as soon as a
        // standalone egress rule is added to it, so the one standalone rule below is all
        // the VPC link may send.
        assertThat(properties(system.api, "AWS::EC2::SecurityGroup").get(vpcLink))
            .doesNotContainKey("SecurityGroupEgress");
        assertThat(properties(system.api, "AWS::EC2::SecurityGroupEgress").values()
            .stream()
            .filter(egress -> getAtt(vpcLink, "GroupId").equals(egress.get("GroupId")))
            .map(egress -> rule(egress.get("DestinationSecurityGroupId"), number(egress.get("FromPort"))))
            .toList()).containsExactly(rule(getAtt(tasks, "GroupId"), 8080));
    }

    @Test
    void databaseAdmitsOnlyTheApiTasksOnItsPort() {
        String tasks = logicalId(system.api, "AWS::EC2::SecurityGroup", Map.of("GroupDescription", "API tasks"));
        String database = logicalId(system.data, "AWS::EC2::SecurityGroup", Map.of());

        assertThat(properties(system.data, "AWS::EC2::SecurityGroup").get(database))
            .doesNotContainKey("SecurityGroupIngress");
        system.data.hasResourceProperties("AWS::RDS::DBInstance",
                Map.of("VPCSecurityGroups", List.of(getAtt(database, "GroupId"))));
        // Rules into the database's group wherever they live: in its own stack, or in
        // another one importing it.
        List<Map<String, Object>> rules = Stream
            .concat(ingressInto(getAtt(database, "GroupId")::equals, system.data).stream(),
                    ingressInto(group -> Resources.isImportOf("DatabaseSecurityGroup", group), system.network,
                            system.api, system.frontend)
                        .stream())
            .toList();
        assertThat(rules).containsExactly(rule(getAtt(tasks, "GroupId"), 5432));
    }

    @Test
    void frontendTasksAdmitOnlyTheLoadBalancer() {
        String tasks = logicalId(system.frontend, "AWS::EC2::SecurityGroup",
                Map.of("GroupDescription", "Frontend tasks"));

        assertThat(properties(system.frontend, "AWS::EC2::SecurityGroup").get(tasks))
            .doesNotContainKey("SecurityGroupIngress");
        assertThat(ingressInto(getAtt(tasks, "GroupId")::equals, system.frontend)).singleElement().satisfies(rule -> {
            assertThat(Resources.isImportOf("LoadBalancerSecurityGroup", rule.get("from"))).as("from %s", rule)
                .isTrue();
            assertThat(rule.get("port")).isEqualTo(8080);
        });
    }

    @Test
    void tasksSendOnlyHttpsAndTheApiAlsoPostgresToTheDatabase() {
        List<Map<String, Object>> https = List.of(Map.of("CidrIp", "0.0.0.0/0", "FromPort", 443, "ToPort", 443,
                "IpProtocol", "tcp", "Description", Match.anyValue()));
        system.api.hasResourceProperties("AWS::EC2::SecurityGroup",
                Map.of("GroupDescription", "API tasks", "SecurityGroupEgress", https));
        system.frontend.hasResourceProperties("AWS::EC2::SecurityGroup",
                Map.of("GroupDescription", "Frontend tasks", "SecurityGroupEgress", https));
        String tasks = logicalId(system.api, "AWS::EC2::SecurityGroup", Map.of("GroupDescription", "API tasks"));
        assertThat(properties(system.api, "AWS::EC2::SecurityGroupEgress").values()
            .stream()
            .filter(egress -> getAtt(tasks, "GroupId").equals(egress.get("GroupId")))
            .toList()).singleElement().satisfies(egress -> {
                assertThat(Resources.isImportOf("DatabaseSecurityGroup", egress.get("DestinationSecurityGroupId")))
                    .isTrue();
                assertThat(number(egress.get("FromPort"))).isEqualTo(5432);
                assertThat(number(egress.get("ToPort"))).isEqualTo(5432);
            });
    }

    @Test
    void databaseIsPrivateEncryptedAndBackedUp() {
        system.data.hasResourceProperties("AWS::RDS::DBInstance", Map.of("Engine", "postgres", "PubliclyAccessible",
                false, "StorageEncrypted", true, "BackupRetentionPeriod", 7, "DBName", "movies"));
        system.data.hasResourceProperties("AWS::RDS::DBSubnetGroup", Map.of("SubnetIds",
                List.of(Resources.importOf("privateSubnet1"), Resources.importOf("privateSubnet2"))));
    }

    @Test
    void secretsAreGeneratedInSecretsManagerNeverWrittenInTheTemplate() {
        Map<String, Map<String, Object>> secrets = properties(system.data, "AWS::SecretsManager::Secret");
        assertThat(secrets).hasSize(5).allSatisfy((id, secret) -> {
            assertThat(secret).containsKey("GenerateSecretString");
            assertThat(secret).doesNotContainKey("SecretString");
        });
    }

    @Test
    void apiTaskGetsSecretsOnlyAsEcsSecretsAndPlainSettingsAsEnvironment() {
        Map<String, Object> container = apiContainer();
        assertThat(names(container, "Secrets")).containsExactlyInAnyOrder("DB_HOST", "DB_PORT", "DB_NAME",
                "DB_USERNAME", "DB_PASSWORD", "MOVIES_JWT_SECRET", "MOVIES_PASSWORD_RESET_SECRET",
                "MOVIES_ADMIN_PASSWORD", "MOVIES_E2E_USER_PASSWORD");
        assertThat(names(container, "Environment")).containsExactlyInAnyOrder("SPRING_PROFILES_ACTIVE",
                "MOVIES_ADMIN_USERNAME", "MOVIES_E2E_USER_USERNAME", "MOVIES_CORS_ALLOWED_ORIGINS",
                "MOVIES_FRONTEND_URL", "MOVIES_SHUTDOWN_DRAIN_DELAY", "LOGGING_STRUCTURED_FORMAT_CONSOLE",
                "MOVIES_SIGN_UP_ENABLED", "SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE");

        // In the template's order (by name); the database's fields come from its
        // generated secret.
        List<Object> secrets = new ArrayList<>();
        new TreeMap<>(Map.of("DB_HOST", "host", "DB_PORT", "port", "DB_NAME", "dbname", "DB_USERNAME", "username",
                "DB_PASSWORD", "password"))
            .forEach((name, field) -> secrets.add(Map.of("Name", name, "ValueFrom", Map.of("Fn::Join",
                    List.of("", List.of(Resources.importOf("DatabaseSecretAttachment"), ":" + field + "::"))))));
        secrets.add(Map.of("Name", "MOVIES_ADMIN_PASSWORD", "ValueFrom", Resources.importOf("AdminPassword")));
        secrets.add(Map.of("Name", "MOVIES_E2E_USER_PASSWORD", "ValueFrom", Resources.importOf("E2eUserPassword")));
        secrets.add(Map.of("Name", "MOVIES_JWT_SECRET", "ValueFrom", Resources.importOf("JwtSigningKey")));
        secrets
            .add(Map.of("Name", "MOVIES_PASSWORD_RESET_SECRET", "ValueFrom", Resources.importOf("PasswordResetKey")));
        system.api.hasResourceProperties("AWS::ECS::TaskDefinition", Map.of("ContainerDefinitions", List
            .of(Match.objectLike(Map.of("Name", "api", "Secrets", Match.arrayWith(secrets), "Environment",
                    Match.arrayWith(List.of(Map.of("Name", "LOGGING_STRUCTURED_FORMAT_CONSOLE", "Value", "ecs"),
                            Map.of("Name", "MOVIES_ADMIN_USERNAME", "Value", "admin"),
                            Map.of("Name", "MOVIES_CORS_ALLOWED_ORIGINS", "Value", Map.of("Fn::Join",
                                    List.of("", List.of("http://", Resources.importOf("LoadBalancer\\w*DNSName"))))),
                            Map.of("Name", "MOVIES_E2E_USER_USERNAME", "Value", "e2e"),
                            Map.of("Name", "MOVIES_FRONTEND_URL", "Value", Map.of("Fn::Join",
                                    List.of("", List.of("http://", Resources.importOf("LoadBalancer\\w*DNSName"))))),
                            Map.of("Name", "MOVIES_SHUTDOWN_DRAIN_DELAY", "Value", "30s"),
                            Map.of("Name", "MOVIES_SIGN_UP_ENABLED", "Value", "false"),
                            Map.of("Name", "SPRING_PROFILES_ACTIVE", "Value", "prod"))))))));
    }

    @SuppressWarnings("unchecked")
    private static List<String> names(Map<String, Object> container, String key) {
        return ((List<Map<String, Object>>) container.get(key)).stream()
            .map(entry -> (String) entry.get("Name"))
            .toList();
    }

    @Test
    void apiContainerIsHealthCheckedOnLivenessWithTheBundledProbe() {
        assertThat(apiContainer().get("HealthCheck")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
            .containsEntry("Command", List.of("CMD", "java", "-cp", "/app/classpath/*",
                    "com.example.movies.server.HealthCheck", "http://localhost:8080/actuator/health/liveness"));
    }

    @Test
    void apiImageIsTheTaggedImageOfItsRepository() {
        String repository = logicalId(system.api, "AWS::ECR::Repository", Map.of());
        assertThat(apiContainer().get("Image").toString()).contains(repository).endsWith(":1.2.3]]}");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> apiContainer() {
        return properties(system.api, "AWS::ECS::TaskDefinition").values()
            .stream()
            .flatMap(task -> ((List<Map<String, Object>>) task.get("ContainerDefinitions")).stream())
            .filter(container -> "api".equals(container.get("Name")))
            .findFirst()
            .orElseThrow();
    }

    /**
     * Standalone ingress rules into the group {@code group} accepts (a GetAtt or an
     * import), as (from, port).
     */
    private static List<Map<String, Object>> ingressInto(Predicate<Object> group, Template... templates) {
        return Stream.of(templates)
            .flatMap(template -> properties(template, "AWS::EC2::SecurityGroupIngress").values().stream())
            .filter(ingress -> group.test(ingress.get("GroupId")))
            .map(ingress -> {
                assertThat(ingress.get("FromPort")).isEqualTo(ingress.get("ToPort"));
                return rule(ingress.get("SourceSecurityGroupId"), number(ingress.get("FromPort")));
            })
            .toList();
    }

    private static Map<String, Object> rule(Object from, int port) {
        return Map.of("from", from, "port", port);
    }

}
