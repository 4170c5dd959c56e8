package com.example.movies.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awscdk.assertions.Template;

/**
 * The deploys a user makes one after the other: CloudFormation refuses to update a stack
 * whose update removes or changes an export that another stack imports. So for each move
 * from parameter set A to B, every export that A's stacks import must still be exported
 * by B, with the same value. A stack that B no longer defines (the pipeline, deployed
 * without its keys) still exists and still imports, so its imports count too.
 */
class DeployLifecycleTest {

    private static final Map<String, Object> PIPELINE = Map.of("githubOwner", "example-owner", "githubRepo", "movies",
            "baseImageMirror", "mirror.example/library");

    private static final Map<String, Object> DOMAIN = Map.of("domainName", "movies.example.com", "certificateArn",
            "arn:aws:acm:eu-west-1:123456789012:certificate/00000000-0000-0000-0000-000000000000");

    private static final Map<String, Object> NEXT_IMAGE = Map.of("imageTag", "1.2.4");

    record Move(String name, Map<String, Object> from, Map<String, Object> to) {

        @Override
        public String toString() {
            return name;
        }

    }

    static Stream<Move> moves() {
        return Stream.of(new Move("the next image tag", Map.of(), NEXT_IMAGE),
                new Move("the next image tag, with the pipeline", PIPELINE, plus(PIPELINE, NEXT_IMAGE)),
                new Move("domain on", Map.of(), DOMAIN), new Move("domain off", DOMAIN, Map.of()),
                new Move("pipeline on", Map.of(), PIPELINE),
                new Move("pipeline off (a deploy by hand without its keys)", PIPELINE, Map.of()),
                new Move("mail and sign-up on", Map.of(),
                        Map.of("sesIdentity", "movies.example.com", "signUp", "true")),
                new Move("alarms on", Map.of(), Map.of("alarmEmail", "ops@example.com")),
                new Move("dev to production", Map.of(), Map.of("preset", "production")),
                new Move("NAT to VPC endpoints", Map.of(), Map.of("natGateways", "0", "vpcEndpoints", "true")),
                new Move("everything on, then the next image tag",
                        plus(plus(PIPELINE, DOMAIN), Map.of("signUp", "true")),
                        plus(plus(plus(PIPELINE, DOMAIN), Map.of("signUp", "true")), NEXT_IMAGE)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("moves")
    void everyExportTheDeployedStacksImportSurvivesTheNextDeploy(Move move) {
        SynthesizedSystem deployed = SynthesizedSystem.with(move.from());
        SynthesizedSystem next = SynthesizedSystem.with(move.to());
        Map<String, Object> deployedExports = exports(deployed);
        Map<String, Object> nextExports = exports(next);

        List<String> broken = new ArrayList<>();
        for (String name : imports(deployed)) {
            assertThat(deployedExports).as("the deployed system exports what it imports").containsKey(name);
            if (!nextExports.containsKey(name)) {
                broken.add(name + " is no longer exported");
            }
            else if (!nextExports.get(name).equals(deployedExports.get(name))) {
                broken.add(name + " changes from " + deployedExports.get(name) + " to " + nextExports.get(name));
            }
        }
        assertThat(broken).as("imported exports that the move removes or changes").isEmpty();
    }

    /**
     * The design that makes the moves safe: the optional stacks (dashboard, pipeline) and
     * the alerts topic's users hold no import, so nothing they use can block a deploy;
     * what they read is an SSM parameter that a stack of the same system writes.
     */
    @org.junit.jupiter.api.Test
    void theOptionalStacksImportNothingAndReadOnlyWhatTheSystemPublishes() {
        SynthesizedSystem system = SynthesizedSystem.ALL_OPTIONS;
        Template pipeline = Template.fromStack(system.system.pipeline().orElseThrow());
        for (Template optional : List.of(system.dashboard, pipeline)) {
            List<String> names = new ArrayList<>();
            collectImports(optional.toJSON(), names);
            assertThat(names).isEmpty();
        }
        assertThat(system.alerts.findOutputs("*")).as("the alerts stack exports nothing").isEmpty();

        List<Object> published = system.templates.stream()
            .flatMap(template -> Resources.properties(template, "AWS::SSM::Parameter").values().stream())
            .map(parameter -> parameter.get("Name"))
            .toList();
        List<Object> read = Stream.of(system.dashboard, pipeline)
            .flatMap(template -> template.findParameters("*").values().stream())
            .<Object>map(parameter -> ((Map<?, ?>) parameter).get("Default"))
            .filter(name -> String.valueOf(name).startsWith("/" + system.parameters.namePrefix() + "/"))
            .toList();
        assertThat(read).hasSize(SharedValue.values().length).allSatisfy(name -> assertThat(published).contains(name));
        // Ordered, since nothing else orders them: the producers deploy first.
        assertThat(system.system.dashboard().getDependencies()).contains(system.system.api(), system.system.frontend(),
                system.system.network(), system.system.data());
        assertThat(system.system.pipeline().orElseThrow().getDependencies()).contains(system.system.api(),
                system.system.frontend(), system.system.data());
    }

    /** Every export of the system's templates: its name and its value, as parsed JSON. */
    private static Map<String, Object> exports(SynthesizedSystem system) {
        Map<String, Object> exports = new TreeMap<>();
        for (Template template : system.templates) {
            template.findOutputs("*").values().forEach(output -> {
                if (output.get("Export") instanceof Map<?, ?> export) {
                    exports.put(String.valueOf(export.get("Name")), output.get("Value"));
                }
            });
        }
        return exports;
    }

    /** The export names that any template of the system imports (Fn::ImportValue). */
    private static List<String> imports(SynthesizedSystem system) {
        List<String> names = new ArrayList<>();
        system.templates.forEach(template -> collectImports(template.toJSON(), names));
        return names.stream().distinct().sorted().toList();
    }

    private static void collectImports(Object node, List<String> names) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                if ("Fn::ImportValue".equals(key)) {
                    names.add(String.valueOf(value));
                }
                collectImports(value, names);
            });
        }
        else if (node instanceof List<?> list) {
            list.forEach(element -> collectImports(element, names));
        }
    }

    private static Map<String, Object> plus(Map<String, Object> base, Map<String, Object> more) {
        Map<String, Object> result = new HashMap<>(base);
        result.putAll(more);
        return result;
    }

}
