package com.brandcluster.contracts;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The JSON fixture of every catalogued event, one file per routing key under {@code events/}. Shipped in this
 * module's test jar so that consumers' tests read exactly the messages the contract promises.
 */
public final class EventFixtures {

    /** Reads events as consumers do: unknown fields are ignored. */
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private EventFixtures() {
    }

    /** The fixture text for a routing key, exactly as stored. */
    public static String json(String routingKey) {
        String resource = "/events/" + routingKey + ".json";
        try (InputStream in = EventFixtures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture " + resource + " for routing key " + routingKey);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A mutable copy of a fixture, for tests that need a variant (another enterprise, a later version...). */
    public static ObjectNode node(String routingKey) {
        return (ObjectNode) MAPPER.readTree(json(routingKey));
    }

    /** The fixture with some fields replaced, as JSON text. */
    public static String json(String routingKey, Map<String, ?> overrides) {
        ObjectNode node = node(routingKey);
        overrides.forEach((field, value) -> node.set(field, MAPPER.valueToTree(value)));
        return MAPPER.writeValueAsString(node);
    }

    /** The fixture of an event type, read into its record. */
    public static <T extends DomainEvent> T event(Class<T> type) {
        return MAPPER.readValue(json(EventCatalog.of(type).routingKey()), type);
    }

    /** A fixture variant read into its record. */
    public static <T extends DomainEvent> T event(Class<T> type, Map<String, ?> overrides) {
        return MAPPER.readValue(json(EventCatalog.of(type).routingKey(), overrides), type);
    }
}
