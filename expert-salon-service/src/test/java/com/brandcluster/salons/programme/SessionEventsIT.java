package com.brandcluster.salons.programme;

import com.brandcluster.contracts.salons.SalonSessionBooked;
import com.brandcluster.contracts.salons.SalonSessionConfirmed;
import com.brandcluster.contracts.salons.SalonSessionReleased;
import com.brandcluster.salons.salon.SalonEventsQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The session events reach {@code salons.events} through the outbox, in order, each with the slot's version. */
class SessionEventsIT extends ProgrammeIntegrationTest {

    private SalonEventsQueue published;

    @BeforeEach
    void listen() throws Exception {
        published = SalonEventsQueue.bound("salons.session.#");
    }

    @AfterEach
    void close() throws Exception {
        published.close();
    }

    @Test
    void bookingConfirmationReleaseAndWithdrawalArePublishedWithTheSlotsVersion() {
        String cluster = uniqueCluster();
        String salon = salonWithOpenSlots(cluster);
        String slot = slotId(salon, cluster, 0);
        String booking = slotPath(salon, slot) + "/booking";
        String first = expertServing(cluster);
        String second = expertServing(cluster);

        api.as(expertToken(first)).post(booking, null);
        api.as(secretariatOf(cluster)).post(slotPath(salon, slot) + "/confirmation", null);
        api.as(secretariatOf(cluster)).post(slotPath(salon, slot) + "/release", null);
        api.as(expertToken(second)).post(booking, null);
        assertThat(api.as(expertToken(second)).delete(booking).status()).isEqualTo(200);

        List<JsonNode> events = published.awaitAbout(salon, 5);
        assertThat(events).extracting(e -> e.get("routingKey").asString()).containsExactly(
                SalonSessionBooked.ROUTING_KEY, SalonSessionConfirmed.ROUTING_KEY, SalonSessionReleased.ROUTING_KEY,
                SalonSessionBooked.ROUTING_KEY, SalonSessionReleased.ROUTING_KEY);
        assertThat(events).extracting(e -> e.get("version").asLong()).containsExactly(3L, 4L, 5L, 6L, 7L);
        assertThat(events).extracting(e -> e.get("expertId").asString())
                .containsExactly(first, first, first, second, second);
        assertThat(events).allSatisfy(e -> {
            assertThat(e.get("slotId").asString()).isEqualTo(slot);
            assertThat(e.get("clusterId").asString()).isEqualTo(cluster);
            assertThat(e.get("salonTitle").asString()).isEqualTo("Pricing a lighting brand");
            assertThat(e.get("kind").asString()).isEqualTo("TALK");
            assertThat(e.get("title").asString()).isEqualTo("What a cluster brand is worth");
            assertThat(e.get("timeZone").asString()).isEqualTo("Asia/Shanghai");
        });
        assertThat(events.get(2).get("previousState").asString()).isEqualTo("CONFIRMED");
        assertThat(events.get(2).get("releasedBy").asString()).isEqualTo("SECRETARIAT");
        assertThat(events.get(4).get("previousState").asString()).isEqualTo("BOOKED");
        assertThat(events.get(4).get("releasedBy").asString()).isEqualTo("EXPERT");
    }

    @Test
    void openingAndRefusedChangesPublishNothing() {
        String cluster = uniqueCluster();
        String salon = salonWithOpenSlots(cluster);
        String slot = slotId(salon, cluster, 1);
        String expert = expertServing(cluster);

        api.as(expertToken(expert)).post(slotPath(salon, slot) + "/booking", null);
        assertThat(api.as(expertToken(expertServing(cluster))).post(slotPath(salon, slot) + "/booking", null)
                .status()).isEqualTo(409);
        assertThat(api.as(secretariatOf(cluster)).post(slotPath(salon, slot) + "/release", null).status())
                .isEqualTo(200);
        assertThat(api.as(secretariatOf(cluster)).post(slotPath(salon, slot) + "/release", null).status())
                .isEqualTo(409);

        assertThat(published.awaitAbout(salon, 2)).extracting(e -> e.get("routingKey").asString())
                .containsExactly(SalonSessionBooked.ROUTING_KEY, SalonSessionReleased.ROUTING_KEY);
    }
}
