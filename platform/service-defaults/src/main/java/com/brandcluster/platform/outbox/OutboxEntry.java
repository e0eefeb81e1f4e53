package com.brandcluster.platform.outbox;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One event waiting in its aggregate's document to be published (see {@link OutboxCarrier}). Create it with
 * {@link OutboxEvents#entryFor}.
 *
 * @param eventId     the event's id (also the AMQP message id)
 * @param exchange    where it is published
 * @param routingKey  its routing key, from {@code EventCatalog}
 * @param payload     the event as JSON
 * @param occurredAt  when it happened
 * @param traceparent the W3C trace context of the thread that created it, so the trace continues through the
 *                    relay into the consumers; null without tracing
 * @param sentAt      when the broker confirmed it; null while pending
 */
public record OutboxEntry(UUID eventId, String exchange, String routingKey, String payload, Instant occurredAt,
                          @Nullable String traceparent, @Nullable Instant sentAt) {

    public boolean pending() {
        return sentAt == null;
    }
}
