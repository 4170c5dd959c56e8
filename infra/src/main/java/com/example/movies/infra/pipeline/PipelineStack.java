package com.example.movies.infra.pipeline;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.DefaultStackSynthesizer;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.SecretValue;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.codebuild.BuildEnvironment;
import software.amazon.awscdk.services.codebuild.BuildEnvironmentVariable;
import software.amazon.awscdk.services.codebuild.BuildSpec;
import software.amazon.awscdk.services.codebuild.Cache;
import software.amazon.awscdk.services.codebuild.CloudWatchLoggingOptions;
import software.amazon.awscdk.services.codebuild.ComputeType;
import software.amazon.awscdk.services.codebuild.EventAction;
import software.amazon.awscdk.services.codebuild.FilterGroup;
import software.amazon.awscdk.services.codebuild.GitHubSourceCredentials;
import software.amazon.awscdk.services.codebuild.GitHubSourceProps;
import software.amazon.awscdk.services.codebuild.LinuxBuildImage;
import software.amazon.awscdk.services.codebuild.LocalCacheMode;
import software.amazon.awscdk.services.codebuild.LoggingOptions;
import software.amazon.awscdk.services.codebuild.Project;
import software.amazon.awscdk.services.codebuild.Source;
import software.amazon.awscdk.services.ecr.IRepository;
import software.amazon.awscdk.services.ecr.Repository;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.constructs.Construct;

import com.example.movies.infra.SharedValue;

/**
 * The delivery pipeline: one CodeBuild project that runs the repository's
 * {@code buildspec.yml} on every push to the configured branch (test, push both images
 * with Jib, the API's with the AOT cache of a training run ({@code scripts/api-image.sh},
 * hence privileged: Docker), {@code cdk deploy --all}, e2e against the deployed URLs). It
 * exists only when the GitHub repository is configured ({@link #CONTEXT_OWNER} and
 * {@link #CONTEXT_REPO}); see {@code infra/PIPELINE.md}.
 */
public final class PipelineStack extends Stack {

    /** CDK context keys of the pipeline (strings, e.g. {@code -c githubOwner=me}). */
    public static final String CONTEXT_OWNER = "githubOwner";

    public static final String CONTEXT_REPO = "githubRepo";

    /** Branch whose pushes deploy; {@value #DEFAULT_BRANCH} by default. */
    public static final String CONTEXT_BRANCH = "githubBranch";

    /**
     * Optional name of a Secrets Manager secret holding a GitHub token, registered as
     * CodeBuild's GitHub credential.
     */
    public static final String CONTEXT_TOKEN_SECRET = "githubTokenSecret";

    public static final String DEFAULT_BRANCH = "main";

    /**
     * Where the builds pull the images' base images from: a mirror of Docker's official
     * images that CodeBuild can pull without Docker Hub's anonymous rate limit (ECR
     * Public's, {@code <its host>/docker/library}; infra/PIPELINE.md). Required with the
     * pipeline.
     */
    public static final String CONTEXT_BASE_IMAGE_MIRROR = "baseImageMirror";

    /**
     * Requests of the deploy's traffic measurement that may fail before the build fails
     * and rolls back (scripts/deploy-traffic.sh);
     * {@value #DEFAULT_DEPLOY_TRAFFIC_MAX_FAILURES} by default.
     */
    public static final String CONTEXT_DEPLOY_TRAFFIC_MAX_FAILURES = "deployTrafficMaxFailures";

    public static final int DEFAULT_DEPLOY_TRAFFIC_MAX_FAILURES = 0;

    /** The CDK bootstrap stack's default name, whose BootstrapVersion preflight reads. */
    static final String TOOLKIT_STACK = "CDKToolkit";

    /** What scripts/preflight.sh reads: the service-linked roles (path/name). */
    static final List<String> SERVICE_LINKED_ROLES = List.of("ecs.amazonaws.com/AWSServiceRoleForECS",
            "ecs.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_ECSService");

    /** Service Quotas' code of Fargate On-Demand vCPUs. */
    static final String FARGATE_VCPU_QUOTA = "L-3032A538";

    /** The file CodeBuild runs, at the repository root. */
    public static final String BUILDSPEC = "buildspec.yml";

