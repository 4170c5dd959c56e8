package com.example.movies.infra.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.example.movies.infra.SynthesizedSystem;

/**
 * infra/README.md's cost tables count what the synthesized templates hold: the Secrets
 * Manager secrets (each billed monthly) and the interface endpoints (billed per zone and
 * hour; the S3 gateway endpoint is free).
 */
class CostTablesTest {

    private static final List<String> NUMBERS = List.of("zero", "one", "two", "three", "four", "five", "six", "seven");

    @Test
    void theCostTablesCountEverySecretAndEveryInterfaceEndpointOfTheTemplates() throws IOException {
        String readme = Files.readString(Buildspec.ROOT.resolve("infra/README.md"));
        long secrets = count(SynthesizedSystem.DEFAULTS, "AWS::SecretsManager::Secret", Map.of());
        assertThat(secrets).isEqualTo(count(SynthesizedSystem.ALL_OPTIONS, "AWS::SecretsManager::Secret", Map.of()));
        assertThat(readme).contains("| Secrets Manager, " + secrets + " secrets ")
            .contains("| $0.40 each | %.2f |".formatted(secrets * 0.40));

        long interfaces = count(SynthesizedSystem.ALL_OPTIONS, "AWS::EC2::VPCEndpoint",
                Map.of("VpcEndpointType", "Interface"));
        assertThat(readme).contains(", " + NUMBERS.get((int) interfaces) + "\nwith `sesIdentity`")
            .contains("+$%.2f".formatted(interfaces * 2 * 0.01 * 730));
        assertThat(count(SynthesizedSystem.ALL_OPTIONS, "AWS::CodeBuild::Project", Map.of())).isEqualTo(1);
        assertThat(readme).contains("CodeBuild bills per build minute");
    }

    private static long count(SynthesizedSystem system, String type, Map<String, Object> properties) {
        return system.templates.stream()
            .mapToLong(template -> template
                .findResources(type,
                        properties.isEmpty() ? Map.of()
                                : Map.of("Properties", software.amazon.awscdk.assertions.Match.objectLike(properties)))
                .size())
            .sum();
    }

}
