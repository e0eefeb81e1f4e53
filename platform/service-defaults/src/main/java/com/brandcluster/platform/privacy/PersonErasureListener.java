package com.brandcluster.platform.privacy;

import com.brandcluster.contracts.membership.PersonErased;
import com.brandcluster.platform.messaging.ProcessedEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.amqp.rabbit.annotation.RabbitHandler;
import org.springframework.amqp.rabbit.annotation.RabbitListener;

/**
 * Erases a person's data in this service when membership-service announces {@code membership.person.erased.v1}
 * (queue {@code <service>.privacy}). The erasure is idempotent and runs before the event is recorded as processed
 * ({@link ProcessedEvents}, pattern 2 of DESIGN.md §6), so a crash in between only repeats a no-op, and a duplicate
 * delivery after it is skipped.
 */
@RabbitListener(queues = "#{@messagingTopology.queue('" + PersonErasureListener.PURPOSE + "')}")
public class PersonErasureListener {

    /** The subscription purpose in {@code brandcluster.messaging.subscriptions}. */
    public static final String PURPOSE = "privacy";

    private static final Logger log = LoggerFactory.getLogger(PersonErasureListener.class);

    private final PersonalDataDocuments documents;
    private final ProcessedEvents processedEvents;
    private final String consumer;

    PersonErasureListener(PersonalDataDocuments documents, ProcessedEvents processedEvents, String consumer) {
        this.documents = documents;
        this.processedEvents = processedEvents;
        this.consumer = consumer;
    }

    @RabbitHandler
    public void on(PersonErased event) {
        if (processedEvents.isClaimed(consumer, event.eventId())) {
            log.info("Erasure {} was applied before: duplicate delivery ignored", event.eventId());
            return;
        }
        PersonalDataDocuments.Outcome outcome = documents.erase(event);
        processedEvents.claim(consumer, event.eventId());
        log.info("Erasure {} applied to {} documents", event.eventId(), outcome.total());
    }
}
