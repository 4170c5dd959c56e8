package com.example.movies.staff;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Staff's change to an account, read partially: {@code null} keeps a field as it is. */
@Schema(name = "AccountChange")
public record AccountChange(@NotBlank @Size(max = 254) @Email String email,
        @JsonProperty("first_name") @Size(max = 150) String firstName,
        @JsonProperty("last_name") @Size(max = 150) String lastName, @JsonProperty("is_active") Boolean active,
        @JsonProperty("is_staff") Boolean staff) {

}
