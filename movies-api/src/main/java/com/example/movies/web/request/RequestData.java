package com.example.movies.web.request;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Set;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import com.example.movies.problem.FieldErrors;

/**
 * A request body as DRF sees it: a JSON object (or form fields, as strings), read field
 * by field with DRF's coercion rules and error messages. Unknown fields are simply never
 * read.
 */
public final class RequestData {

    static final String REQUIRED = "This field is required.";

    static final String NULL = "This field may not be null.";

    static final String BLANK = "This field may not be blank.";

    private static final String NOT_A_STRING = "Not a valid string.";

    private static final String NOT_AN_INTEGER = "A valid integer is required.";

    /**
     * DRF's IntegerField drops a trailing ".0" (and whitespace) before parsing: "1998.0"
     * is 1998.
     */
    private static final Pattern DECIMAL_ZEROS = Pattern.compile("\\.0*\\s*$");

    private static final Set<String> TRUE_VALUES = Set.of("t", "T", "y", "Y", "yes", "Yes", "YES", "true", "True",
            "TRUE", "on", "On", "ON", "1");

    private static final Set<String> FALSE_VALUES = Set.of("f", "F", "n", "N", "no", "No", "NO", "false", "False",
            "FALSE", "off", "Off", "OFF", "0");

    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");

    /** Python prints floats from 1e16 on in exponent form, which int() then refuses. */
    private static final double PYTHON_PLAIN_FLOAT_LIMIT = 1e16;

    private final ObjectNode fields;

    RequestData(ObjectNode fields) {
        this.fields = fields;
    }

    /** The names of the fields the body has. */
    Set<String> names() {
        return Set.copyOf(this.fields.propertyNames());
    }

    /** A field's raw value: {@code null} when absent. */
    JsonNode node(String name) {
        return this.fields.get(name);
    }

    /**
     * Rules of a DRF {@code CharField}; {@link RecordReader} derives them from a
     * component's constraints.
     */
    record CharRules(boolean required, boolean allowNull, boolean allowBlank, int maxLength, boolean trim) {

        /** The same rules with the field not required (a partial body). */
        CharRules optional() {
            return new CharRules(false, this.allowNull, this.allowBlank, this.maxLength, this.trim);
        }

    }

    /**
     * Reads a text field like DRF's CharField: numbers become their text, other types are
     * refused.
     * @return the value, or {@code null} when absent, null or invalid (an error is then
     * recorded if due)
     */
    String text(String name, CharRules rules, FieldErrors errors) {
        JsonNode node = this.fields.get(name);
        if (node == null || node.isMissingNode()) {
            if (rules.required()) {
                errors.add(name, REQUIRED);
            }
            return null;
        }
        if (node.isNull()) {
            if (!rules.allowNull()) {
                errors.add(name, NULL);
            }
            return null;
        }
        if (!node.isString() && !node.isNumber()) {
            errors.add(name, NOT_A_STRING);
            return null;
        }
        String value = node.isString() ? node.stringValue() : node.asString();
        if (rules.trim()) {
            value = value.strip();
        }
        if (value.isEmpty()) {
            if (!rules.allowBlank()) {
                errors.add(name, BLANK);
                return null;
            }
            return value;
        }
        if (value.indexOf('\u0000') >= 0) {
            // DRF's ProhibitNullCharactersValidator: PostgreSQL cannot store them.
            errors.add(name, "Null characters are not allowed.");
            return null;
        }
        if (value.codePointCount(0, value.length()) > rules.maxLength()) {
            errors.add(name, "Ensure this field has no more than " + rules.maxLength() + " characters.");
            return null;
        }
        return value;
    }

    /**
     * Reads an integer field like DRF's IntegerField with min/max validators:
     * {@code 1999}, {@code "1999"} and {@code 1998.0} are accepted; {@code 1999.5},
     * {@code true}, {@code "abc"} are not.
     * @return the value, or {@code null} when absent or invalid (an error is then
     * recorded if due)
     */
    Integer integer(String name, boolean required, int min, int max, FieldErrors errors) {
        JsonNode node = this.fields.get(name);
        if (node == null || node.isMissingNode()) {
            if (required) {
                errors.add(name, REQUIRED);
            }
            return null;
        }
        if (node.isNull()) {
            errors.add(name, NULL);
            return null;
        }
        return inRange(name, toInteger(node), min, max, errors);
    }

    /**
     * Reads a boolean field like DRF's BooleanField: JSON booleans, and its true and
     * false spellings as text or {@code 1}/{@code 0}.
     * @return the value, or {@code null} when absent or invalid (an error is then
     * recorded if due)
     */
    Boolean bool(String name, FieldErrors errors) {
        JsonNode node = this.fields.get(name);
        if (node == null || node.isMissingNode()) {
            return null;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNull()) {
            errors.add(name, NULL);
            return null;
        }
        return queryBoolean(name, (node.isString() || node.isIntegralNumber()) ? node.asString() : "", errors);
    }

    /**
     * A text query parameter: {@code null} when absent or blank, else without surrounding
     * spaces.
     */
    public static String queryText(String text) {
        return (text == null || text.isBlank()) ? null : text.strip();
    }

    /** Parses one query parameter like DRF's IntegerField, for list filters. */
    public static Integer queryInteger(String name, String text, int min, FieldErrors errors) {
        if (text == null) {
            return null;
        }
        return inRange(name, parseInteger(text), min, Integer.MAX_VALUE, errors);
    }

    /** DRF's BooleanField: its true and false spellings; anything else is an error. */
    public static Boolean queryBoolean(String name, String text, FieldErrors errors) {
        if (text == null) {
            return null;
        }
        String value = text.strip();
        if (TRUE_VALUES.contains(value)) {
            return true;
        }
        if (FALSE_VALUES.contains(value)) {
            return false;
        }
        errors.add(name, "Must be a valid boolean.");
        return null;
    }

    /** DRF's "valid integer" check, then its min/max validators. */
    private static Integer inRange(String name, BigInteger value, int min, int max, FieldErrors errors) {
        if (value == null) {
            errors.add(name, NOT_AN_INTEGER);
            return null;
        }
        if (value.compareTo(BigInteger.valueOf(min)) < 0) {
            errors.add(name, "Ensure this value is greater than or equal to " + min + ".");
            return null;
        }
        if (value.compareTo(BigInteger.valueOf(max)) > 0) {
            errors.add(name, "Ensure this value is less than or equal to " + max + ".");
            return null;
        }
        return value.intValue();
    }

    private static BigInteger toInteger(JsonNode node) {
        if (node.isIntegralNumber()) {
            return node.bigIntegerValue();
        }
        if (node.isFloatingPointNumber()) {
            double asDouble = node.doubleValue();
            if (!Double.isFinite(asDouble) || Math.abs(asDouble) >= PYTHON_PLAIN_FLOAT_LIMIT) {
                return null;
            }
            BigDecimal decimal = node.decimalValue();
            return (decimal.stripTrailingZeros().scale() > 0) ? null : decimal.toBigIntegerExact();
        }
        if (node.isString()) {
            return parseInteger(node.stringValue());
        }
        return null;
    }

    private static BigInteger parseInteger(String text) {
        // DRF refuses strings longer than 1000 characters before parsing.
        if (text.length() > 1000) {
            return null;
        }
        String digits = DECIMAL_ZEROS.matcher(text).replaceFirst("").strip();
        return INTEGER.matcher(digits).matches() ? new BigInteger(digits) : null;
    }

}
