package com.example.movies.infra.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import com.example.movies.infra.Resources;
import com.example.movies.infra.SharedValue;
import com.example.movies.infra.SynthesizedSystem;
import com.example.movies.infra.pipeline.PipelineStack.GitHubRepository;

/**
 * The delivery pipeline's CodeBuild project, as synthesized with every option (the
 * fixture configures GitHub).
 */
class PipelineStackTest {

    private static final SynthesizedSystem SYSTEM = SynthesizedSystem.ALL_OPTIONS;

    private static final Template PIPELINE = Template.fromStack(SYSTEM.system.pipeline().orElseThrow());

    /**
     * The project's environment variables: name to value (a string or an intrinsic
     * function).
     */
    static Map<String, Object> projectEnvironment() {
        Map<String, Object> environment = new TreeMap<>();
        for (Object variable : (List<?>) ((Map<?, ?>) project().get("Environment")).get("EnvironmentVariables")) {
            Map<?, ?> entry = (Map<?, ?>) variable;
            assertThat(entry.get("Type")).as("%s is plain text, never a secret value", entry.get("Name"))
                .isEqualTo("PLAINTEXT");
            environment.put((String) entry.get("Name"), entry.get("Value"));
        }
        return environment;
    }

    @Test
    void existsOnlyWhenTheGitHubRepositoryIsConfigured() {
        assertThat(SynthesizedSystem.DEFAULTS.system.pipeline()).isEmpty();
        assertThat(GitHubRepository.fromContext(app(Map.of()))).isEmpty();
        assertThat(GitHubRepository.fromContext(
                app(Map.of("githubOwner", "me", "githubRepo", "movies", "baseImageMirror", "mirror.example/lib/"))))
            .contains(new GitHubRepository("me", "movies", "main", java.util.Optional.empty(), "mirror.example/lib"));
        assertThatThrownBy(() -> GitHubRepository.fromContext(app(Map.of("githubOwner", "me"))))
            .hasMessageContaining("githubOwner and githubRepo must both be set");
    }

    @Test
    void buildsTheRepositorysBuildspecAtTheCommitPushedToTheBranch() {
        PIPELINE.resourceCountIs("AWS::CodeBuild::Project", 1);
        assertThat(project().get("Source"))
            .isEqualTo(Map.of("Type", "GITHUB", "Location", "https://github.com/example-owner/movies.git", "BuildSpec",
                    "buildspec.yml", "ReportBuildStatus", true));
        assertThat(Buildspec.ROOT.resolve(PipelineStack.BUILDSPEC)).isRegularFile();
        // A push (a merge, or a direct push) to the branch, not a merged pull request,
        // whose build would check out the pull request's head rather than the branch.
        assertThat(project().get("Triggers")).isEqualTo(
                Map.of("Webhook", true, "FilterGroups", List.of(List.of(Map.of("Type", "EVENT", "Pattern", "PUSH"),
                        Map.of("Type", "HEAD_REF", "Pattern", "^refs/heads/main$")))));
    }

    @Test
    @SuppressWarnings("unchecked")
    void runsPrivilegedOnTheStandardImageWithoutAnyTokenInTheTemplate() {
        // Privileged: the Docker engine for the API image's training run
        // (scripts/api-image.sh, BuildspecTest).
        assertThat((Map<String, Object>) project().get("Environment"))
            .containsEntry("Image", "aws/codebuild/standard:7.0")
            .containsEntry("PrivilegedMode", true);
        // The GitHub token is a dynamic reference, resolved by CloudFormation at deploy
        // time.
        PIPELINE.hasResourceProperties("AWS::CodeBuild::SourceCredential", Map.of("ServerType", "GITHUB", "AuthType",
                "PERSONAL_ACCESS_TOKEN", "Token", "{{resolve:secretsmanager:movies/github-token:SecretString:::}}"));
    }

    @Test
    void logsToItsOwnLogGroupWithRetention() {
        String logGroup = PIPELINE
            .findResources("AWS::Logs::LogGroup", Map.of("Properties", Match.objectLike(Map.of("RetentionInDays", 90))))
            .keySet()
            .iterator()
            .next();
        assertThat(project().get("LogsConfig"))
            .isEqualTo(Map.of("CloudWatchLogs", Map.of("Status", "ENABLED", "GroupName", Map.of("Ref", logGroup))));
    }

