package com.example.movies.infra.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import com.example.movies.infra.SynthesizedSystem;

/**
 * The scoped CloudFormation execution policy the repository provides for
 * {@code cdk bootstrap --cloudformation-execution-policies} (infra/PIPELINE.md): it names
 * every service whose resources the synthesized templates create, it is a valid
 * managed-policy document within IAM's size limit, and it grants IAM only on the app's
 * own roles (no user, group, managed policy or attachment).
 */
class ExecutionPolicyTest {

    private static final Path POLICY = Buildspec.ROOT.resolve("infra/bootstrap/cloudformation-execution-policy.json");

    /**
     * CloudFormation's namespace to IAM's service prefix where they differ (otherwise the
     * namespace in lower case).
     */
    private static final Map<String, String> PREFIX = Map.of("ApiGatewayV2", "apigateway", "ApplicationAutoScaling",
            "application-autoscaling", "ElasticLoadBalancingV2", "elasticloadbalancing");

    @Test
    void coversTheServiceOfEveryResourceTypeInEverySynthesizedSystem() throws IOException {
        Set<String> prefixes = actions().stream()
            .map(action -> action.substring(0, action.indexOf(':')))
            .collect(Collectors.toCollection(TreeSet::new));
        Set<String> types = Stream
            .of(SynthesizedSystem.DEFAULTS, SynthesizedSystem.ALL_OPTIONS, SynthesizedSystem.PRODUCTION)
            .flatMap(system -> system.templates.stream())
            .flatMap(template -> template.toJSON().values().stream())
            .filter(Map.class::isInstance)
            .flatMap(section -> ((Map<?, ?>) section).values().stream())
            .filter(Map.class::isInstance)
            .map(resource -> String.valueOf(((Map<?, ?>) resource).get("Type")))
            .filter(type -> type.startsWith("AWS::"))
            .collect(Collectors.toCollection(TreeSet::new));
        assertThat(types).contains("AWS::ECS::Service", "AWS::RDS::DBInstance", "AWS::CodeBuild::Project");
        for (String type : types) {
            String namespace = type.split("::")[1];
            String prefix = PREFIX.getOrDefault(namespace, namespace.toLowerCase(java.util.Locale.ROOT));
            assertThat(prefixes).as("the execution policy covers %s (%s:)", type, prefix).contains(prefix);
        }
    }

    @Test
    void isAManagedPolicyDocumentThatGrantsIamOnlyOnTheAppsRoles() throws IOException {
        JsonNode document = new ObjectMapper().readTree(Files.readString(POLICY));
        assertThat(document.get("Version").asText()).isEqualTo("2012-10-17");
        // IAM's managed-policy limit: 6,144 characters without white space.
        assertThat(Files.readString(POLICY).replaceAll("\\s", "")).hasSizeLessThan(6_144);
        assertThat(actions()).noneMatch(action -> action.equals("*") || action.equals("iam:*"))
            .filteredOn(action -> action.startsWith("iam:"))
            .noneMatch(action -> action.contains("User") || action.contains("Group") || action.startsWith("iam:Attach")
                    || action.contains("PolicyVersion") || action.equals("iam:CreatePolicy"));
        for (JsonNode statement : document.get("Statement")) {
            List<String> actions = list(statement.get("Action"));
            if (actions.stream()
                .anyMatch(action -> action.startsWith("iam:") && !action.endsWith("ServiceLinkedRole"))) {
                assertThat(list(statement.get("Resource"))).containsExactly("arn:aws:iam::*:role/movies-*");
            }
            if (actions.contains("iam:CreateServiceLinkedRole")) {
                assertThat(statement.at("/Condition/StringEquals/iam:AWSServiceName").isArray()).isTrue();
            }
        }
    }

    private static List<String> actions() throws IOException {
        JsonNode document = new ObjectMapper().readTree(Files.readString(POLICY));
        return Stream.of(document.get("Statement"))
            .flatMap(statements -> java.util.stream.StreamSupport.stream(statements.spliterator(), false))
            .flatMap(statement -> list(statement.get("Action")).stream())
            .toList();
    }

    private static List<String> list(JsonNode node) {
        return node.isArray()
                ? java.util.stream.StreamSupport.stream(node.spliterator(), false).map(JsonNode::asText).toList()
                : List.of(node.asText());
    }

}
