package com.example.movies.infra.api;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.stream.Stream;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpServiceDiscoveryIntegration;
import software.amazon.awscdk.services.apigateway.AccessLogFormat;
import software.amazon.awscdk.services.apigatewayv2.AddRoutesOptions;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.ecs.AlarmBehavior;
import software.amazon.awscdk.services.ecs.DeploymentAlarmOptions;
import software.amazon.awscdk.services.logs.FilterPattern;
import software.amazon.awscdk.services.logs.MetricFilter;
import software.amazon.awscdk.services.ses.EmailIdentity;
import software.amazon.awscdk.services.ses.Identity;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.apigatewayv2.HttpMethod;
import software.amazon.awscdk.services.apigatewayv2.HttpStageOptions;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogDestination;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogSettings;
import software.amazon.awscdk.services.apigatewayv2.LogGroupLogDestination;
import software.amazon.awscdk.services.apigatewayv2.MappingValue;
import software.amazon.awscdk.services.apigatewayv2.ParameterMapping;
import software.amazon.awscdk.services.apigatewayv2.ThrottleSettings;
import software.amazon.awscdk.services.apigatewayv2.VpcLink;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ecr.Repository;
import software.amazon.awscdk.services.ecs.CloudMapOptions;
import software.amazon.awscdk.services.ecs.ContainerDefinition;
import software.amazon.awscdk.services.ecs.ContainerDefinitionOptions;
import software.amazon.awscdk.services.ecs.FargateService;
import software.amazon.awscdk.services.ecs.HealthCheck;
import software.amazon.awscdk.services.ecs.PortMapping;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.ecs.Secret;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.servicediscovery.DnsRecordType;
import software.amazon.awscdk.services.servicediscovery.PrivateDnsNamespace;
import software.constructs.Construct;

import com.example.movies.infra.DeploymentParameters;
import com.example.movies.infra.DeploymentParameters.Accounts;
import com.example.movies.infra.DeploymentParameters.Service;
import com.example.movies.infra.DeploymentParameters.Shutdown;
import com.example.movies.infra.Placement;
import com.example.movies.infra.HardenedFargateService;
import com.example.movies.infra.SharedValue;
import com.example.movies.infra.monitoring.Alarms;
import com.example.movies.infra.data.DataStack;

/**
 * The movies API: its ECR repository, the ECS cluster "api" running it on Fargate in
 * private subnets, registered in Cloud Map with SRV records, and the API Gateway HTTP API
 * that reaches it over a VPC link with one route per operation of the API's OpenAPI
 * document.
 */
public final class ApiStack extends Stack {

    /** The container port (contract with movies-api). */
    public static final int CONTAINER_PORT = 8080;

    /**
     * The SRV records' TTL. API Gateway does not resolve them over DNS, but through Cloud
     * Map's DiscoverInstances, with a cache of its own: a task's stop is covered by the
     * drain ({@link DeploymentParameters.Shutdown}), not by this TTL.
     */
    public static final Duration DNS_TTL = Duration.seconds(10);

    /**
     * The header the gateway overwrites with the address a request came from, whatever
     * the client sent: the app's client address behind the gateway (its prod profile's
     * {@code server.tomcat.remoteip.remote-ip-header}), for the login throttle's
     * per-address limit. Not X-Forwarded-For, which a client can prefix with addresses of
     * its choice.
     */
    public static final String CLIENT_ADDRESS_HEADER = "X-Client-Ip";

    /**
     * The staff user the deployed e2e suite signs in as (its password: the data stack's
     * generated secret), never the admin.
     */
    public static final String E2E_USERNAME = "e2e";

    /**
     * Operations of the OpenAPI document that are not the public API and get no route:
     * the app's root page and the legacy health probe (whose trailing slash an HTTP API
     * route cannot have anyway). Health is probed inside the VPC.
     */
    public static final Set<ApiOperation> NOT_ROUTED = Set.of(new ApiOperation("GET", "/"),
            new ApiOperation("GET", "/ht/"));

