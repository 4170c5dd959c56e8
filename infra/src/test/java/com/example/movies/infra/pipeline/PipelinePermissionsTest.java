package com.example.movies.infra.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.assertions.Template;

import com.example.movies.infra.SynthesizedSystem;

/**
 * Every AWS CLI call the pipeline makes is allowed by its role: the calls are read from
 * {@code buildspec.yml} and the scripts it runs (and the scripts those run), each is
 * mapped to its IAM action ({@code aws cloudformation describe-stacks} ->
 * {@code cloudformation:DescribeStacks}), and the synthesized role must allow that action
 * on the resource the call acts on. A new call without its permission, or without its
 * resource stated here, fails the build. The {@code cdk} CLI's own calls go through the
 * CDK bootstrap roles, which the role may assume.
 */
class PipelinePermissionsTest {

    private static final SynthesizedSystem SYSTEM = SynthesizedSystem.ALL_OPTIONS;

    private static final Template PIPELINE = Template.fromStack(SYSTEM.system.pipeline().orElseThrow());

    private static final String ACCOUNT = "123456789012";

    private static final String REGION = SYSTEM.parameters.target().region();

    /**
     * A call at a command's position: line start, after {@code $(}, {@code <(}, a pipe,
     * {@code ;}, {@code &&}, {@code ||}, {@code !} or a shell keyword. Text in an echo
     * (the fix hints) is not a call.
     */
    private static final Pattern CALL = Pattern.compile(
            "(?:^|\\$\\(|<\\(|[|;&!{]|\\bif|\\bwhile|\\bthen|\\bdo|\\belse)\\s*aws\\s+([a-z0-9-]+)\\s+([a-z0-9-]+)");

    private static final Pattern SCRIPT = Pattern.compile("scripts/[\\w.-]+\\.sh");

    /** AWS CLI commands whose IAM action is not their own name. */
    private static final Map<String, String> ACTION_OF_COMMAND = Map.of("ecr get-login-password",
            "ecr:GetAuthorizationToken");

    /** AWS CLI service names whose IAM prefix differs. */
    private static final Map<String, String> PREFIX_OF_SERVICE = Map.of("sesv2", "ses", "service-quotas",
            "servicequotas");

    /**
     * Actions AWS authorizes only on Resource "*" (the service authorization reference
     * lists no resource type for them).
     */
    private static final Set<String> UNSCOPED = Set.of("ecr:GetAuthorizationToken", "ses:GetAccount",
            "ec2:DescribeAvailabilityZones", "ec2:DescribeVpcEndpointServices");

    @Test
    void everyAwsCliCallOfTheBuildAndItsScriptsIsAllowedOnWhatItActsOn() {
        Map<String, String> calls = calls();
        assertThat(calls).as("the pipeline's AWS CLI calls, read from its files")
            .containsKeys("cloudformation describe-stacks", "secretsmanager get-secret-value",
                    "codebuild list-builds-for-project", "iam get-role", "service-quotas get-service-quota");
        Map<String, List<String>> resources = resourcesOfActions();
        calls.forEach((call, where) -> {
            String action = action(call);
            List<String> allowedOn = allowedResources(action);
            assertThat(allowedOn).as("%s (%s, in %s) is allowed by the pipeline role", action, call, where)
                .isNotEmpty();
            if (UNSCOPED.contains(action)) {
                assertThat(allowedOn).as(action).containsExactly("*");
                return;
            }
            assertThat(resources).as("the resource %s (%s, in %s) acts on is stated in this test", action, call, where)
                .containsKey(action);
            for (String resource : resources.get(action)) {
                assertThat(allowedOn).as("%s on %s", action, resource).anyMatch(pattern -> matches(pattern, resource));
            }
            assertThat(allowedOn).as("%s is allowed on no more than it needs", action).doesNotContain("*");
        });
    }

    @Test
    void theCdkCliWorksThroughTheBootstrapRolesTheRoleMayAssume() {
        String text = String.join("\n", sources().values());
        assertThat(text).contains("cdk deploy", "cdk synth");
        String qualifier = "hnb659fds";
        List<String> assumable = allowedResources("sts:AssumeRole");
        for (String role : List.of("deploy-role", "file-publishing-role", "lookup-role")) {
            assertThat(assumable).contains(
                    "arn:aws:iam::" + ACCOUNT + ":role/cdk-" + qualifier + "-" + role + "-" + ACCOUNT + "-" + REGION);
        }
    }

