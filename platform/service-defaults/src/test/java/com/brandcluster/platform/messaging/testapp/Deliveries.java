package com.brandcluster.platform.messaging.testapp;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/** What the test consumer received, per event id. */
@Component
public class Deliveries {

    /**
     * @param type          the record type the message was converted to
     * @param traceId       the trace id current in the listener, null without tracing
     * @param deliveryCount RabbitMQ's {@code x-delivery-count}, null on the first delivery
     */
    public record Delivery(UUID eventId, Class<?> type, @Nullable String traceId, @Nullable Long deliveryCount) {
    }

    private final Map<UUID, List<Delivery>> byEvent = new ConcurrentHashMap<>();
    private final Map<UUID, Integer> applied = new ConcurrentHashMap<>();

    void record(Delivery delivery) {
        byEvent.computeIfAbsent(delivery.eventId(), ignored -> new CopyOnWriteArrayList<>()).add(delivery);
    }

    void applied(UUID eventId) {
        applied.merge(eventId, 1, Integer::sum);
    }

    /** How many times the consumer changed its projection with the event (the idempotent consumer: at most once). */
    public int appliedCount(UUID eventId) {
        return applied.getOrDefault(eventId, 0);
    }

    public List<Delivery> of(UUID eventId) {
        return List.copyOf(byEvent.getOrDefault(eventId, List.of()));
    }

    public int count(UUID eventId) {
        return of(eventId).size();
    }
}
