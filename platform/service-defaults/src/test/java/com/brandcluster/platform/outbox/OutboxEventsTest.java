package com.brandcluster.platform.outbox;

import com.brandcluster.contracts.ClusterEvent;
import com.brandcluster.contracts.EventFixtures;
import com.brandcluster.contracts.Exchanges;
import com.brandcluster.contracts.membership.MemberAdmitted;
import com.brandcluster.platform.messaging.EventJson;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OutboxEventsTest {

    private final OutboxEvents outboxEvents = new OutboxEvents(EventJson.newMapper(), null);

    @Test
    void createsAPendingEntryWithTheCataloguedExchangeRoutingKeyAndJson() {
        MemberAdmitted event = EventFixtures.event(MemberAdmitted.class);

        OutboxEntry entry = outboxEvents.entryFor(event);

        assertThat(entry.eventId()).isEqualTo(event.eventId());
        assertThat(entry.exchange()).isEqualTo(Exchanges.MEMBERSHIP);
        assertThat(entry.routingKey()).isEqualTo(MemberAdmitted.ROUTING_KEY);
        assertThat(entry.occurredAt()).isEqualTo(event.occurredAt());
        assertThat(entry.pending()).isTrue();
        assertThat(entry.traceparent()).isNull();
        assertThat(EventJson.newMapper().readValue(entry.payload(), MemberAdmitted.class)).isEqualTo(event);
    }

    @Test
    void refusesAnEventTypeThatIsNotCatalogued() {
        ClusterEvent stray = new ClusterEvent() {
            public UUID eventId() { return UUID.randomUUID(); }
            public Instant occurredAt() { return Instant.now(); }
            public String clusterId() { return "lighting"; }
            public String aggregateId() { return "x"; }
            public long version() { return 1; }
        };

        assertThatIllegalArgumentException().isThrownBy(() -> outboxEvents.entryFor(stray));
    }
}
