package com.example.movies.user;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The signed-in user's writable fields; {@code null} keeps a field as it is (a partial
 * body, PATCH).
 */
@Schema(name = "ProfileChange")
public record ProfileChange(
        @NotBlank @Size(max = 150) @Pattern(regexp = AccountFields.USERNAME,
                message = AccountFields.INVALID_USERNAME) @Schema(example = "admin") String username,
        @JsonProperty("first_name") @Size(max = 150) String firstName,
        @JsonProperty("last_name") @Size(max = 150) String lastName) {

}
