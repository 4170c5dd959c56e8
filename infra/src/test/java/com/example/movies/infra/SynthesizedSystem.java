package com.example.movies.infra;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;
import java.util.stream.Stream;

import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.cxapi.CloudAssembly;
import software.amazon.awscdk.cxapi.SynthesisMessage;

/**
 * The app synthesized once per parameter set and shared by every test class: each
 * synthesis costs seconds of jsii round trips, so tests read the cached templates and
 * messages instead of synthesizing again.
 */
public final class SynthesizedSystem {

    /**
     * Fixed, dummy deployment choices: no AWS account is needed, the region only selects
     * the ELB log account.
     */
    private static final Map<String, Object> COMMON = Map.of("environment", "test", "region", "eu-west-1", "imageTag",
            "1.2.3", "openApiDocument", System.getProperty("infra.openapi", "target/openapi.json"));

    private static final Map<Map<String, Object>, SynthesizedSystem> SYNTHESIZED = new ConcurrentHashMap<>();

    /** The defaults: one NAT gateway, no VPC endpoints, no custom domain. */
    public static final SynthesizedSystem DEFAULTS = with(Map.of());

    /**
     * Every option switched on: custom domain with HTTPS, no NAT, VPC endpoints instead,
     * the delivery pipeline, sign-up, mail through SES.
     */
    public static final SynthesizedSystem ALL_OPTIONS = with(Map.of("githubOwner", "example-owner", "githubRepo",
            "movies", "githubTokenSecret", "movies/github-token", "baseImageMirror", "mirror.example/library",
            "natGateways", "0", "vpcEndpoints", "true", "domainName", "movies.example.com", "certificateArn",
            "arn:aws:acm:eu-west-1:123456789012:certificate/00000000-0000-0000-0000-000000000000", "signUp", "true",
            "sesIdentity", "movies.example.com"));

    /** The production preset: no single point of failure, alarms mailed. */
    public static final SynthesizedSystem PRODUCTION = with(
            Map.of("preset", "production", "alarmEmail", "ops@example.com"));

    public final DeploymentParameters parameters;

    public final MoviesSystem system;

    public final Template network;

    public final Template data;

    public final Template api;

    public final Template frontend;

    public final Template alerts;

    public final Template dashboard;

    /** Every stack's template, the pipeline's too when it exists. */
    public final List<Template> templates;

    private final CloudAssembly assembly;

    private SynthesizedSystem(DeploymentParameters parameters, MoviesSystem system, CloudAssembly assembly) {
        this.parameters = parameters;
        this.system = system;
        this.assembly = assembly;
        this.network = Template.fromStack(system.network());
        this.data = Template.fromStack(system.data());
        this.api = Template.fromStack(system.api());
        this.frontend = Template.fromStack(system.frontend());
        this.alerts = Template.fromStack(system.alerts());
        this.dashboard = Template.fromStack(system.dashboard());
        this.templates = Stream
            .concat(Stream.of(alerts, network, data, api, frontend, dashboard),
                    system.pipeline().stream().map(Template::fromStack))
            .toList();
    }

    /**
     * The app synthesized with {@code options} on top of the common test context, once
     * per distinct set of options.
     */
    public static SynthesizedSystem with(Map<String, Object> options) {
        return SYNTHESIZED.computeIfAbsent(Map.copyOf(options), SynthesizedSystem::synthesize);
    }

    private static SynthesizedSystem synthesize(Map<String, Object> options) {
        Map<String, Object> context = new HashMap<>(COMMON);
        context.putAll(options);
        // As InfraApp: the parameters are read from the app's context (the pipeline
        // replays that context).
        App app = new App(AppProps.builder().context(context).build());
        DeploymentParameters parameters = DeploymentParameters.from(key -> app.getNode().tryGetContext(key),
                Optional.empty());
        MoviesSystem system = MoviesSystem.define(app, parameters);
        return new SynthesizedSystem(parameters, system, app.synth());
    }

    /**
     * The synthesized cloud assembly (templates and manifest), as {@code cdk synth}
     * writes it.
     */
    public java.nio.file.Path assemblyDirectory() {
        return java.nio.file.Path.of(assembly.getDirectory());
    }

    public List<Stack> stacks() {
        return Stream
            .concat(Stream.of(system.network(), system.data(), system.api(), system.frontend()),
                    system.pipeline().stream())
            .toList();
    }

    /**
     * Warnings and errors the synthesis attached to the stacks (cdk-nag reports its
     * findings this way).
     */
    public Stream<SynthesisMessage> messages() {
        return stacks().stream()
            .flatMap(stack -> assembly.getStackArtifact(stack.getArtifactId()).getMessages().stream());
    }

}
