package com.example.movies.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import software.amazon.awscdk.assertions.Match;

/**
 * Sign-up and mail as deployed: sign-up's routes exist only where {@code signUp=true},
 * and with {@code sesIdentity} the API sends through that SES identity with its task
 * role, allowed to send from the configured sender only (to recipients the SES sandbox
 * has verified too), reached over its VPC endpoint where there is no NAT.
 */
class PeopleTest {

    private static final String REGISTRATION = "POST /api/v1/users/auth/registration";

    @Test
    void signUpIsRoutedOnlyWhereItIsTurnedOn() {
        assertThat(routeKeys(SynthesizedSystem.DEFAULTS)).doesNotContain(REGISTRATION,
                "POST /api/v1/users/auth/registration/verify-email",
                "POST /api/v1/users/auth/registration/resend-email");
        assertThat(routeKeys(SynthesizedSystem.ALL_OPTIONS)).contains(REGISTRATION,
                "POST /api/v1/users/auth/registration/verify-email",
                "POST /api/v1/users/auth/registration/resend-email", "OPTIONS /api/v1/users/auth/registration");
        SynthesizedSystem.ALL_OPTIONS.api.hasResourceProperties("AWS::ECS::TaskDefinition",
                Map.of("ContainerDefinitions", List.of(Match.objectLike(Map.of("Environment",
                        Match.arrayWith(List.of(Map.of("Name", "MOVIES_SIGN_UP_ENABLED", "Value", "true"))))))));
    }

    @Test
    void withoutAnIdentityNothingOfSesIsCreated() {
        SynthesizedSystem.DEFAULTS.api.resourceCountIs("AWS::SES::EmailIdentity", 0);
        assertThat(SynthesizedSystem.DEFAULTS.api.toJSON().toString()).doesNotContain("ses:",
                "SPRING_CLOUD_AWS_SES_ENABLED");
    }

    @Test
    void theApiSendsAsTheIdentityThroughSesWithItsTaskRoleOnly() {
        SynthesizedSystem system = SynthesizedSystem.ALL_OPTIONS;
        system.api.hasResourceProperties("AWS::SES::EmailIdentity", Map.of("EmailIdentity", "movies.example.com"));
        system.api.hasResourceProperties("AWS::ECS::TaskDefinition",
                Map.of("ContainerDefinitions",
                        List.of(Match.objectLike(Map.of("Environment",
                                Match.arrayWith(List.of(
                                        Map.of("Name", "MOVIES_MAIL_FROM", "Value", "no-reply@movies.example.com"),
                                        Map.of("Name", "SPRING_CLOUD_AWS_SES_ENABLED", "Value", "true"))))))));

        Map<String, Map<String, Object>> policies = Resources.properties(system.api, "AWS::IAM::Policy");
        List<Map<String, Object>> sesStatements = policies.values()
            .stream()
            .flatMap(policy -> statements(policy).stream())
            .filter(statement -> statement.toString().contains("ses:"))
            .toList();
        assertThat(sesStatements).hasSize(1);
        Map<String, Object> statement = sesStatements.get(0);
        assertThat(statement.get("Action")).isEqualTo(List.of("ses:SendEmail", "ses:SendRawEmail"));
        // Every identity of the account in the stack's region: in the sandbox, SES also
        // authorizes the send on each verified recipient's identity.
        assertThat(statement.get("Resource")).isEqualTo(Map.of("Fn::Join", List.of("", List.of("arn:",
                Map.of("Ref", "AWS::Partition"), ":ses:eu-west-1:", Map.of("Ref", "AWS::AccountId"), ":identity/*"))));
        // ...but only with the configured sender as the From address.
        assertThat(statement.get("Condition"))
            .isEqualTo(Map.of("StringEquals", Map.of("ses:FromAddress", "no-reply@movies.example.com")));
        String policyOwner = policies.entrySet()
            .stream()
            .filter(entry -> entry.getValue().toString().contains("ses:"))
            .map(entry -> Resources.asMap(entry.getValue()).get("Roles").toString())
            .findFirst()
            .orElseThrow();
        assertThat(policyOwner).as("the task role, not the execution role").contains("TaskRole");
    }

    @Test
    void withoutNatTheTasksReachSesOverItsVpcEndpoint() {
        SynthesizedSystem.ALL_OPTIONS.network.hasResourceProperties("AWS::EC2::VPCEndpoint", Map.of("ServiceName",
                Match.stringLikeRegexp("com\\.amazonaws\\..*\\.email"), "VpcEndpointType", "Interface"));
        SynthesizedSystem.DEFAULTS.network.resourceCountIs("AWS::EC2::VPCEndpoint", 0);
    }

    private static List<String> routeKeys(SynthesizedSystem system) {
        return Resources.properties(system.api, "AWS::ApiGatewayV2::Route")
            .values()
            .stream()
            .map(route -> (String) route.get("RouteKey"))
            .toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> statements(Map<String, Object> policy) {
        return (List<Map<String, Object>>) Resources.asMap(policy.get("PolicyDocument")).get("Statement");
    }

}