    /**
     * Context keys that are not replayed: the image tag is each build's commit, the
     * OpenAPI document is the build's own file. Every other plain context key the
     * pipeline was deployed with is replayed by its deploys.
     */
    private static final List<String> PER_BUILD_CONTEXT = List.of("imageTag", "openApiDocument");

    // Deployment parameters have plain names; CDK's own context (feature flags, lookups)
    // has ':' '@' or '/' in its keys.
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z][A-Za-z0-9]*");

    private static final Pattern SAFE_VALUE = Pattern.compile("[A-Za-z0-9._:/@+=,-]+");

    /** Where the pipeline builds from. */
    public record GitHubRepository(String owner, String repo, String branch, Optional<String> tokenSecretName,
            String baseImageMirror) {

        /** The repository from context, or empty when the pipeline is not configured. */
        public static Optional<GitHubRepository> fromContext(Construct scope) {
            Optional<String> owner = text(scope, CONTEXT_OWNER);
            Optional<String> repo = text(scope, CONTEXT_REPO);
            if (owner.isPresent() != repo.isPresent()) {
                throw new IllegalArgumentException(
                        CONTEXT_OWNER + " and " + CONTEXT_REPO + " must both be set, or neither");
            }
            return owner.map(o -> new GitHubRepository(o, repo.orElseThrow(),
                    text(scope, CONTEXT_BRANCH).orElse(DEFAULT_BRANCH), text(scope, CONTEXT_TOKEN_SECRET),
                    text(scope, CONTEXT_BASE_IMAGE_MIRROR).map(mirror -> mirror.replaceAll("/+$", ""))
                        .orElseThrow(() -> new IllegalArgumentException("The pipeline needs -c "
                                + CONTEXT_BASE_IMAGE_MIRROR + "=<registry>/<namespace>: a mirror of Docker's official "
                                + "images, such as ECR Public's docker/library (Docker Hub rate-limits CodeBuild's "
                                + "shared addresses; infra/PIPELINE.md)"))));
        }

        private static Optional<String> text(Construct scope, String key) {
            return Optional.ofNullable(scope.getNode().tryGetContext(key))
                .map(String::valueOf)
                .map(String::trim)
                .filter(value -> !value.isEmpty());
        }
    }

    /**
     * What the pipeline needs from the system: the names of the repositories it pushes
     * to, the e2e user's name (the suite signs in as that staff user, never as the admin;
     * its secret is a {@link SharedValue}), and the context its deploys replay. Names,
     * not references: the pipeline imports nothing, so a deploy without the pipeline's
     * keys never removes an export the pipeline holds on to.
     */
    public record Props(String namePrefix, GitHubRepository source, String apiRepositoryName,
            String frontendRepositoryName, String e2eUsername, String deployContext) {
    }

    private final Project project;

    /**
     * The pipeline stack when the GitHub repository is configured in {@code app}'s
     * context, else none.
     */
    public static Optional<PipelineStack> defineIfConfigured(Construct app, StackProps stackProps, String namePrefix,
            String apiRepositoryName, String frontendRepositoryName, String e2eUsername) {
        return GitHubRepository.fromContext(app)
            .map(source -> new PipelineStack(app, "Pipeline", stackProps, new Props(namePrefix, source,
                    apiRepositoryName, frontendRepositoryName, e2eUsername, deployContext(app))));
    }

    public PipelineStack(Construct scope, String id, StackProps stackProps, Props props) {
        super(scope, id, stackProps);
        IRepository apiRepository = Repository.fromRepositoryName(this, "ApiRepository", props.apiRepositoryName());
        IRepository frontendRepository = Repository.fromRepositoryName(this, "FrontendRepository",
                props.frontendRepositoryName());
        ISecret e2eUserPassword = Secret.fromSecretCompleteArn(this, "E2eUserPassword",
                SharedValue.E2E_USER_SECRET_ARN.read(this, props.namePrefix()));

        LogGroup logs = LogGroup.Builder.create(this, "Logs")
            .retention(RetentionDays.THREE_MONTHS)
            .removalPolicy(RemovalPolicy.DESTROY)
            .build();

        // CodeBuild's GitHub credential is one per account and region: registered here
        // only when asked for,
        // otherwise the account's existing one (console OAuth or a token imported by
        // hand) is used.
        Optional<GitHubSourceCredentials> credentials = props.source()
            .tokenSecretName()
            .map(name -> GitHubSourceCredentials.Builder.create(this, "GitHubCredentials")
                .accessToken(SecretValue.secretsManager(name))
                .build());

        project = Project.Builder.create(this, "Project")
            .projectName(props.namePrefix() + "-delivery")
            .description(
                    "Tests, pushes the images, deploys with CDK and runs the e2e suite against the deployed system")
            .source(Source.gitHub(GitHubSourceProps.builder()
                .owner(props.source().owner())
                .repo(props.source().repo())
                .webhook(true)
                // A push to the branch (a merge, or a direct push) builds the branch's
                // head, the commit that was pushed. Anchored: CodeBuild matches the
                // pattern as a regular expression, so "main" alone would also match
                // "maintenance".
                .webhookFilters(List.of(FilterGroup.inEventOf(EventAction.PUSH)
                    .andHeadRefIs("^refs/heads/" + props.source().branch().replace(".", "\\.") + "$")))
                .reportBuildStatus(true)
                .build()))
            .buildSpec(BuildSpec.fromSourceFilename(BUILDSPEC))
            .environment(BuildEnvironment.builder()
                .buildImage(LinuxBuildImage.STANDARD_7_0)
                // 4 vCPU / 7 GiB: the full verify runs the API, PostgreSQL, nginx and
                // Chromium side by side.
                .computeType(ComputeType.MEDIUM)
                // A Docker engine: scripts/api-image.sh runs the API image once (a
                // training run) to make its
                // AOT cache before Jib pushes the image with it. Jib
                // itself pushes to ECR
                // over HTTPS; the e2e suite uses local processes.
                .privileged(true)
                .build())
            .environmentVariables(
                    environment(props, apiRepository, frontendRepository, e2eUserPassword, deployTrafficMaxFailures()))
            .cache(Cache.local(LocalCacheMode.CUSTOM))
            .logging(LoggingOptions.builder()
                .cloudWatch(CloudWatchLoggingOptions.builder().logGroup(logs).build())
                .build())
            .timeout(Duration.minutes(90))
            // No concurrency limit, which would refuse a build started while another
            // runs:
            // builds queue at their deploy instead (scripts/await-earlier-builds.sh).
            .build();
        // What the queue reads: the project's own builds.
        project.addToRolePolicy(PolicyStatement.Builder.create()
            .actions(List.of("codebuild:ListBuildsForProject", "codebuild:BatchGetBuilds"))
            .resources(List.of(project.getProjectArn()))
            .build());
        credentials.ifPresent(project.getNode()::addDependency);

        apiRepository.grantPullPush(project);
        frontendRepository.grantPullPush(project);
        e2eUserPassword.grantRead(project);
        // cdk deploy works through the CDK bootstrap roles (the CloudFormation execution
        // role does the deploying), so the project itself deploys nothing: it only reads.
        project.addToRolePolicy(PolicyStatement.Builder.create()
            .actions(List.of("sts:AssumeRole"))
            .resources(bootstrapRoleArns())
            .build());
        // scripts/stack-output.sh (the image tag a rollback returns to, the gateway the
        // deploy's traffic goes through) and scripts/preflight.sh (the bootstrap
        // version).
        project.addToRolePolicy(PolicyStatement.Builder.create()
            .actions(List.of("cloudformation:DescribeStacks"))
            .resources(List.of(stackArn(props.namePrefix() + "-api"), stackArn(TOOLKIT_STACK)))
            .build());
        // scripts/preflight.sh, read-only: the service-linked roles, the Fargate vCPU
        // quota, the SES identities.
        project.addToRolePolicy(PolicyStatement.Builder.create()
            .actions(List.of("iam:GetRole"))
            .resources(SERVICE_LINKED_ROLES.stream()
                .map(role -> formatArn(ArnComponents.builder()
                    .service("iam")
                    .region("")
                    .resource("role")
                    .resourceName("aws-service-role/" + role)
                    .build()))
                .toList())
            .build());
        project.addToRolePolicy(PolicyStatement.Builder.create()
            .actions(List.of("servicequotas:GetServiceQuota"))
            .resources(List.of(formatArn(ArnComponents.builder()
                .service("servicequotas")
                .resource("fargate")
                .resourceName(FARGATE_VCPU_QUOTA)
                .arnFormat(ArnFormat.SLASH_RESOURCE_NAME)
                .build())))
            .build());
        project.addToRolePolicy(PolicyStatement.Builder.create()
            .actions(List.of("ses:GetEmailIdentity"))
            .resources(List
                .of(formatArn(ArnComponents.builder().service("ses").resource("identity").resourceName("*").build())))
            .build());
        // Actions AWS authorizes only on Resource "*".
        project.addToRolePolicy(PolicyStatement.Builder.create()
            .actions(List.of("ses:GetAccount", "ec2:DescribeAvailabilityZones", "ec2:DescribeVpcEndpointServices"))
            .resources(List.of("*"))
            .build());

        String projectId = getLogicalId((CfnElement) project.getNode().getDefaultChild());
        NagSuppressions.addResourceSuppressions(project, List.of(NagPackSuppression.builder()
            .id("AwsSolutions-CB3")
            .reason("Privileged mode runs the build's Docker engine: scripts/api-image.sh starts the API image once to make its AOT cache (the JVM in the image must write it). The project builds only this repository's own code, on pushes to its branch, and its role holds no more than the push, deploy-role and secret-read permissions listed here.")
            .build(),
                NagPackSuppression.builder()
                    .id("AwsSolutions-CB4")
                    .reason("The project produces no artifacts: its outputs are images in ECR (encrypted by ECR) and stack deployments; logs go to CloudWatch Logs, encrypted at rest. A customer managed key would protect nothing more.")
                    .build(),
                NagPackSuppression.builder()
                    .id("AwsSolutions-IAM5")
                    .appliesTo(List.of("Resource::*"))
                    .reason("ecr:GetAuthorizationToken, ses:GetAccount, ec2:DescribeAvailabilityZones and ec2:DescribeVpcEndpointServices have no resource-level permissions: AWS requires Resource *. All four only read; pushes themselves are limited to the two repositories.")
                    .build(),
                NagPackSuppression.builder()
                    .id("AwsSolutions-IAM5")
                    .appliesTo(List.of(
                            "Resource::arn:<AWS::Partition>:cloudformation:" + getRegion() + ":<AWS::AccountId>:stack/"
                                    + props.namePrefix() + "-api/*",
                            "Resource::arn:<AWS::Partition>:cloudformation:" + getRegion() + ":<AWS::AccountId>:stack/"
                                    + TOOLKIT_STACK + "/*",
                            "Resource::arn:<AWS::Partition>:ses:" + getRegion() + ":<AWS::AccountId>:identity/*"))
                    .reason("Read-only, for the rollback's previous image tag and the preflight checks: a stack ARN ends in the id CloudFormation gives it at creation (unknown here), and the SES identity read is any of the account's identities, as preflight checks the one the templates configure.")
                    .build(),
                NagPackSuppression.builder()
                    .id("AwsSolutions-IAM5")
                    .appliesTo(List.of(
                            "Resource::arn:<AWS::Partition>:logs:" + getRegion()
                                    + ":<AWS::AccountId>:log-group:/aws/codebuild/<" + projectId + ">:*",
                            "Resource::arn:<AWS::Partition>:codebuild:" + getRegion()
                                    + ":<AWS::AccountId>:report-group/<" + projectId + ">-*"))
                    .reason("CodeBuild's default grants, scoped to this project: its log streams are created per build, and its report groups are created on first use as <project>-<name> from the buildspec's reports.")
                    .build()),
                true);
    }

    private int deployTrafficMaxFailures() {
        return deployTrafficMaxFailures(getNode().tryGetContext(CONTEXT_DEPLOY_TRAFFIC_MAX_FAILURES));
    }

    static int deployTrafficMaxFailures(Object value) {
        String text = value == null ? String.valueOf(DEFAULT_DEPLOY_TRAFFIC_MAX_FAILURES)
                : String.valueOf(value).trim();
        if (!text.matches("[0-9]{1,6}")) {
            throw new IllegalArgumentException(
                    CONTEXT_DEPLOY_TRAFFIC_MAX_FAILURES + " must be a whole number of requests, 0 or more: " + text);
        }
        return Integer.parseInt(text);
    }

    private String stackArn(String stackName) {
        return formatArn(ArnComponents.builder()
            .service("cloudformation")
            .resource("stack")
            .resourceName(stackName + "/*")
            .build());
    }

    private static Map<String, BuildEnvironmentVariable> environment(Props props, IRepository apiRepository,
            IRepository frontendRepository, ISecret e2eUserPassword, int deployTrafficMaxFailures) {
        Map<String, String> values = new TreeMap<>(Map.of("API_REPOSITORY_URI", apiRepository.getRepositoryUri(),
                "FRONTEND_REPOSITORY_URI", frontendRepository.getRepositoryUri(), "E2E_USERNAME", props.e2eUsername(),
                // The ARN, not the password: post_build reads the value only when
                // the e2e suite needs it.
                "E2E_USER_SECRET_ARN", e2eUserPassword.getSecretArn(), "DEPLOY_CONTEXT", props.deployContext(),
                "API_STACK_NAME", props.namePrefix() + "-api", "BASE_IMAGE_MIRROR", props.source().baseImageMirror(),
                "DEPLOY_TRAFFIC_MAX_FAILURES", String.valueOf(deployTrafficMaxFailures)));
        return values.entrySet()
            .stream()
            .collect(Collectors.toMap(Map.Entry::getKey,
                    entry -> BuildEnvironmentVariable.builder().value(entry.getValue()).build(), (a, b) -> a,
                    TreeMap::new));
    }

    /**
     * The CDK bootstrap roles the CLI assumes to look up, publish the templates and
     * deploy.
     */
    private List<String> bootstrapRoleArns() {
        String qualifier = getSynthesizer() instanceof DefaultStackSynthesizer synthesizer
                && synthesizer.getBootstrapQualifier() != null ? synthesizer.getBootstrapQualifier()
                        : DefaultStackSynthesizer.DEFAULT_QUALIFIER;
        return List
            .of(DefaultStackSynthesizer.DEFAULT_DEPLOY_ROLE_ARN,
                    DefaultStackSynthesizer.DEFAULT_FILE_ASSET_PUBLISHING_ROLE_ARN,
                    DefaultStackSynthesizer.DEFAULT_LOOKUP_ROLE_ARN)
            .stream()
            .map(arn -> Fn.sub(arn, Map.of("Qualifier", qualifier)))
            .toList();
    }

    /**
     * The {@code -c key=value} arguments that make the pipeline's {@code cdk deploy}
     * synthesize the same app as the deploy that created the pipeline: every plain
     * context key (the deployment parameters and the pipeline's own keys, from the
     * command line or {@code cdk.json}) except the per-build ones. Without them the
     * pipeline would silently reset the sizing to the defaults, or drop the pipeline
     * stack itself.
     */
    @SuppressWarnings("unchecked")
    static String deployContext(Construct app) {
        Map<String, Object> all = (Map<String, Object>) app.getNode().getAllContext();
        return new TreeMap<>(all).entrySet()
            .stream()
            .filter(entry -> PLAIN_KEY.matcher(entry.getKey()).matches())
            .filter(entry -> !PER_BUILD_CONTEXT.contains(entry.getKey()))
            .filter(entry -> entry.getValue() instanceof String || entry.getValue() instanceof Number
                    || entry.getValue() instanceof Boolean)
            .map(entry -> {
                String value = String.valueOf(entry.getValue()).trim();
                if (!SAFE_VALUE.matcher(value).matches()) {
                    // The buildspec splits DEPLOY_CONTEXT on spaces; refuse what would
                    // not survive that.
                    throw new IllegalArgumentException(
                            "context " + entry.getKey() + " cannot be replayed by the pipeline's deploy: " + value);
                }
                return "-c " + entry.getKey() + "=" + value;
            })
            .collect(Collectors.joining(" "));
    }

    public Project project() {
        return project;
    }

}
