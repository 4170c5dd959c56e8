package com.example.movies.web.request;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import com.example.movies.web.request.RequestData.CharRules;
import com.example.movies.problem.FieldErrors;

import static org.assertj.core.api.Assertions.assertThat;

/** DRF's field coercion rules, one value at a time. */
class RequestDataTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static Integer year(String json, FieldErrors errors) {
        return new RequestData((ObjectNode) JSON.readTree("{\"year\":" + json + "}")).integer("year", true, 0,
                Integer.MAX_VALUE, errors);
    }

    @Test
    void integersAcceptWhatDrfAccepts() {
        for (String accepted : new String[] { "1999", "\"1999\"", "1999.0", "\"1999.0\"", "\" 1999 \"", "1.999e3",
                "\"+1999\"" }) {
            FieldErrors errors = new FieldErrors();
            assertThat(year(accepted, errors)).as(accepted).isEqualTo(1999);
            assertThat(errors.has("year")).isFalse();
        }
    }

    @Test
    void integersRefuseWhatDrfRefuses() {
        for (String refused : new String[] { "1999.5", "true", "false", "\"abc\"", "[]", "{}", "\"\"", "1e400", "1e20",
                "\"1e3\"", "\"" + "9".repeat(1001) + "\"", "null", "-1", "2147483648" }) {
            FieldErrors errors = new FieldErrors();
            assertThat(year(refused, errors)).as(refused).isNull();
            assertThat(errors.has("year")).as(refused).isTrue();
        }
    }

    @Test
    void textFollowsCharFieldRules() {
        RequestData data = new RequestData((ObjectNode) JSON.readTree(
                "{\"n\":12,\"f\":1.5,\"b\":true,\"s\":\"  x  \",\"blank\":\"  \",\"nul\":null,\"long\":\"abcd\"}"));
        FieldErrors errors = new FieldErrors();
        // required, no null, no blank, at most 3 characters, trimmed
        CharRules rules = new CharRules(true, false, false, 3, true);
        assertThat(data.text("n", rules, errors)).isEqualTo("12");
        assertThat(data.text("f", rules, errors)).isEqualTo("1.5");
        assertThat(data.text("s", rules, errors)).isEqualTo("x");
        assertThat(data.text("s", new CharRules(true, false, true, 3, false), new FieldErrors())).isNull();
        assertThat(errors.has("b") || errors.has("n")).isFalse();
        assertThat(data.text("b", rules, errors)).isNull();
        assertThat(data.text("blank", rules, errors)).isNull();
        assertThat(data.text("nul", rules, errors)).isNull();
        assertThat(data.text("long", rules, errors)).isNull();
        assertThat(data.text("missing", rules, errors)).isNull();
        assertThat(data.text("missing", rules.optional(), errors)).isNull();
        assertThat(data.text("nul", new CharRules(true, true, true, 3, true), new FieldErrors())).isNull();
        assertThat(data.text("blank", new CharRules(true, false, true, 3, true), new FieldErrors())).isEmpty();
        for (String field : new String[] { "b", "blank", "nul", "long", "missing" }) {
            assertThat(errors.has(field)).as(field).isTrue();
        }
    }

}
