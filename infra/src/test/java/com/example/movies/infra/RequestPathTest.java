package com.example.movies.infra;

import static com.example.movies.infra.Resources.getAtt;
import static com.example.movies.infra.Resources.logicalId;
import static com.example.movies.infra.Resources.properties;
import static com.example.movies.infra.Resources.ref;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import com.example.movies.infra.api.ApiOperation;

/**
 * The request path browser → API Gateway → VPC link → Cloud Map (SRV) → API tasks, as
 * synthesized.
 */
class RequestPathTest {

    private final Template api = SynthesizedSystem.DEFAULTS.api;

    @Test
    void routesAreExactlyTheOperationsOfTheOpenApiDocumentAndItsDocumentation() {
        // The document movies-api's build wrote, copied to target/ by this module's
        // build: the one the app read.
        Set<String> notRouted = Set.of("GET /", "GET /ht/"); // root page and legacy
                                                             // probe, not the public API
        Set<String> expected = ApiOperation
            .readAll(SynthesizedSystem.DEFAULTS.parameters.target().openApiDocument(), Set.of())
            .stream()
            .map(ApiOperation::routeKey)
            .filter(key -> !notRouted.contains(key))
            .collect(Collectors.toSet());
        expected.addAll(Set.of("GET /api/v1/api_schema", "GET /api/v1/docs", "GET /api/v1/swagger-ui/{proxy+}"));
        // The API answers CORS preflights itself: one OPTIONS route per API path.
        expected.addAll(expected.stream()
            .map(key -> key.substring(key.indexOf(' ') + 1))
            .filter(path -> path.startsWith("/api/"))
            .map(path -> "OPTIONS " + path)
            .toList());
        Set<String> routes = properties(api, "AWS::ApiGatewayV2::Route").values()
            .stream()
            .map(route -> (String) route.get("RouteKey"))
            .collect(Collectors.toSet());

        assertThat(expected).as("the OpenAPI document's operations").contains("GET /api/v1/movie/{id}");
        // Equality both ways: an operation without a route fails, and so does a route
        // (e.g. $default) without one.
        assertThat(routes).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(routes).doesNotContain("$default").doesNotContainAnyElementsOf(notRouted);
    }

    @Test
    void everyRouteUsesTheOneCloudMapIntegrationOverTheVpcLink() {
        String cloudMapService = logicalId(api, "AWS::ServiceDiscovery::Service", Map.of("Name", "api"));
        String vpcLink = logicalId(api, "AWS::ApiGatewayV2::VpcLink", Map.of());
        String integration = logicalId(api, "AWS::ApiGatewayV2::Integration",
                Map.of("IntegrationType", "HTTP_PROXY", "ConnectionType", "VPC_LINK", "ConnectionId", ref(vpcLink),
                        "IntegrationUri", getAtt(cloudMapService, "Arn"),
                        // The client's address for the app, set by the gateway whatever
                        // the client sent.
                        "RequestParameters", Map.of("overwrite:header.X-Client-Ip", "$context.identity.sourceIp")));

        assertThat(properties(api, "AWS::ApiGatewayV2::Route").values())
            .allSatisfy(route -> assertThat(route.get("Target"))
                .isEqualTo(Map.of("Fn::Join", List.of("", List.of("integrations/", ref(integration))))));
    }

    @Test
    void apiTasksRegisterInCloudMapWithSrvRecordsOfTheContainerPort() {
        String cloudMapService = logicalId(api, "AWS::ServiceDiscovery::Service", Map.of("Name", "api", "DnsConfig",
                Match.objectLike(Map.of("DnsRecords", List.of(Map.of("Type", "SRV", "TTL", 10))))));
        api.hasResourceProperties("AWS::ServiceDiscovery::PrivateDnsNamespace", Map.of("Name", "movies-test.internal"));
        api.hasResourceProperties("AWS::ECS::Service", Map.of("ServiceRegistries", List
            .of(Map.of("RegistryArn", getAtt(cloudMapService, "Arn"), "ContainerName", "api", "ContainerPort", 8080))));
        api.hasResourceProperties("AWS::ECS::TaskDefinition", Map.of("ContainerDefinitions", List.of(Match.objectLike(
                Map.of("Name", "api", "PortMappings", List.of(Map.of("ContainerPort", 8080, "Protocol", "tcp")))))));
    }

    /**
     * A new API task serves within seconds on 1 vCPU (bench/container-start.sh: about 5
     * s, against 20 s on 0.25 vCPU); the frontend's nginx needs no more than the smallest
     * size.
     */
    @Test
    void apiTasksDefaultToOneVcpuAndFrontendTasksToTheSmallestSize() {
        api.hasResourceProperties("AWS::ECS::TaskDefinition", Map.of("Cpu", "1024", "Memory", "2048"));
        SynthesizedSystem.DEFAULTS.frontend.hasResourceProperties("AWS::ECS::TaskDefinition",
                Map.of("Cpu", "256", "Memory", "512"));
    }

    @Test
    void theApiOwnsCorsAndTheGatewayHasNoPolicyOfItsOwn() {
        api.hasResourceProperties("AWS::ApiGatewayV2::Api", Map.of("CorsConfiguration", Match.absent()));
        assertThat(properties(api, "AWS::ApiGatewayV2::Route").values()
            .stream()
            .map(route -> (String) route.get("RouteKey")))
            .contains("OPTIONS /api/v1/movie", "OPTIONS /api/v1/movie/{id}", "OPTIONS /api/token");
    }

