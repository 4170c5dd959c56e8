package com.example.movies.web.request;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A controller argument read from the request body the way a DRF serializer reads it. The
 * argument is a record; each component is a field named by its {@code @JsonProperty}
 * (else its own name) whose rules come from its Bean Validation constraints, written once
 * and read by both the reader and the OpenAPI document:
 * <ul>
 * <li>{@code @NotNull}, {@code @NotBlank}: required (unless {@link #partial()});</li>
 * <li>{@code @NotBlank}, {@code @NotEmpty}, {@code @Size(min = 1)}: no blank text;</li>
 * <li>{@code @Size(max)}: the longest text; {@code @Min}, {@code @Max}: an integer's
 * range;</li>
 * <li>{@code @Pattern}: the text must match, else its message; {@code @Email}: Django's
 * EmailValidator;</li>
 * <li>{@code @Schema(nullable = true)}: {@code null} is a value;
 * {@link com.example.movies.web.Untrimmed}: text kept as typed.</li>
 * </ul>
 * Components of type {@code String}, {@code Integer}, {@code Boolean} (or the primitives)
 * are read with DRF's coercions; a {@code JsonNode} component gets the raw value, and a
 * hidden {@code Set<String>} component the names of the fields the body has. JSON,
 * form-encoded and multipart bodies are read alike; unknown fields are never read. The
 * record's constructor runs only when every field is valid, so it may add checks across
 * fields.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface DrfBody {

    /**
     * DRF's {@code partial=True} (a PATCH): no field is required, and the OpenAPI
     * document names the schema {@code Patched<Name>}, without required properties.
     */
    boolean partial() default false;

}
