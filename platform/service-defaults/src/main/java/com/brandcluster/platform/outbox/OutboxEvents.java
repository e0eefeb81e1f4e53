package com.brandcluster.platform.outbox;

import com.brandcluster.contracts.DomainEvent;
import com.brandcluster.contracts.EventCatalog;
import io.micrometer.tracing.Tracer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns an event into the {@link OutboxEntry} its aggregate carries until the relay has published it: the event as
 * JSON (the tolerant {@code eventJsonMapper}), its exchange and routing key from {@link EventCatalog}, and the
 * current trace context.
 */
public final class OutboxEvents {

    private final JsonMapper eventJsonMapper;
    private final @Nullable Tracer tracer;

    public OutboxEvents(JsonMapper eventJsonMapper, @Nullable Tracer tracer) {
        this.eventJsonMapper = eventJsonMapper;
        this.tracer = tracer;
    }

    /**
     * @throws IllegalArgumentException if the event's type is not in the {@link EventCatalog}
     */
    public OutboxEntry entryFor(DomainEvent event) {
        EventCatalog.Entry catalogued = EventCatalog.of(event.getClass());
        if (event.eventId() == null || event.occurredAt() == null) {
            throw new IllegalArgumentException(catalogued.routingKey() + " needs an eventId and occurredAt");
        }
        return new OutboxEntry(event.eventId(), catalogued.exchange(), catalogued.routingKey(),
                eventJsonMapper.writeValueAsString(event), event.occurredAt(), TraceContexts.current(tracer), null);
    }
}