    /**
     * Routes beyond the document's operations, public by contract: the OpenAPI document
     * itself and the Swagger UI that reads it (its page, and the page's script and style
     * files that springdoc serves under swagger-ui/).
     */
    public static final List<ApiOperation> DOCUMENTATION = List.of(new ApiOperation("GET", "/api/v1/api_schema"),
            new ApiOperation("GET", "/api/v1/docs"), new ApiOperation("GET", "/api/v1/swagger-ui/{proxy+}"));

    /**
     * @param imageTag the tag of the image the tasks run
     * @param placement the VPC and the tasks' subnets (also the VPC link's)
     * @param service the tasks' size and counts
     * @param shutdown how a task stops
     * @param data the database, its credentials and pool size, the generated secrets
     * @param frontendUrl the CORS origin and the base of the links in mails
     * @param operations the OpenAPI document's operations, one route each
     * @param accounts sign-up and the mail sender
     */
    public record Props(String namePrefix, String imageTag, Placement placement, Service service, Shutdown shutdown,
            DataStack.ApiData data, String frontendUrl, SortedSet<ApiOperation> operations, Accounts accounts) {
    }

    private final Repository repository;

    private final HttpApi httpApi;

    private final FargateService service;

    public ApiStack(Construct scope, String id, StackProps stackProps, Props props) {
        super(scope, id, stackProps);

        // Tasks talk HTTPS to AWS APIs (image pull, logs, secrets) and PostgreSQL to the
        // database, nothing else.
        HardenedFargateService fargate = new HardenedFargateService(this,
                new HardenedFargateService.Props(name(props.namePrefix()), props.placement(), props.service(),
                        props.imageTag(), "API tasks", "ECR, CloudWatch Logs, Secrets Manager"));
        repository = fargate.repository();
        service = service(props, fargate);

        // The VPC link's own security group may only reach the API tasks, and they admit
        // only it.
        SecurityGroup vpcLinkSecurityGroup = SecurityGroup.Builder.create(this, "VpcLinkSecurityGroup")
            .vpc(props.placement().vpc())
            .description("API Gateway VPC link to the API tasks")
            .allowAllOutbound(false)
            .build();
        service.getConnections().allowFrom(vpcLinkSecurityGroup, Port.tcp(CONTAINER_PORT), "API Gateway VPC link");
        // Stated from the tasks' side so CDK places the database's ingress rule in this
        // stack (data must not depend on api).
        service.getConnections()
            .allowTo(props.data().database(), Port.tcp(DataStack.POSTGRES_PORT), "API tasks to PostgreSQL");

        VpcLink vpcLink = VpcLink.Builder.create(this, "VpcLink")
            .vpc(props.placement().vpc())
            .subnets(props.placement().subnets())
            .securityGroups(List.of(vpcLinkSecurityGroup))
            .build();

        httpApi = HttpApi.Builder.create(this, "HttpApi")
            .apiName(props.namePrefix())
            .description("Movies API: one route per operation of the API's OpenAPI document")
            .createDefaultStage(false) // added below with access logs and throttling
            // No CORS configuration: the API owns CORS (MOVIES_CORS_ALLOWED_ORIGINS
            // below), one policy on every stack; a gateway policy would replace the
            // API's headers and hide what it does not list.
            .build();
        addDefaultStage();

        // No $default route: a request that matches no route gets API Gateway's own 404
        // and never reaches the API, so the gateway exposes exactly the documented
        // operations (actuator endpoints stay inside the VPC).
        HttpServiceDiscoveryIntegration integration = HttpServiceDiscoveryIntegration.Builder
            .create("ApiService", service.getCloudMapService())
            .vpcLink(vpcLink)
            .parameterMapping(new ParameterMapping().overwriteHeader(CLIENT_ADDRESS_HEADER,
                    MappingValue.contextVariable("identity.sourceIp")))
            .build();
        List<ApiOperation> routed = Stream
            .concat(props.operations().stream().filter(operation -> !NOT_ROUTED.contains(operation)),
                    DOCUMENTATION.stream())
            .toList();
        for (ApiOperation operation : routed) {
            httpApi.addRoutes(AddRoutesOptions.builder()
                .path(operation.path())
                .methods(List.of(HttpMethod.valueOf(operation.method())))
                .integration(integration)
                .build());
        }
        // A browser's CORS preflight of each API path goes to the API, which answers it.
        routed.stream()
            .filter(operation -> operation.path().startsWith("/api/"))
            .map(ApiOperation::path)
            .distinct()
            .forEach(path -> httpApi.addRoutes(AddRoutesOptions.builder()
                .path(path)
                .methods(List.of(HttpMethod.OPTIONS))
                .integration(integration)
                .build()));
        NagSuppressions.addResourceSuppressions(httpApi, List.of(NagPackSuppression.builder()
            .id("AwsSolutions-APIG4")
            .reason("The API authorizes every request itself: it issues and verifies its JWT bearer tokens, and its public operations (movie list, login, token) are public by contract.")
            .build()), true);

        addAlarms(props, fargate);
        SharedValue.API_ID.publish(this, props.namePrefix(), httpApi.getApiId());
        SharedValue.API_SERVICE_NAME.publish(this, props.namePrefix(), service.getServiceName());

        CfnOutput.Builder.create(this, "GatewayUrl")
            .value(httpApi.getApiEndpoint())
            .description("Base URL of the movies API (API Gateway HTTP API, $default stage)")
            .build();
        CfnOutput.Builder.create(this, "ImageTag")
            .value(props.imageTag())
            .description("Tag of the images this deploy runs: the pipeline's rollback target for the next deploy")
            .build();
        CfnOutput.Builder.create(this, "ApiRepositoryUri")
            .value(repository.getRepositoryUri())
            .description("ECR repository of the movies-api image")
            .build();
    }

