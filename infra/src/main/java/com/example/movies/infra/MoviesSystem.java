package com.example.movies.infra;

import java.util.List;
import java.util.Optional;
import java.util.SortedSet;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Tags;

import com.example.movies.infra.DeploymentParameters.Target;
import com.example.movies.infra.api.ApiOperation;
import com.example.movies.infra.api.ApiStack;
import com.example.movies.infra.data.DataStack;
import com.example.movies.infra.frontend.FrontendStack;
import com.example.movies.infra.monitoring.AlertsStack;
import com.example.movies.infra.monitoring.DashboardStack;
import com.example.movies.infra.network.NetworkStack;
import com.example.movies.infra.pipeline.PipelineStack;

/**
 * The whole system's stacks. The core stacks (network, data, api, frontend) are wired
 * through typed references, which CDK turns into cross-stack references; the alerts,
 * dashboard and pipeline stacks are reached by fixed names and {@link SharedValue}s only,
 * so that no deploy is refused for an export they import.
 */
public record MoviesSystem(AlertsStack alerts, NetworkStack network, DataStack data, ApiStack api,
        FrontendStack frontend, DashboardStack dashboard, Optional<PipelineStack> pipeline) {

    /**
     * Defines the six stacks on {@code app} (alerts, network, data, api, frontend,
     * dashboard), plus the pipeline when its repository is configured, and checks the
     * whole app with cdk-nag's AWS Solutions rules.
     */
    public static MoviesSystem define(App app, DeploymentParameters parameters) {
        // Cross-stack references become CloudFormation exports/imports (names generated
        // by
        // CDK), so CloudFormation refuses to delete a producer (the VPC, the database)
        // while a consumer stack still uses it.
        app.getNode().setContext("@aws-cdk/core:defaultCrossStackReferences", "strong");
        Target target = parameters.target();
        SortedSet<ApiOperation> operations = ApiOperation.readAll(target.openApiDocument(),
                parameters.accounts().features());
        String prefix = parameters.namePrefix();

        // @formatter:off
        AlertsStack alerts = new AlertsStack(app, "Alerts",
                stackProps(parameters, "alerts", "the SNS topic the alarms notify (alarmEmail)"),
                prefix, parameters.alarmEmail());
        NetworkStack network = new NetworkStack(app, "Network",
                stackProps(parameters, "network", "VPC, flow logs, optional VPC endpoints and the public ALB"),
                new NetworkStack.Props(prefix, parameters.network(), parameters.accounts().sesIdentity().isPresent()));
        DataStack data = new DataStack(app, "Data",
                stackProps(parameters, "data", "PostgreSQL and the API's generated secrets"),
                new DataStack.Props(prefix, network.privateSubnets(), parameters.database()));
        String frontendUrl = parameters.frontendUrl(network.loadBalancer().getLoadBalancerDnsName());
        ApiStack api = new ApiStack(app, "Api",
                stackProps(parameters, "api", "Movies API on ECS Fargate behind an API Gateway HTTP API"),
                new ApiStack.Props(prefix, target.imageTag(), network.privateSubnets(), parameters.api(),
                        parameters.apiShutdown(), data.forApi(), frontendUrl, operations, parameters.accounts()));
        FrontendStack frontend = new FrontendStack(app, "Frontend",
                stackProps(parameters, "frontend", "React frontend (nginx) on ECS Fargate behind the ALB"),
                new FrontendStack.Props(prefix, target.imageTag(), network.privateSubnets(), parameters.frontend(),
                        network.loadBalancer(), parameters.network().domain(), api.gatewayUrl(), frontendUrl));
        DashboardStack dashboard = new DashboardStack(app, "Dashboard",
                stackProps(parameters, "dashboard", "CloudWatch dashboard of the request path"),
                prefix);
        Optional<PipelineStack> pipeline = PipelineStack.defineIfConfigured(app,
                stackProps(parameters, "pipeline", "CodeBuild delivery: verify, push images, deploy, e2e"),
                prefix, ApiStack.name(prefix), FrontendStack.name(prefix), ApiStack.E2E_USERNAME);
        // @formatter:on
        // The alerts topic and the inputs of the dashboard and the pipeline are
        // reached by fixed names (SharedValue), not imports: these orders make
        // cdk deploy --all deploy what they name first.
        List.of(data, api, frontend).forEach(stack -> stack.addStackDependency(alerts));
        List.of(network, data, api, frontend).forEach(dashboard::addStackDependency);
        pipeline.ifPresent(stack -> List.of(data, api, frontend).forEach(stack::addStackDependency));

        Tags.of(app).add("Project", "movies");
        Tags.of(app).add("Environment", parameters.target().environmentName());
        Aspects.of(app).add(new AwsSolutionsChecks());
        return new MoviesSystem(alerts, network, data, api, frontend, dashboard, pipeline);
    }

    // Region-specific (the ALB's access logs need the region's ELB account) but
    // account-agnostic: the stacks deploy into the account of the credentials in use,
    // and their availability zones resolve at deploy time.
    private static StackProps stackProps(DeploymentParameters parameters, String name, String description) {
        return StackProps.builder()
            .env(Environment.builder().region(parameters.target().region()).build())
            .stackName(parameters.namePrefix() + "-" + name)
            .description("movies " + parameters.target().environmentName() + ": " + description)
            .build();
    }
}