    @Test
    void pushesToTheTwoRepositoriesByTheirNamesAndTellsTheBuildWhereTheyAre() {
        Map<String, Object> environment = projectEnvironment();
        String apiRepository = repositoryName(SYSTEM.api);
        String frontendRepository = repositoryName(SYSTEM.frontend);
        assertThat(String.valueOf(environment.get("API_REPOSITORY_URI"))).endsWith("/" + apiRepository + "]]}");
        assertThat(String.valueOf(environment.get("FRONTEND_REPOSITORY_URI")))
            .endsWith("/" + frontendRepository + "]]}");

        List<String> pushActions = List.of("ecr:CompleteLayerUpload", "ecr:UploadLayerPart", "ecr:InitiateLayerUpload",
                "ecr:PutImage");
        List<String> pushTargets = statements().stream()
            .filter(s -> actions(s).containsAll(pushActions))
            .map(s -> String.valueOf(s.get("Resource")))
            .toList();
        assertThat(pushTargets).hasSize(2)
            .anySatisfy(arn -> assertThat(arn).endsWith(":repository/" + apiRepository + "]]}"))
            .anySatisfy(arn -> assertThat(arn).endsWith(":repository/" + frontendRepository + "]]}"));
    }

    @Test
    void deploysOnlyByAssumingTheCdkBootstrapRoles() {
        List<Object> assumable = statements().stream()
            .filter(s -> actions(s).contains("sts:AssumeRole"))
            .map(s -> s.get("Resource"))
            .toList();
        assertThat(assumable).hasSize(1);
        List<String> roles = ((List<?>) assumable.get(0)).stream()
            .map(arn -> (String) ((List<?>) ((Map<?, ?>) arn).get("Fn::Sub")).get(0))
            .toList();
        assertThat(roles).containsExactly(
                "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/cdk-${Qualifier}-deploy-role-${AWS::AccountId}-${AWS::Region}",
                "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/cdk-${Qualifier}-file-publishing-role-${AWS::AccountId}-${AWS::Region}",
                "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/cdk-${Qualifier}-lookup-role-${AWS::AccountId}-${AWS::Region}");

        // Least privilege: no wildcard action, nothing that could deploy or grant by
        // itself (of IAM and CloudFormation only the two reads the scripts make), no
        // managed policy.
        List<String> all = statements().stream().flatMap(s -> actions(s).stream()).toList();
        assertThat(all).noneMatch(action -> action.contains("*"))
            .noneMatch(action -> action.startsWith("s3:") || action.startsWith("ecs:"))
            .filteredOn(action -> action.startsWith("iam:") || action.startsWith("cloudformation:"))
            .containsExactlyInAnyOrder("cloudformation:DescribeStacks", "iam:GetRole");
        PIPELINE.hasResourceProperties("AWS::IAM::Role", Match.objectLike(Map.of("ManagedPolicyArns", Match.absent())));
        // Resource "*" only for the reads that have no resource-level permissions.
        assertThat(statements()).filteredOn(s -> "*".equals(s.get("Resource")))
            .flatMap(PipelineStackTest::actions)
            .containsExactlyInAnyOrder("ecr:GetAuthorizationToken", "ses:GetAccount", "ec2:DescribeAvailabilityZones",
                    "ec2:DescribeVpcEndpointServices");
    }

    @Test
    void readsOnlyTheE2eUsersSecretWhoseArnItPassesToTheBuildNeverTheAdmins() {
        // The ARN comes through the data stack's shared parameter, the e2e user's secret.
        String parameter = SharedValue.E2E_USER_SECRET_ARN.parameterName(SYSTEM.parameters.namePrefix());
        String e2eSecret = Resources.logicalId(SYSTEM.data, "AWS::SecretsManager::Secret", Map.of("Description",
                "Password of the staff user the deployed e2e suite signs in as (the pipeline reads it)"));
        SYSTEM.data.hasResourceProperties("AWS::SSM::Parameter",
                Map.of("Name", parameter, "Value", Map.of("Ref", e2eSecret)));
        String read = PIPELINE.findParameters("*", Map.of("Default", parameter)).keySet().iterator().next();

        assertThat(projectEnvironment().get("E2E_USER_SECRET_ARN")).isEqualTo(Map.of("Ref", read));
        assertThat(projectEnvironment().toString()).doesNotContain("AdminPassword");
        List<Object> readable = statements().stream()
            .filter(s -> actions(s).contains("secretsmanager:GetSecretValue"))
            .map(s -> s.get("Resource"))
            .toList();
        assertThat(readable).containsExactly(Map.of("Ref", read));
    }

