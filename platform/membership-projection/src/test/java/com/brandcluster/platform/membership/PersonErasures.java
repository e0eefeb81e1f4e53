package com.brandcluster.platform.membership;

import com.brandcluster.contracts.membership.PersonErased;
import com.brandcluster.platform.messaging.ProcessedEvents;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

import static org.awaitility.Awaitility.await;

/**
 * Publishes {@code membership.person.erased.v1} as membership-service does and waits until a service's consumer
 * (its {@code <service>.privacy} queue) has applied it. For the personal data tests of every service that erases.
 */
public final class PersonErasures implements AutoCloseable {

    private final MembershipEvents events;
    private final ProcessedEvents processedEvents;
    private final String consumer;

    /** @param consumer the consuming queue, e.g. {@code events-service.privacy} */
    public PersonErasures(ProcessedEvents processedEvents, String consumer) throws IOException, TimeoutException {
        this.events = new MembershipEvents();
        this.processedEvents = processedEvents;
        this.consumer = consumer;
    }

    /** Announces the erasure of the person known by this subject and these addresses, with a new pseudonym. */
    public PersonErased erase(String subject, String... emails) throws IOException {
        PersonErased event = new PersonErased(UUID.randomUUID(), Instant.now(), subject, 1, List.of(emails),
                "erased-" + UUID.randomUUID());
        publish(event);
        return event;
    }

    /** Publishes the event (again: a duplicate delivery has the same event id). */
    public void publish(PersonErased event) throws IOException {
        events.publish(PersonErased.ROUTING_KEY, JsonMapper.shared().writeValueAsString(event));
    }

    /** Waits until the consumer has applied the event (recorded its id as processed). */
    public void awaitApplied(PersonErased event) {
        await().atMost(Duration.ofSeconds(20)).until(() -> processedEvents.isClaimed(consumer, event.eventId()));
    }

    @Override
    public void close() throws IOException {
        events.close();
    }
}
