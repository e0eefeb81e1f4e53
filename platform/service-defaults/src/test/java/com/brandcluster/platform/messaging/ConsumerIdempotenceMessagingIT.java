package com.brandcluster.platform.messaging;

import java.time.Duration;
import java.util.List;

import com.brandcluster.contracts.ClusterEvent;
import com.brandcluster.contracts.membership.MemberAdmitted;
import com.brandcluster.contracts.membership.MembershipStatusChanged;
import com.brandcluster.platform.messaging.testapp.Deliveries;
import com.brandcluster.platform.messaging.testapp.MemberEventsListener;
import com.brandcluster.platform.messaging.testapp.MessagingTest;
import com.brandcluster.platform.messaging.testapp.TestEvents;
import com.brandcluster.platform.messaging.testapp.TestPublisher;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Out-of-order and redelivered events leave a consumer's projection right (the version rule). */
@MessagingTest
class ConsumerIdempotenceMessagingIT {

    private static final Duration DELIVERY = Duration.ofSeconds(20);

    @Autowired
    TestPublisher publisher;

    @Autowired
    Deliveries deliveries;

    @Autowired
    MongoTemplate mongo;

    @Test
    void aReinstatementThatOvertakesTheSuspensionAndArrivesTwiceLeavesTheMemberActive() {
        String membershipId = TestEvents.newId();
        MemberAdmitted admitted = TestEvents.admitted(membershipId, 1, "ent-" + membershipId);
        MembershipStatusChanged suspended = TestEvents.statusChanged(membershipId, 2, "SUSPENDED");
        MembershipStatusChanged reinstated = TestEvents.statusChanged(membershipId, 3, "ACTIVE");

        for (ClusterEvent event : List.of(admitted, reinstated, suspended, reinstated)) {
            publisher.publish(event);
        }

        await().atMost(DELIVERY).until(() -> deliveries.count(admitted.eventId()) == 1
                && deliveries.count(suspended.eventId()) == 1 && deliveries.count(reinstated.eventId()) == 2);
        Document projection = projection(membershipId);
        assertThat(projection.getString("status")).isEqualTo("ACTIVE");
        assertThat(projection.get("version", Number.class).longValue()).isEqualTo(3);
    }

    @Test
    void anAdmissionDeliveredAfterALaterSuspensionDoesNotReactivateTheMember() {
        String membershipId = TestEvents.newId();
        MemberAdmitted admitted = TestEvents.admitted(membershipId, 1, "ent-" + membershipId);
        MembershipStatusChanged suspended = TestEvents.statusChanged(membershipId, 2, "SUSPENDED");

        publisher.publish(suspended);
        publisher.publish(admitted);
        publisher.publish(suspended);

        await().atMost(DELIVERY).until(() -> deliveries.count(admitted.eventId()) == 1
                && deliveries.count(suspended.eventId()) == 2);
        Document projection = projection(membershipId);
        assertThat(projection.getString("status")).isEqualTo("SUSPENDED");
        assertThat(projection.get("version", Number.class).longValue()).isEqualTo(2);
    }

    private Document projection(String membershipId) {
        return mongo.findOne(Query.query(Criteria.where("_id").is(membershipId)), Document.class,
                MemberEventsListener.PROJECTION);
    }

}
