package com.example.movies.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import software.amazon.awscdk.cloudassembly.schema.ArtifactMetadataEntryType;
import software.amazon.awscdk.cxapi.SynthesisMessageLevel;

/**
 * cdk-nag's AWS Solutions rules over the whole app: every finding is fixed or
 * acknowledged next to its resource.
 */
class CdkNagTest {

    @Test
    void defaultsHaveNoUnacknowledgedFinding() {
        assertNoFindings(SynthesizedSystem.DEFAULTS);
    }

    @Test
    void allOptionsHaveNoUnacknowledgedFinding() {
        assertNoFindings(SynthesizedSystem.ALL_OPTIONS);
    }

    private static void assertNoFindings(SynthesizedSystem synthesized) {
        List<String> findings = synthesized.messages()
            .filter(message -> message.getLevel() != SynthesisMessageLevel.INFO)
            .map(message -> message.getLevel() + " " + message.getId() + ": " + message.getEntry().getData())
            .toList();
        assertThat(findings).isEmpty();
    }

}