    /**
     * The request path's alarms: the gateway's 5xx rate and p99 latency, the API's
     * "Database unavailable" and "Busy" answers (503s it logs), and the service's task
     * alarms. The first two roll a deploy back: ECS watches them while new tasks take
     * traffic, and returns to the previous task definition when one fires.
     */
    private void addAlarms(Props props, HardenedFargateService fargate) {
        Alarms alarms = new Alarms(this, props.namePrefix());
        MathExpression errorRate = MathExpression.Builder.create()
            .expression("IF(requests >= 20, 100 * errors / requests, 0)")
            // Sorted: Map.of's order changes from one JVM to the next, and with it the
            // template.
            .usingMetrics(
                    new TreeMap<>(Map.of("errors", httpApi.metricServerError(), "requests", httpApi.metricCount())))
            .period(Duration.minutes(1))
            .label("Gateway 5xx %")
            .build();
        Alarm serverErrors = alarms.above("Gateway5xxRate", errorRate, 5, 3,
                "The gateway answered 5xx to 5 % or more of at least 20 requests a minute, 3 minutes running.");
        alarms.above("GatewayLatencyP99",
                httpApi.metricLatency(MetricOptions.builder().statistic("p99").period(Duration.minutes(5)).build()),
                2000, 3, "The gateway's p99 latency was 2 s or more for 15 minutes.");
        MetricFilter unavailable = MetricFilter.Builder.create(this, "UnavailableAnswers")
            .logGroup(fargate.logs())
            .filterPattern(FilterPattern.anyTerm("Database unavailable", "Busy:"))
            .metricNamespace("movies/" + props.namePrefix())
            .metricName("ApiUnavailableAnswers")
            .metricValue("1")
            .defaultValue(0)
            .build();
        Alarm notReady = alarms.above("ApiUnavailable",
                unavailable.metric(MetricOptions.builder().statistic("Sum").period(Duration.minutes(1)).build()), 10, 3,
                "The API answered 503 (database unavailable, or overloaded) 10 times a minute, 3 minutes running.");
        fargate.addServiceAlarms(alarms, service, "Api");
        service.enableDeploymentAlarms(List.of(serverErrors.getAlarmName(), notReady.getAlarmName()),
                DeploymentAlarmOptions.builder().behavior(AlarmBehavior.ROLLBACK_ON_ALARM).build());
    }

