package com.example.movies.staff;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

import com.example.movies.problem.FieldErrors;
import com.example.movies.web.request.RequestData;
import com.example.movies.user.AccountFields;

/** Staff's change to an account; {@code null} keeps a field as it is. */
@Schema(name = "AccountChange")
public record AccountChange(@Schema(maxLength = 254, format = "email") String email,
        @JsonProperty("first_name") @Schema(maxLength = 150) String firstName,
        @JsonProperty("last_name") @Schema(maxLength = 150) String lastName, @JsonProperty("is_active") Boolean active,
        @JsonProperty("is_staff") Boolean staff) {

    static AccountChange read(RequestData data) {
        FieldErrors errors = new FieldErrors();
        String email = AccountFields.email(data, AccountFields.EMAIL.optional(), errors);
        String firstName = data.text("first_name", AccountFields.NAME, errors);
        String lastName = data.text("last_name", AccountFields.NAME, errors);
        Boolean active = data.bool("is_active", errors);
        Boolean staff = data.bool("is_staff", errors);
        errors.throwIfAny();
        return new AccountChange(email, firstName, lastName, active, staff);
    }

}
