package com.brandcluster.salons.consultation;

import com.brandcluster.contracts.EventFixtures;
import com.brandcluster.contracts.Exchanges;
import com.brandcluster.contracts.membership.MembershipStatusChanged;
import com.brandcluster.platform.membership.MemberStanding;
import com.brandcluster.salons.availability.SlotCalendar;
import com.brandcluster.salons.expert.Topic;
import com.brandcluster.testsupport.ApiClient;
import com.brandcluster.testsupport.RabbitExtension;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A member's loss of good standing reaches its consultations through a real {@code status-changed} message on
 * membership-service's exchange: the bookings ahead are kept but flagged for the secretariat, and the flags go when
 * the membership is in good standing again, whatever the duplicates and the order.
 */
class MemberBookingsFlaggingIT extends ConsultationIntegrationTest {

    private Connection connection;
    private Channel channel;

    @BeforeEach
    void connect() throws Exception {
        connection = RabbitExtension.info().connectionFactory().newConnection();
        channel = connection.createChannel();
    }

    @AfterEach
    void disconnect() throws Exception {
        connection.close();
    }

    @Test
    void aSuspensionFlagsTheBookingsAheadAndAReinstatementClearsThem() throws Exception {
        String cluster = cluster();
        String membershipId = new ObjectId().toHexString();
        String enterprise = "ent-" + new ObjectId().toHexString();
        standing(membershipId, cluster, enterprise, MemberStanding.ACTIVE);
        String other = member(cluster);
        String expertId = expertIn(cluster);
        String ahead = booked(enterprise, expertId, cluster, at(3, 10));
        String confirmedAhead = booked(enterprise, expertId, cluster, at(3, 12));
        api.as(expert(expertId)).post(PATH + "/" + confirmedAhead + "/confirmation", null);
        String cancelled = booked(enterprise, expertId, cluster, at(3, 14));
        api.as(enterpriseUser(enterprise)).post(PATH + "/" + cancelled + "/cancellation", Map.of("reason", "No"));
        String past = pastConsultation(cluster, enterprise, expertId);
        String othersBooking = booked(other, expertId, cluster, at(4, 10));

        String suspension = statusChanged(membershipId, cluster, enterprise, 2, "SUSPENDED", "SUSPENDED");
        publish(suspension);
        await().atMost(Duration.ofSeconds(20)).until(() -> stored(ahead).flag() != null);
        await().atMost(Duration.ofSeconds(20)).until(() -> "SUSPENDED".equals(
                mongo.findById(membershipId, MemberStanding.class).status()));

        assertThat(stored(confirmedAhead).flag()).isNotNull();
        assertThat(stored(ahead).flag().reason()).isEqualTo("SUSPENDED");
        assertThat(stored(cancelled).flag()).isNull();
        assertThat(stored(past).flag()).isNull();
        assertThat(stored(othersBooking).flag()).isNull();
        ApiClient.Response view = api.as(enterpriseUser(enterprise)).get(PATH + "/" + ahead);
        assertThat(view.at("/flag/reason")).isEqualTo("SUSPENDED");
        assertThat(view.at("/flag/flaggedAt")).isNotNull();
        assertThat(view.at("/state")).as("kept").isEqualTo("PENDING");
        assertThat(flaggedFor(cluster)).containsExactly(ahead, confirmedAhead);
        ApiClient.Response refused = book(enterprise, expertId, cluster, at(5, 10));
        assertProblem(refused, 403, "member-not-in-good-standing");
        assertThat(refused.at("/membershipStatus")).isEqualTo("SUSPENDED");
        assertProblem(api.as(enterpriseUser(enterprise)).post(PATH + "/" + ahead + "/reschedule",
                Map.of("start", at(5, 12).toString())), 403, "member-not-in-good-standing");

        long versionOnceFlagged = stored(ahead).version();
        publish(suspension);
        String reinstatement = statusChanged(membershipId, cluster, enterprise, 3, "ACTIVE", "REINSTATED");
        publish(reinstatement);
        await().atMost(Duration.ofSeconds(20)).until(() -> stored(ahead).flag() == null);
        assertThat(stored(ahead).version()).as("the duplicate flagged nothing again, the reinstatement cleared once")
                .isEqualTo(versionOnceFlagged + 1);
        assertThat(stored(confirmedAhead).flag()).isNull();
        assertThat(flaggedFor(cluster)).isEmpty();

        publish(statusChanged(membershipId, cluster, enterprise, 2, "SUSPENDED", "SUSPENDED"));
        // a later event on the same queue: once it is applied, the older suspension was handled before it
        String otherMembership = new ObjectId().toHexString();
        String witness = "ent-" + new ObjectId().toHexString();
        standing(otherMembership, cluster, witness, MemberStanding.ACTIVE);
        String witnessBooking = booked(witness, expertId, cluster, at(6, 14));
        publish(statusChanged(otherMembership, cluster, witness, 2, "LAPSED", "LAPSED"));
        await().atMost(Duration.ofSeconds(20)).until(() -> stored(witnessBooking).flag() != null);
        assertThat(stored(ahead).flag()).as("the late, older suspension is ignored").isNull();
        assertThat(stored(witnessBooking).flag().reason()).isEqualTo("LAPSED");
    }

    private List<String> flaggedFor(String cluster) {
        ApiClient.Response list = api.as(secretariatOf(cluster)).get(PATH + "?clusterId=" + cluster + "&flagged=true");
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        return list.json().get("content").valueStream().map(c -> c.get("id").asString()).toList();
    }

    private static String statusChanged(String membershipId, String cluster, String enterprise, long version,
                                        String status, String change) {
        return EventFixtures.json(MembershipStatusChanged.ROUTING_KEY, Map.of("eventId", UUID.randomUUID().toString(),
                "membershipId", membershipId, "clusterId", cluster, "enterpriseId", enterprise, "version", version,
                "status", status, "change", change, "validUntil", validUntil().toString()));
    }

    private void publish(String json) throws Exception {
        channel.basicPublish(Exchanges.MEMBERSHIP, MembershipStatusChanged.ROUTING_KEY, true,
                new AMQP.BasicProperties.Builder().contentType("application/json").deliveryMode(2)
                        .messageId(UUID.randomUUID().toString()).build(), json.getBytes(StandardCharsets.UTF_8));
    }

    /** A confirmed consultation of yesterday (bookings are only made for the future). */
    private String pastConsultation(String cluster, String enterprise, String expertId) {
        Instant start = at(-1, 10);
        String id = new ObjectId().toHexString();
        mongo.insert(Consultation.book(id, new Consultation.Booking(cluster, enterprise, expertId, "Wang Lei",
                        "Asia/Shanghai", Topic.DESIGN, null), new SlotCalendar.Slot(start, start.plusSeconds(3600)),
                true, Duration.ofHours(1), ConsultationHours.accountId(cluster, enterprise, validUntil()), "user",
                start.minus(Duration.ofDays(2))));
        return id;
    }
}
