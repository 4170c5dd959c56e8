package com.example.movies.docs;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.stereotype.Component;

/**
 * Every field of an answer is always there (with {@code null} where a field may be null),
 * so every property of a schema that only answers use is {@code required}: clients
 * generated from the document (the UI's types) then need no checks for fields that cannot
 * be missing. Schemas of request bodies keep the rules their records state.
 */
@Component
class AnswerSchemas implements OpenApiCustomizer {

    private static final String PREFIX = "#/components/schemas/";

    @Override
    public void customise(OpenAPI document) {
        if (document.getPaths() == null || document.getComponents() == null
                || document.getComponents().getSchemas() == null) {
            return;
        }
        Set<String> answers = new HashSet<>();
        Set<String> requests = new HashSet<>();
        document.getPaths().values().stream().flatMap((path) -> path.readOperations().stream()).forEach((operation) -> {
            answers.addAll(referenced(answerContents(operation)));
            if (operation.getRequestBody() != null) {
                requests.addAll(referenced(Stream.ofNullable(operation.getRequestBody().getContent())));
            }
        });
        answers.removeAll(requests);
        answers.forEach((name) -> {
            Schema<?> schema = document.getComponents().getSchemas().get(name);
            if (schema != null && schema.getProperties() != null) {
                schema.setRequired(new ArrayList<>(schema.getProperties().keySet()));
            }
        });
    }

    private static Stream<Content> answerContents(Operation operation) {
        return (operation.getResponses() != null)
                ? operation.getResponses().values().stream().map((answer) -> answer.getContent()) : Stream.empty();
    }

    private static Set<String> referenced(Stream<Content> contents) {
        Set<String> names = new HashSet<>();
        contents.filter(Objects::nonNull)
            .map(Content::values)
            .flatMap(Collection::stream)
            .map((mediaType) -> mediaType.getSchema())
            .filter(Objects::nonNull)
            .map((schema) -> (schema.getItems() != null) ? schema.getItems() : schema)
            .map(Schema::get$ref)
            .filter((ref) -> ref != null && ref.startsWith(PREFIX))
            .forEach((ref) -> names.add(ref.substring(PREFIX.length())));
        return names;
    }

}
