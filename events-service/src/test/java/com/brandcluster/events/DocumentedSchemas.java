package com.brandcluster.events;

import com.brandcluster.testsupport.OpenApiDocuments;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schemas of the committed {@code openapi/events-service.json}, held against the JSON of real response values: the
 * generated clients take a {@code required} property for granted, so a value this service builds must never leave one
 * out or send it as null.
 */
public final class DocumentedSchemas {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String REF_PREFIX = "#/components/schemas/";
    private static final JsonNode SCHEMAS = read();

    private DocumentedSchemas() {
    }

    /**
     * Fails unless {@code value}, written as JSON, holds every property the schema requires with a value other than
     * null, and so does every nested object the schema describes (array items and {@code $ref}s followed; a
     * {@code oneOf} is not followed, since which branch applies is not written down).
     */
    public static void assertRequiredPresent(String schema, Object value) {
        assertThat(SCHEMAS.has(schema)).as("schema %s in openapi/events-service.json", schema).isTrue();
        List<String> missing = new ArrayList<>();
        check(SCHEMAS.get(schema), JSON.valueToTree(value), schema, missing);
        assertThat(missing).as("required properties missing or null in %s", value).isEmpty();
    }

    /** The properties the schema requires, for asserting what a test relies on. */
    public static Set<String> required(String schema) {
        Set<String> required = new LinkedHashSet<>();
        parts(SCHEMAS.get(schema)).forEach(part -> part.path("required").forEach(name -> required.add(name.asString())));
        return required;
    }

    private static void check(JsonNode schema, JsonNode json, String path, List<String> missing) {
        JsonNode resolved = resolve(schema);
        if (json == null || json.isNull()) {
            return;
        }
        if (json.isArray()) {
            JsonNode items = resolved.path("items");
            for (int i = 0; i < json.size(); i++) {
                check(items, json.get(i), path + "[" + i + "]", missing);
            }
            return;
        }
        if (!json.isObject()) {
            return;
        }
        for (JsonNode part : parts(resolved)) {
            part.path("required").forEach(name -> {
                JsonNode property = json.get(name.asString());
                if (property == null || property.isNull()) {
                    missing.add(path + "." + name.asString());
                }
            });
            for (Map.Entry<String, JsonNode> property : part.path("properties").properties()) {
                check(property.getValue(), json.get(property.getKey()), path + "." + property.getKey(), missing);
            }
        }
    }

    /** The schema and, for a composed one, each part of its {@code allOf}. */
    private static List<JsonNode> parts(JsonNode schema) {
        List<JsonNode> parts = new ArrayList<>();
        JsonNode resolved = resolve(schema);
        parts.add(resolved);
        resolved.path("allOf").forEach(part -> parts.addAll(parts(part)));
        return parts;
    }

    private static JsonNode resolve(JsonNode schema) {
        JsonNode ref = schema.get("$ref");
        return ref == null ? schema : resolve(SCHEMAS.path(ref.asString().substring(REF_PREFIX.length())));
    }

    private static JsonNode read() {
        try {
            return JSON.readTree(Files.readString(OpenApiDocuments.committedFile("events-service")))
                    .path("components").path("schemas");
        } catch (java.io.IOException unreadable) {
            throw new IllegalStateException("openapi/events-service.json could not be read", unreadable);
        }
    }
}