    @Test
    void givesTheE2eSuiteTheStaffUserTheApiKeeps() {
        List<Object> apiEnvironment = new ArrayList<>();
        properties(SYSTEM.api, "AWS::ECS::TaskDefinition").values()
            .forEach(task -> ((List<?>) task.get("ContainerDefinitions"))
                .forEach(container -> apiEnvironment.addAll((List<?>) ((Map<?, ?>) container).get("Environment"))));
        assertThat(apiEnvironment)
            .contains(Map.of("Name", "MOVIES_E2E_USER_USERNAME", "Value", projectEnvironment().get("E2E_USERNAME")));
    }

    @Test
    void replaysTheDeploymentsContextExceptWhatEachBuildChooses() {
        Map<String, String> replayed = new LinkedHashMap<>();
        String[] words = ((String) projectEnvironment().get("DEPLOY_CONTEXT")).split(" ");
        for (int i = 0; i < words.length; i += 2) {
            assertThat(words[i]).isEqualTo("-c");
            String[] pair = words[i + 1].split("=", 2);
            replayed.put(pair[0], pair[1]);
        }
        assertThat(replayed).containsEntry("environment", SYSTEM.parameters.target().environmentName())
            .containsEntry("region", SYSTEM.parameters.target().region())
            .containsEntry("natGateways", "0")
            .containsEntry("vpcEndpoints", "true")
            .containsEntry("domainName", "movies.example.com")
            .containsEntry("githubOwner", "example-owner")
            .containsEntry("githubRepo", "movies")
            .containsEntry("githubTokenSecret", "movies/github-token")
            .doesNotContainKeys("imageTag", "openApiDocument");
        assertThat(replayed.keySet()).allMatch(key -> key.matches("[A-Za-z][A-Za-z0-9]*"));
    }

    @Test
    void givesTheBuildTheDeploysAllowanceOfFailedRequestsUnderTrafficNoneByDefault() {
        assertThat(projectEnvironment()).containsEntry("DEPLOY_TRAFFIC_MAX_FAILURES", "0");
        assertThat(PipelineStack.deployTrafficMaxFailures("3")).isEqualTo(3);
        assertThat(PipelineStack.deployTrafficMaxFailures(5)).isEqualTo(5);
        assertThatThrownBy(() -> PipelineStack.deployTrafficMaxFailures("-1"))
            .hasMessageContaining("deployTrafficMaxFailures must be a whole number of requests, 0 or more: -1");
    }

    @Test
    void refusesContextTheBuildspecCouldNotReplay() {
        assertThatThrownBy(() -> PipelineStack.deployContext(app(Map.of("domainName", "two words"))))
            .hasMessageContaining("domainName cannot be replayed");
    }

    private static App app(Map<String, Object> context) {
        return new App(AppProps.builder().context(context).build());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> project() {
        return properties(PIPELINE, "AWS::CodeBuild::Project").values().iterator().next();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> statements() {
        List<Map<String, Object>> statements = new ArrayList<>();
        properties(PIPELINE, "AWS::IAM::Policy").values()
            .forEach(policy -> statements
                .addAll((List<Map<String, Object>>) ((Map<?, ?>) policy.get("PolicyDocument")).get("Statement")));
        return statements;
    }

    private static List<String> actions(Map<String, Object> statement) {
        Object action = statement.get("Action");
        return action instanceof List<?> list ? list.stream().map(String::valueOf).toList()
                : List.of(String.valueOf(action));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> properties(Template template, String type) {
        Map<String, Map<String, Object>> result = new LinkedHashMap<>();
        template.findResources(type)
            .forEach((id, resource) -> result.put(id,
                    (Map<String, Object>) ((Map<String, Object>) resource).get("Properties")));
        return result;
    }

    private static String repositoryName(Template template) {
        return (String) properties(template, "AWS::ECR::Repository").values().iterator().next().get("RepositoryName");
    }

    @Test
    void pullsTheBaseImagesFromTheMirrorItWasGivenAndRefusesToRunWithoutOne() {
        assertThat(projectEnvironment()).containsEntry("BASE_IMAGE_MIRROR", "mirror.example/library");
        software.amazon.awscdk.App app = new software.amazon.awscdk.App(software.amazon.awscdk.AppProps.builder()
            .context(Map.of("githubOwner", "o", "githubRepo", "r"))
            .build());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PipelineStack.GitHubRepository.fromContext(app))
            .hasMessageContaining("The pipeline needs -c baseImageMirror=<registry>/<namespace>");
    }

}
