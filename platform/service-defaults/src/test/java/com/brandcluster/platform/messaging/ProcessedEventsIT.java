package com.brandcluster.platform.messaging;

import java.time.Instant;
import java.util.UUID;

import com.brandcluster.platform.messaging.testapp.MessagingTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexInfo;

import static org.assertj.core.api.Assertions.assertThat;

@MessagingTest
class ProcessedEventsIT {

    @Autowired
    ProcessedEvents processedEvents;

    @Autowired
    MongoTemplate mongo;

    @Test
    void claimsAnEventOncePerConsumer() {
        UUID eventId = UUID.randomUUID();

        assertThat(processedEvents.claim("notification-service.members", eventId)).isTrue();
        assertThat(processedEvents.claim("notification-service.members", eventId)).isFalse();
        assertThat(processedEvents.claim("events-service.members", eventId)).isTrue();
        assertThat(processedEvents.isClaimed("notification-service.members", eventId)).isTrue();
    }

    @Test
    void letsAReleasedEventBeClaimedAgain() {
        UUID eventId = UUID.randomUUID();
        processedEvents.claim("notification-service.members", eventId);

        processedEvents.release("notification-service.members", eventId);

        assertThat(processedEvents.isClaimed("notification-service.members", eventId)).isFalse();
        assertThat(processedEvents.claim("notification-service.members", eventId)).isTrue();
    }

    @Test
    void keepsClaimsUniqueWithAnIndexCreatedAtStart() {
        assertThat(mongo.indexOps(ProcessedEvents.COLLECTION).getIndexInfo())
                .filteredOn(IndexInfo::isUnique)
                .anySatisfy(index -> assertThat(index.getIndexFields()).extracting(field -> field.getKey())
                        .containsExactly("consumer", "eventId"));
    }

    @Test
    void forgetsClaimsOlderThanACutoff() {
        UUID eventId = UUID.randomUUID();
        processedEvents.claim("cleanup-test", eventId);

        assertThat(processedEvents.forgetClaimedBefore(Instant.now().plusSeconds(1))).isPositive();

        assertThat(processedEvents.isClaimed("cleanup-test", eventId)).isFalse();
    }
}