    @Test
    void aCallInAnEchoedHintIsNotACallButOneAfterAPipeOrInASubstitutionIs() {
        assertThat(calls("echo \"fix: aws iam create-service-linked-role --aws-service-name x\"")).isEmpty();
        assertThat(calls("x=\"$(aws sts get-caller-identity)\" | aws s3 ls\nif aws ec2 describe-vpcs; then"))
            .containsOnlyKeys("sts get-caller-identity", "s3 ls", "ec2 describe-vpcs");
    }

    /**
     * The resources each scoped action acts on, as the scripts name them: the API stack
     * (API_STACK_NAME) and the bootstrap stack, the e2e user's secret, the project's own
     * builds, the service-linked roles, the Fargate vCPU quota, the configured SES
     * identity.
     */
    private Map<String, List<String>> resourcesOfActions() {
        Map<String, Object> environment = PipelineStackTest.projectEnvironment();
        String projectId = SYSTEM.system.pipeline()
            .orElseThrow()
            .getLogicalId((CfnElement) SYSTEM.system.pipeline().orElseThrow().project().getNode().getDefaultChild());
        String resolvedProjectId = String.valueOf(SYSTEM.system.pipeline().orElseThrow().resolve(projectId));
        String arn = "arn:aws:%s:" + REGION + ":" + ACCOUNT + ":%s";
        return Map.of("cloudformation:DescribeStacks",
                List.of(arn.formatted("cloudformation", "stack/" + environment.get("API_STACK_NAME") + "/0a1b2c3d"),
                        arn.formatted("cloudformation", "stack/CDKToolkit/0a1b2c3d")),
                "secretsmanager:GetSecretValue", List.of(render(environment.get("E2E_USER_SECRET_ARN"))),
                "codebuild:ListBuildsForProject", List.of("getatt:" + resolvedProjectId + ".Arn"),
                "codebuild:BatchGetBuilds", List.of("getatt:" + resolvedProjectId + ".Arn"), "iam:GetRole",
                List.of("arn:aws:iam::" + ACCOUNT + ":role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS",
                        "arn:aws:iam::" + ACCOUNT
                                + ":role/aws-service-role/ecs.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_ECSService"),
                "servicequotas:GetServiceQuota", List.of(arn.formatted("servicequotas", "fargate/L-3032A538")),
                "ses:GetEmailIdentity", List.of(arn.formatted("ses", "identity/movies.example.com")));
    }

    /** Calls by "service command", each with the file it is in. */
    private static Map<String, String> calls() {
        Map<String, String> calls = new LinkedHashMap<>();
        sources().forEach((file, text) -> calls(text).keySet().forEach(call -> calls.putIfAbsent(call, file)));
        return calls;
    }