    private FargateService service(Props props, HardenedFargateService fargate) {
        PrivateDnsNamespace namespace = PrivateDnsNamespace.Builder.create(this, "Namespace")
            .name(props.namePrefix() + ".internal")
            .vpc(props.placement().vpc())
            .description("Service discovery for API Gateway's VPC link")
            .build();

        // @formatter:off
        Map<String, String> environment = new TreeMap<>(Map.of(
                "SPRING_PROFILES_ACTIVE", "prod",
                "MOVIES_ADMIN_USERNAME", "admin",
                "MOVIES_E2E_USER_USERNAME", E2E_USERNAME,
                "MOVIES_CORS_ALLOWED_ORIGINS", props.frontendUrl(),
                "MOVIES_FRONTEND_URL", props.frontendUrl(),
                "MOVIES_SHUTDOWN_DRAIN_DELAY", props.shutdown().drainSeconds() + "s",
                "LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs",
                "MOVIES_SIGN_UP_ENABLED", Boolean.toString(props.accounts().signUp()),
                "SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE", Integer.toString(props.data().poolSizePerTask())));
        // @formatter:on

        // Mail through SES with the task role's credentials (Spring Cloud AWS), from the
        // identity's address; without an identity the API logs its mails.
        props.accounts().sesIdentity().ifPresent(identity -> {
            EmailIdentity.Builder.create(this, "MailIdentity")
                .identity(identity.contains("@") ? Identity.email(identity) : Identity.domain(identity))
                .build();
            allowSendingAs(fargate, props.accounts().mailFrom().orElseThrow());
            environment.put("SPRING_CLOUD_AWS_SES_ENABLED", "true");
            environment.put("MOVIES_MAIL_FROM", props.accounts().mailFrom().orElseThrow());
        });
        DataStack.ApiData data = props.data();
        // @formatter:off
        Map<String, Secret> secrets = new TreeMap<>(Map.of(
                "DB_HOST", Secret.fromSecretsManager(data.credentials(), "host"),
                "DB_PORT", Secret.fromSecretsManager(data.credentials(), "port"),
                "DB_NAME", Secret.fromSecretsManager(data.credentials(), "dbname"),
                "DB_USERNAME", Secret.fromSecretsManager(data.credentials(), "username"),
                "DB_PASSWORD", Secret.fromSecretsManager(data.credentials(), "password"),
                "MOVIES_JWT_SECRET", Secret.fromSecretsManager(data.jwtSigningKey()),
                "MOVIES_PASSWORD_RESET_SECRET", Secret.fromSecretsManager(data.passwordResetKey()),
                "MOVIES_ADMIN_PASSWORD", Secret.fromSecretsManager(data.adminPassword()),
                "MOVIES_E2E_USER_PASSWORD", Secret.fromSecretsManager(data.e2eUserPassword())));
        // @formatter:on

        // The JRE image has no curl: the API ships a tiny Java probe. It probes liveness,
        // not readiness: ECS replaces unhealthy tasks, and a task whose database is away
        // must stay (answering 503, readiness DOWN) and recover by itself when the
        // database is back, not be restarted in a loop.
        HealthCheck liveness = HealthCheck.builder()
            .command(List.of("CMD", "java", "-cp", "/app/classpath/*", "com.example.movies.server.HealthCheck",
                    "http://localhost:" + CONTAINER_PORT + "/actuator/health/liveness"))
            .interval(Duration.seconds(30))
            .timeout(Duration.seconds(10))
            .retries(3)
            .startPeriod(Duration.seconds(120))
            .build();
        ContainerDefinition container = fargate.addContainer("api",
                ContainerDefinitionOptions.builder()
                    .portMappings(List.of(PortMapping.builder().containerPort(CONTAINER_PORT).build()))
                    .environment(environment)
                    .secrets(secrets)
                    .healthCheck(liveness)
                    .stopTimeout(Duration.seconds(props.shutdown().stopTimeoutSeconds())));
        NagSuppressions.addResourceSuppressions(fargate.taskDefinition(), List.of(NagPackSuppression.builder()
            .id("AwsSolutions-ECS2")
            .reason("The plain environment holds only non-secret settings (profile, admin user name, CORS origin, frontend URL, shutdown drain delay, log format, sign-up, mail sender); every credential is an ECS secret from Secrets Manager, and SES is reached with the task role.")
            .build()));
        // API Gateway can resolve only SRV records from Cloud Map: they carry each
        // healthy task's IP and port.
        FargateService service = fargate.createService((options) -> options.cloudMapOptions(CloudMapOptions.builder()
            .cloudMapNamespace(namespace)
            .name("api")
            .dnsRecordType(DnsRecordType.SRV)
            .container(container)
            .containerPort(CONTAINER_PORT)
            .dnsTtl(DNS_TTL)
            .build()));
        return service;
    }

