package com.example.movies.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * Small readers over a synthesized template, for assertions that compare resources with
 * each other.
 */
public final class Resources {

    private Resources() {
    }

    /** Properties of every resource of {@code type}, by logical id. */
    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> properties(Template template, String type) {
        Map<String, Map<String, Object>> result = new LinkedHashMap<>();
        template.findResources(type)
            .forEach((id, resource) -> result.put(id,
                    (Map<String, Object>) ((Map<String, Object>) resource).getOrDefault("Properties", Map.of())));
        return result;
    }

    /**
     * The logical id of the one resource of {@code type} whose properties contain
     * {@code properties}.
     */
    public static String logicalId(Template template, String type, Map<String, Object> properties) {
        Map<String, Map<String, Object>> found = template.findResources(type,
                Map.of("Properties", Match.objectLike(properties)));
        assertThat(found).as("%s with %s", type, properties).hasSize(1);
        return found.keySet().iterator().next();
    }

    static Map<String, Object> getAtt(String logicalId, String attribute) {
        return Map.of("Fn::GetAtt", List.of(logicalId, attribute));
    }

    static Map<String, Object> ref(String logicalId) {
        return Map.of("Ref", logicalId);
    }

    /**
     * Matches a cross-stack reference to a value exported by another stack, e.g. the
     * database's security group; {@code exported} is a regular expression over CDK's
     * generated export name (logical id and attribute).
     */
    static Object importOf(String exported) {
        return Map.of("Fn::ImportValue", Match.stringLikeRegexp(exportName(exported)));
    }

    /** The same test as {@link #importOf} for values read out of a template. */
    static boolean isImportOf(String exported, Object value) {
        return value instanceof Map<?, ?> map && map.size() == 1 && map.get("Fn::ImportValue") instanceof String name
                && name.matches(exportName(exported));
    }

    private static String exportName(String exported) {
        return ".*:ExportsOutput\\w*" + exported + "\\w*";
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object value) {
        return (Map<String, Object>) value;
    }

    static int number(Object value) {
        return ((Number) value).intValue();
    }

}
