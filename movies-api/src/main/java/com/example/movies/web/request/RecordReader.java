package com.example.movies.web.request;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.JsonNode;

import com.example.movies.problem.FieldErrors;
import com.example.movies.web.Untrimmed;
import com.example.movies.web.request.RequestData.CharRules;

/**
 * Reads a record from a {@link RequestData} as {@link DrfBody} describes: one DRF field
 * per component, its rules taken once from the component's constraints. Field errors are
 * collected in the components' order, and the record is built only when there are none.
 *
 * @param <T> the record
 */
public final class RecordReader<T extends Record> {

    private static final Map<Class<?>, RecordReader<?>> READERS = new ConcurrentHashMap<>();

    /**
     * Django's EmailValidator, simplified: a local part, an @, and a dotted domain (or
     * localhost).
     */
    private static final Pattern VALID_EMAIL = Pattern.compile("[^@\\s]+@([^@\\s.]+\\.)+[^@\\s.]+|[^@\\s]+@localhost");

    private final Constructor<T> constructor;

    private final List<FieldReader> fields;

    private RecordReader(Class<T> type) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        List<FieldReader> fields = new ArrayList<>();
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            fields.add(fieldReader(type, components[i]));
        }
        try {
            this.constructor = type.getDeclaredConstructor(types);
        }
        catch (NoSuchMethodException ex) {
            throw new IllegalStateException(type + " has no canonical constructor", ex);
        }
        this.constructor.setAccessible(true);
        this.fields = List.copyOf(fields);
    }

    /**
     * @throws IllegalStateException when the type is not a record whose components the
     * reader knows
     */
    @SuppressWarnings("unchecked")
    static <T> RecordReader<?> of(Class<T> type) {
        if (!type.isRecord()) {
            throw new IllegalStateException("A @DrfBody argument must be a record, not " + type.getName());
        }
        return READERS.computeIfAbsent(type, (record) -> new RecordReader<>((Class<? extends Record>) record));
    }

    /**
     * @param partial whether no field is required (DRF's {@code partial=True})
     * @throws com.example.movies.problem.InvalidFields when a field is invalid
     */
    T read(RequestData data, boolean partial) {
        FieldErrors errors = new FieldErrors();
        Object[] values = new Object[this.fields.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = this.fields.get(i).read(data, partial, errors);
        }
        errors.throwIfAny();
        try {
            return this.constructor.newInstance(values);
        }
        catch (InvocationTargetException ex) {
            if (ex.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException(ex.getCause());
        }
        catch (ReflectiveOperationException ex) {
            throw new IllegalStateException(ex);
        }
    }

    @FunctionalInterface
    private interface FieldReader {

        Object read(RequestData data, boolean partial, FieldErrors errors);

    }

    private static FieldReader fieldReader(Class<?> record, RecordComponent component) {
        AnnotatedElement element = component.getAccessor();
        String name = fieldName(component);
        boolean required = element.isAnnotationPresent(NotNull.class) || element.isAnnotationPresent(NotBlank.class)
                || element.isAnnotationPresent(NotEmpty.class);
        Class<?> type = component.getType();
        if (type == String.class) {
            CharRules rules = charRules(element, required);
            CharRules partialRules = rules.optional();
            jakarta.validation.constraints.Pattern pattern = element
                .getAnnotation(jakarta.validation.constraints.Pattern.class);
            Pattern valid = (pattern != null) ? Pattern.compile(pattern.regexp()) : null;
            boolean email = element.isAnnotationPresent(Email.class);
            return (data, partial, errors) -> {
                String text = data.text(name, partial ? partialRules : rules, errors);
                if (text == null || text.isEmpty()) {
                    return text;
                }
                if (valid != null && !valid.matcher(text).matches()) {
                    errors.add(name, pattern.message());
                    return null;
                }
                if (email && !VALID_EMAIL.matcher(text).matches()) {
                    errors.add(name, "Enter a valid email address.");
                    return null;
                }
                return text;
            };
        }
        if (type == Integer.class || type == int.class) {
            Min min = element.getAnnotation(Min.class);
            Max max = element.getAnnotation(Max.class);
            int lowest = (min != null) ? Math.toIntExact(min.value())
                    : element.isAnnotationPresent(PositiveOrZero.class) ? 0 : Integer.MIN_VALUE;
            int highest = (max != null) ? Math.toIntExact(max.value()) : Integer.MAX_VALUE;
            return (data, partial, errors) -> data.integer(name, required && !partial, lowest, highest, errors);
        }
        if (type == Boolean.class) {
            return (data, partial, errors) -> data.bool(name, errors);
        }
        if (type == boolean.class) {
            return (data, partial, errors) -> Boolean.TRUE.equals(data.bool(name, errors));
        }
        if (type == JsonNode.class) {
            return (data, partial, errors) -> data.node(name);
        }
        if (type == Set.class && isHidden(element)) {
            return (data, partial, errors) -> data.names();
        }
        throw new IllegalStateException(record.getName() + "." + component.getName()
                + ": a @DrfBody component is a String, Integer, Boolean, JsonNode, or a hidden Set of the names present");
    }

    /**
     * The name of a component's field in the body: its {@code @JsonProperty}, else its
     * own name (as the OpenAPI document names it too).
     */
    public static String fieldName(RecordComponent component) {
        JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
        return (property != null && !property.value().isEmpty()) ? property.value() : component.getName();
    }

    private static CharRules charRules(AnnotatedElement element, boolean required) {
        Size size = element.getAnnotation(Size.class);
        boolean noBlank = element.isAnnotationPresent(NotBlank.class) || element.isAnnotationPresent(NotEmpty.class)
                || (size != null && size.min() > 0);
        Schema schema = element.getAnnotation(Schema.class);
        boolean nullable = schema != null && schema.nullable();
        return new CharRules(required, nullable, nullable || !noBlank, (size != null) ? size.max() : Integer.MAX_VALUE,
                !element.isAnnotationPresent(Untrimmed.class));
    }

    private static boolean isHidden(AnnotatedElement element) {
        Schema schema = element.getAnnotation(Schema.class);
        return schema != null && schema.hidden();
    }

}