    /**
     * SES authorizes a send on every identity it involves: the sender's and, while the
     * account is in the SES sandbox, each verified recipient's. So the task role may send
     * on the account's identities, but only with the configured sender as the From
     * address.
     */
    private void allowSendingAs(HardenedFargateService fargate, String mailFrom) {
        String identities = formatArn(
                ArnComponents.builder().service("ses").resource("identity").resourceName("*").build());
        fargate.taskDefinition()
            .addToTaskRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of("ses:SendEmail", "ses:SendRawEmail"))
                .resources(List.of(identities))
                .conditions(Map.of("StringEquals", Map.of("ses:FromAddress", mailFrom)))
                .build());
        NagSuppressions.addResourceSuppressions(fargate.taskDefinition().getTaskRole(), List.of(NagPackSuppression
            .builder()
            .id("AwsSolutions-IAM5")
            .appliesTo(List.of("Resource::arn:<AWS::Partition>:ses:" + getRegion() + ":<AWS::AccountId>:identity/*"))
            .reason("In the SES sandbox a send is authorized on the recipient's verified identity too, so the task role may send on the account's identities; the ses:FromAddress condition holds it to the configured sender.")
            .build()), true);
    }

    private void addDefaultStage() {
        LogGroup accessLogs = LogGroup.Builder.create(this, "GatewayAccessLogs")
            .retention(RetentionDays.ONE_MONTH)
            .build();
        // HTTP API $context variables; the map is serialized by CDK, not written by hand.
        // @formatter:off
        Map<String, String> fields = new TreeMap<>(Map.of(
                "requestId", "$context.requestId",
                "ip", "$context.identity.sourceIp",
                "requestTime", "$context.requestTime",
                "routeKey", "$context.routeKey",
                "path", "$context.path",
                "status", "$context.status",
                "protocol", "$context.protocol",
                "responseLength", "$context.responseLength",
                "responseLatency", "$context.responseLatency",
                "integrationError", "$context.integrationErrorMessage"));
        // @formatter:on
        AccessLogFormat format = AccessLogFormat.custom(toJsonString(fields));
        IAccessLogDestination destination = new LogGroupLogDestination(accessLogs);
        httpApi.addStage("DefaultStage",
                HttpStageOptions.builder()
                    .stageName("$default")
                    .autoDeploy(true)
                    .throttle(ThrottleSettings.builder().rateLimit(100).burstLimit(200).build())
                    .accessLogSettings(new IAccessLogSettings() {
                        @Override
                        public IAccessLogDestination getDestination() {
                            return destination;
                        }

                        @Override
                        public AccessLogFormat getFormat() {
                            return format;
                        }
                    })
                    .build());
    }

    /**
     * The name of the API's ECR repository and ECS cluster, e.g. {@code movies-dev-api}.
     */
    public static String name(String namePrefix) {
        return namePrefix + "-api";
    }

    /**
     * The gateway's base URL, e.g.
     * {@code https://abc123.execute-api.eu-west-1.amazonaws.com} (a token until deploy).
     */
    public String gatewayUrl() {
        return httpApi.getApiEndpoint();
    }

}