    private static Map<String, String> calls(String text) {
        Map<String, String> calls = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.strip().startsWith("#") || line.contains("# --fix only")) {
                // Comments; and what only `preflight.sh --fix` runs, which the pipeline
                // never passes (PreflightTest).
                continue;
            }
            Matcher call = CALL.matcher(line);
            while (call.find()) {
                calls.put(call.group(1) + " " + call.group(2), line.strip());
            }
        }
        return calls;
    }

    /**
     * The buildspec's commands and every script they run, and the scripts those run, by
     * file.
     */
    private static Map<String, String> sources() {
        Buildspec buildspec = Buildspec.read();
        List<String> commands = new ArrayList<>(buildspec.allCommands());
        commands.addAll(castList(buildspec.phase("post_build").get("finally")));
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put(PipelineStack.BUILDSPEC, String.join("\n", commands));
        Deque<String> pending = new ArrayDeque<>(scripts(sources.get(PipelineStack.BUILDSPEC)));
        while (!pending.isEmpty()) {
            String script = pending.pop();
            if (!sources.containsKey(script)) {
                try {
                    sources.put(script, Files.readString(Buildspec.ROOT.resolve(script)));
                }
                catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                pending.addAll(scripts(sources.get(script)));
            }
        }
        assertThat(sources).containsKeys("scripts/stack-output.sh", "scripts/preflight.sh", "scripts/deploy-traffic.sh",
                "scripts/rollback-deploy.sh", "scripts/await-earlier-builds.sh");
        return sources;
    }

    private static Set<String> scripts(String text) {
        Set<String> found = new LinkedHashSet<>();
        Matcher matcher = SCRIPT.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }

    private static String action(String call) {
        if (ACTION_OF_COMMAND.containsKey(call)) {
            return ACTION_OF_COMMAND.get(call);
        }
        String[] parts = call.split(" ");
        String command = List.of(parts[1].split("-"))
            .stream()
            .map(word -> Character.toUpperCase(word.charAt(0)) + word.substring(1))
            .collect(Collectors.joining());
        return PREFIX_OF_SERVICE.getOrDefault(parts[0], parts[0]) + ":" + command;
    }

    /** The resources the role's Allow statements grant {@code action} on, rendered. */
    @SuppressWarnings("unchecked")
    private static List<String> allowedResources(String action) {
        List<String> resources = new ArrayList<>();
        PIPELINE.findResources("AWS::IAM::Policy").values().forEach(policy -> {
            Map<String, Object> document = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) policy)
                .get("Properties")).get("PolicyDocument");
            for (Map<String, Object> statement : (List<Map<String, Object>>) document.get("Statement")) {
                Object actions = statement.get("Action");
                List<?> list = actions instanceof List<?> l ? l : List.of(actions);
                if ("Allow".equals(statement.get("Effect")) && list.contains(action)) {
                    Object resource = statement.get("Resource");
                    (resource instanceof List<?> l ? l : List.of(resource)).forEach(r -> resources.add(render(r)));
                }
            }
        });
        return resources;
    }

    /**
     * A template value as a string: pseudo parameters filled in, joins and substitutions
     * made; what only a deploy knows stays a name ({@code getatt:Id.Attr},
     * {@code import:Name}).
     */
    @SuppressWarnings("unchecked")
    static String render(Object value) {
        if (value instanceof String text) {
            return text;
        }
        Map<String, Object> function = (Map<String, Object>) value;
        Map.Entry<String, Object> entry = function.entrySet().iterator().next();
        return switch (entry.getKey()) {
            case "Ref" -> switch ((String) entry.getValue()) {
                case "AWS::Partition" -> "aws";
                case "AWS::Region" -> REGION;
                case "AWS::AccountId" -> ACCOUNT;
                case "AWS::URLSuffix" -> "amazonaws.com";
                default -> "ref:" + entry.getValue();
            };
            case "Fn::Join" -> {
                List<Object> join = (List<Object>) entry.getValue();
                yield ((List<Object>) join.get(1)).stream()
                    .map(PipelinePermissionsTest::render)
                    .collect(Collectors.joining((String) join.get(0)));
            }
            case "Fn::Sub" -> {
                Object sub = entry.getValue();
                String text = sub instanceof List<?> list ? (String) list.get(0) : (String) sub;
                Map<String, Object> variables = sub instanceof List<?> list && list.size() > 1
                        ? (Map<String, Object>) list.get(1) : Map.of();
                for (Map.Entry<String, Object> variable : variables.entrySet()) {
                    text = text.replace("${" + variable.getKey() + "}", render(variable.getValue()));
                }
                yield text.replace("${AWS::Partition}", "aws")
                    .replace("${AWS::Region}", REGION)
                    .replace("${AWS::AccountId}", ACCOUNT);
            }
            case "Fn::GetAtt" -> "getatt:" + String.join(".", (List<String>) entry.getValue());
            case "Fn::ImportValue" -> "import:" + render(entry.getValue());
            default -> throw new IllegalArgumentException("cannot render " + value);
        };
    }

    /** IAM's matching: {@code *} any characters, {@code ?} one. */
    private static boolean matches(String pattern, String resource) {
        String regex = Pattern.quote(pattern).replace("*", "\\E.*\\Q").replace("?", "\\E.\\Q");
        return resource.matches(regex);
    }

    @SuppressWarnings("unchecked")
    private static List<String> castList(Object value) {
        return (List<String>) value;
    }

}