    @Test
    void defaultStageDeploysAutomaticallyWithAccessLogsAndThrottling() {
        api.resourceCountIs("AWS::ApiGatewayV2::Stage", 1);
        api.hasResourceProperties("AWS::ApiGatewayV2::Stage", Map.of("StageName", "$default", "AutoDeploy", true,
                "DefaultRouteSettings", Map.of("ThrottlingRateLimit", 100, "ThrottlingBurstLimit", 200),
                "AccessLogSettings", Match.objectLike(
                        Map.of("Format", Match.stringLikeRegexp(".*\\$context.requestId.*\\$context.routeKey.*")))));
        Map<String, Object> stage = properties(api, "AWS::ApiGatewayV2::Stage").values().iterator().next();
        @SuppressWarnings("unchecked")
        List<String> logGroup = (List<String>) ((Map<String, Object>) ((Map<String, Object>) stage
            .get("AccessLogSettings")).get("DestinationArn")).get("Fn::GetAtt");
        assertThat(properties(api, "AWS::Logs::LogGroup").get(logGroup.get(0))).containsEntry("RetentionInDays", 30);
    }

    @Test
    void frontendGetsTheGatewayUrlAndIsHealthCheckedOnItsHealthPath() {
        Template frontend = SynthesizedSystem.DEFAULTS.frontend;
        frontend.hasResourceProperties("AWS::ECS::TaskDefinition", Map
            .of("ContainerDefinitions", List.of(Match.objectLike(Map.of("Name", "frontend", "PortMappings",
                    List.of(Map.of("ContainerPort", 8080, "Protocol", "tcp")), "Environment",
                    List.of(Map.of("Name", "API_BASE_URL", "Value", Resources.importOf("HttpApi\\w*ApiEndpoint"))))))));
        frontend.hasResourceProperties("AWS::ElasticLoadBalancingV2::TargetGroup",
                Map.of("Port", 8080, "Protocol", "HTTP", "TargetType", "ip", "HealthCheckPath", "/healthz"));
    }

    @Test
    void withoutDomainTheAlbForwardsHttpToTheFrontend() {
        Template frontend = SynthesizedSystem.DEFAULTS.frontend;
        String targetGroup = logicalId(frontend, "AWS::ElasticLoadBalancingV2::TargetGroup", Map.of());
        frontend.resourceCountIs("AWS::ElasticLoadBalancingV2::Listener", 1);
        frontend.hasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", Map.of("Port", 80, "Protocol", "HTTP",
                "DefaultActions", List.of(Map.of("Type", "forward", "TargetGroupArn", ref(targetGroup)))));
    }

    @Test
    void withDomainTheAlbServesHttpsAndRedirectsHttp() {
        Template frontend = SynthesizedSystem.ALL_OPTIONS.frontend;
        String targetGroup = logicalId(frontend, "AWS::ElasticLoadBalancingV2::TargetGroup", Map.of());
        // The same target group as without a domain: adding one does not replace it.
        assertThat(targetGroup).isEqualTo(
                logicalId(SynthesizedSystem.DEFAULTS.frontend, "AWS::ElasticLoadBalancingV2::TargetGroup", Map.of()));
        frontend.resourceCountIs("AWS::ElasticLoadBalancingV2::Listener", 2);
        frontend.hasResourceProperties("AWS::ElasticLoadBalancingV2::Listener",
                Map.of("Port", 443, "Protocol", "HTTPS", "Certificates", List.of(Map.of("CertificateArn",
                        SynthesizedSystem.ALL_OPTIONS.parameters.network().domain().orElseThrow().certificateArn())),
                        "DefaultActions", List.of(Map.of("Type", "forward", "TargetGroupArn", ref(targetGroup)))));
        frontend
            .hasResourceProperties("AWS::ElasticLoadBalancingV2::Listener",
                    Map.of("Port", 80, "Protocol", "HTTP", "DefaultActions", List.of(Match.objectLike(Map.of("Type",
                            "redirect", "RedirectConfig",
                            Match.objectLike(Map.of("Protocol", "HTTPS", "Port", "443", "StatusCode", "HTTP_301")))))));
    }

    @Test
    void outputsNameTheGatewayTheAlbBothRepositoriesAndTheAdminSecret() {
        String httpApi = logicalId(api, "AWS::ApiGatewayV2::Api", Map.of());
        api.hasOutput("GatewayUrl", Map.of("Value", getAtt(httpApi, "ApiEndpoint")));
        api.hasOutput("ApiRepositoryUri", Map.of("Value", Match.anyValue()));
        SynthesizedSystem.DEFAULTS.frontend.hasOutput("LoadBalancerDnsName",
                Map.of("Value", Resources.importOf("LoadBalancer\\w*DNSName")));
        SynthesizedSystem.DEFAULTS.frontend.hasOutput("FrontendRepositoryUri", Map.of("Value", Match.anyValue()));
        String adminPassword = logicalId(SynthesizedSystem.DEFAULTS.data, "AWS::SecretsManager::Secret",
                Map.of("Description", "Initial password of the movies API's admin user"));
        SynthesizedSystem.DEFAULTS.data.hasOutput("AdminPasswordSecretArn", Map.of("Value", ref(adminPassword)));
        api.hasResourceProperties("AWS::ECR::Repository", Map.of("RepositoryName", "movies-test-api"));
        SynthesizedSystem.DEFAULTS.frontend.hasResourceProperties("AWS::ECR::Repository",
                Map.of("RepositoryName", "movies-test-frontend"));
    }

}
