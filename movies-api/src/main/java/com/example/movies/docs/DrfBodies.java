package com.example.movies.docs;

import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

import com.example.movies.web.request.DrfBody;
import com.example.movies.web.request.RecordReader;

/**
 * Documents each {@link DrfBody} argument as the operation's request body: its record's
 * schema (constraints included) in the three media types DRF's parsers read, and for a
 * partial one (PATCH) a {@code Patched<Name>} copy without required properties, as
 * drf-spectacular names it.
 */
@Component
class DrfBodies implements OperationCustomizer, OpenApiCustomizer {

    private static final String[] MEDIA_TYPES = { org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
            org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE };

    static {
        // The argument is the body, not a parameter.
        SpringDocUtils.getConfig().addAnnotationsToIgnore(DrfBody.class);
    }

    /** The bodies' schemas by name, with the record and whether it is a patched copy. */
    private final Map<String, Body> bodies = new LinkedHashMap<>();

    private record Body(Class<?> type, boolean partial) {
    }

    @Override
    public Operation customize(Operation operation, HandlerMethod handlerMethod) {
        for (MethodParameter parameter : handlerMethod.getMethodParameters()) {
            DrfBody body = parameter.getParameterAnnotation(DrfBody.class);
            if (body != null) {
                Class<?> type = parameter.getParameterType();
                String name = (body.partial() ? "Patched" : "") + schemaName(type);
                synchronized (this.bodies) {
                    this.bodies.put(name, new Body(type, body.partial()));
                }
                Content content = new Content();
                for (String mediaType : MEDIA_TYPES) {
                    content.addMediaType(mediaType,
                            new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + name)));
                }
                operation.setRequestBody(new RequestBody().required(true).content(content));
            }
        }
        return operation;
    }

    @Override
    public void customise(OpenAPI document) {
        synchronized (this.bodies) {
            this.bodies.forEach((name, body) -> {
                // A fresh resolution each time: the patched copy shares no object with
                // the
                // record's own schema.
                Map<String, Schema> schemas = new LinkedHashMap<>(
                        ModelConverters.getInstance(true).readAll(body.type()));
                Schema<?> schema = schemas.remove(schemaName(body.type()));
                if (body.partial()) {
                    schema.setRequired(null);
                }
                minimumLengths(body.type(), schema);
                schema.setName(name);
                schemas.forEach(document.getComponents()::addSchemas);
                document.getComponents().addSchemas(name, schema);
            });
        }
    }

    /**
     * {@code @NotBlank} text has at least one character, whatever its {@code @Size} says;
     * the {@code minLength: 0} of a {@code @Size} with only a maximum says nothing.
     */
    private static void minimumLengths(Class<?> type, Schema<?> schema) {
        for (RecordComponent component : type.getRecordComponents()) {
            String name = RecordReader.fieldName(component);
            Schema<?> field = (schema.getProperties() != null) ? schema.getProperties().get(name) : null;
            if (field == null) {
                continue;
            }
            if (component.getAccessor().isAnnotationPresent(NotBlank.class)
                    || component.getAccessor().isAnnotationPresent(NotEmpty.class)) {
                field.setMinLength(1);
            }
            else if (Integer.valueOf(0).equals(field.getMinLength())) {
                field.setMinLength(null);
            }
        }
    }

    private static String schemaName(Class<?> type) {
        io.swagger.v3.oas.annotations.media.Schema schema = type
            .getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class);
        return (schema != null && !schema.name().isEmpty()) ? schema.name() : type.getSimpleName();
    }

}
