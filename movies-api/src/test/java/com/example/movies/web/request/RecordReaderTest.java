package com.example.movies.web.request;

import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import com.example.movies.MoviesApplication;
import com.example.movies.problem.InvalidFields;
import com.example.movies.web.Untrimmed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A record's constraints are the DRF rules its body is read with. */
class RecordReaderTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    record Sample(@NotBlank @Size(max = 5) @Pattern(regexp = "[a-z]+", message = "Lowercase only.") String name,
            @Size(max = 20) @Email String email, @Schema(nullable = true) String note, @Untrimmed String raw,
            @JsonProperty("the_year") @NotNull @Min(1) @Max(9) Integer year, boolean flag,
            @Schema(hidden = true) Set<String> fields) {

        Sample {
            if ("stop".equals(name)) {
                throw new IllegalArgumentException("checked across fields");
            }
        }

    }

    record Unsupported(List<String> names) {
    }

    static Sample read(String json, boolean partial) {
        return (Sample) RecordReader.of(Sample.class).read(new RequestData((ObjectNode) JSON.readTree(json)), partial);
    }

    static String errors(String json, boolean partial) {
        return catchThrowableOfType(InvalidFields.class, () -> read(json, partial)).getFields().toString();
    }

    @Test
    void readsEachComponentByItsConstraints() {
        Sample sample = read(
                "{\"name\":\" ab \",\"email\":\"a@b.org\",\"note\":null,\"raw\":\"  x \",\"the_year\":\"3\"}", false);
        assertThat(sample).isEqualTo(new Sample("ab", "a@b.org", null, "  x ", 3, false,
                Set.of("name", "email", "note", "raw", "the_year")));
    }

    @Test
    void refusalsAreDrfsMessagesInTheComponentsOrder() {
        assertThat(errors("{\"name\":\"abcdef\",\"email\":\"nope\",\"note\":1.5,\"the_year\":10}", false)).isEqualTo(
                "{name=[Ensure this field has no more than 5 characters.], email=[Enter a valid email address.], "
                        + "the_year=[Ensure this value is less than or equal to 9.]}");
        assertThat(errors("{\"name\":\"AB\",\"email\":\"\",\"raw\":null,\"flag\":\"maybe\"}", false))
            .isEqualTo("{name=[Lowercase only.], raw=[This field may not be null.], "
                    + "the_year=[This field is required.], flag=[Must be a valid boolean.]}");
        assertThat(errors("{\"name\":\"  \"}", true)).isEqualTo("{name=[This field may not be blank.]}");
    }

    @Test
    void partialMakesNothingRequired() {
        assertThat(read("{}", true)).isEqualTo(new Sample(null, null, null, null, null, false, Set.of()));
    }

    @Test
    void theConstructorRunsOnlyOnValidFields() {
        assertThat(catchThrowableOfType(IllegalArgumentException.class,
                () -> read("{\"name\":\"stop\",\"the_year\":1}", false)))
            .hasMessage("checked across fields");
        assertThat(errors("{\"name\":\"stop\"}", false)).isEqualTo("{the_year=[This field is required.]}");
    }

    @Test
    void aComponentItCannotReadIsRefusedByName() {
        assertThatIllegalStateException().isThrownBy(() -> RecordReader.of(Unsupported.class))
            .withMessageContaining("Unsupported.names");
        assertThatIllegalStateException().isThrownBy(() -> RecordReader.of(String.class))
            .withMessageContaining("must be a record");
    }

    @Test
    void everyDrfBodyOfTheApplicationIsReadable() throws ClassNotFoundException {
        List<JavaClass> bodies = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackagesOf(MoviesApplication.class)
            .stream()
            .flatMap((type) -> type.getMethods().stream())
            .flatMap((method) -> method.getParameters().stream())
            .filter((parameter) -> parameter.isAnnotatedWith(DrfBody.class))
            .map((parameter) -> parameter.getRawType())
            .distinct()
            .toList();
        assertThat(bodies).hasSizeGreaterThanOrEqualTo(12);
        for (JavaClass body : bodies) {
            assertThat(RecordReader.of(Class.forName(body.getName()))).as(body.getName()).isNotNull();
        }
    }

}
