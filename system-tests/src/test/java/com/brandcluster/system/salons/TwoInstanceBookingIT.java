package com.brandcluster.system.salons;

import com.brandcluster.system.support.Experts;
import com.brandcluster.system.support.Portal;
import com.brandcluster.system.support.PortalSystemTest;
import com.brandcluster.system.support.Race;
import com.brandcluster.system.support.ScaledOut;
import com.brandcluster.testsupport.ApiClient;
import com.brandcluster.testsupport.KeycloakExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of expert-salon-service sharing one database, as a scaled deployment runs them: 200 member
 * enterprises (real ones, admitted through the API) book one consultation slot at the same moment, half at each
 * instance, and then race for the last seat of a salon. Exactly one booking holds the slot and the salon never holds
 * more than its capacity: the invariants live in MongoDB, not in either process.
 */
@PortalSystemTest
class TwoInstanceBookingIT {

    private static final int CONTENDERS = 200;
    private static final String CLUSTER = "lighting";
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static ScaledOut scaled;

    @BeforeAll
    static void twoInstancesAndTwoHundredMembers() {
        Portal portal = Portal.get();
        scaled = ScaledOut.of(portal, portal.salons(), "/api/salons", CONTENDERS);
    }

    @AfterAll
    static void stopTheSecondInstance() {
        if (scaled != null) {
            scaled.close();
        }
    }

    @Test
    void twoHundredEnterprisesBookingOneSlotAtTwoInstancesGiveExactlyOneBooking() throws Exception {
        String expertId = Experts.withHourlySlots(scaled.instance(0), CLUSTER);
        ApiClient.Response slots = scaled.instance(0).get("/api/salons/experts/" + expertId + "/slots?from="
                + Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS) + "&to="
                + Instant.now().plus(Duration.ofDays(4)).truncatedTo(ChronoUnit.SECONDS));
        assertThat(slots.status()).as(slots.toString()).isEqualTo(200);
        String start = slots.at("/slots/0/start");

        List<ApiClient.Response> responses = Race.of(CONTENDERS, i -> scaled.asMember(i)
                .post("/api/salons/consultations", Map.of("expertId", expertId, "clusterId", CLUSTER,
                        "start", start, "topic", "BRAND_STRATEGY", "note", "Pricing under the cluster brand")));

        assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
        assertThat(responses).filteredOn(r -> r.status() == 409)
                .allSatisfy(r -> assertThat(r.at("/type")).isEqualTo("urn:brandcluster:problem:slot-taken"))
                .hasSize(CONTENDERS - 1);
        ApiClient secretariat = scaled.instance(1).as(KeycloakExtension.passwordToken("secretariat-lighting",
                KeycloakExtension.DEMO_PASSWORD));
        ApiClient.Response stored = secretariat.get("/api/salons/consultations?clusterId=" + CLUSTER + "&from="
                + start + "&to=" + Instant.parse(start).plusSeconds(1) + "&size=50");
        assertThat(stored.status()).as(stored.toString()).isEqualTo(200);
        assertThat(stored.json().path("content").findValuesAsString("expertId")).containsExactly(expertId);
        assertThat(scaled.instance(0).get("/api/salons/experts/" + expertId + "/slots?from=" + start + "&to="
                + Instant.parse(start).plus(Duration.ofHours(1))).json().path("slots")).isEmpty();
    }

    @Test
    void twoHundredEnterprisesRacingForTheLastSalonSeatAtTwoInstancesFillItOnce() throws Exception {
        ApiClient secretariat = scaled.instance(0).as(KeycloakExtension.passwordToken("secretariat-lighting",
                KeycloakExtension.DEMO_PASSWORD));
        ApiClient.Response created = secretariat.post("/api/salons/clusters/" + CLUSTER + "/salons", salon(1));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String salonId = created.at("/id");

        List<ApiClient.Response> responses = Race.of(CONTENDERS, i -> scaled.asMember(i)
                .post("/api/salons/salons/" + salonId + "/registrations", Map.of("attendees",
                        List.of(Map.of("name", "Attendee " + i, "email", "attendee" + i + "@example.test")))));

        assertThat(responses).extracting(ApiClient.Response::status).containsOnly(201);
        assertThat(responses).filteredOn(r -> "CONFIRMED".equals(r.at("/status"))).hasSize(1);
        assertThat(responses).filteredOn(r -> "WAITLISTED".equals(r.at("/status"))).hasSize(CONTENDERS - 1);
        ApiClient.Response salon = scaled.instance(1).get("/api/salons/salons/" + salonId);
        assertThat(salon.at("/seatsTaken")).isEqualTo("1");
        assertThat(salon.at("/seatsAvailable")).isEqualTo("0");
    }


    private static Map<String, Object> salon(int capacity) {
        LocalDateTime start = LocalDateTime.now(SHANGHAI).plusDays(20).truncatedTo(ChronoUnit.HOURS).withHour(14);
        Map<String, Object> request = new HashMap<>();
        request.put("theme", "Brand Home, Brand Price");
        request.put("title", "The last seat");
        request.put("description", "A small clinic on pricing under the cluster brand.");
        request.put("expertIds", List.of());
        request.put("startsAt", start.toString());
        request.put("endsAt", start.plusHours(2).toString());
        request.put("timeZone", SHANGHAI.getId());
        request.put("venue", "Guzhen Lighting Expo Centre, Room 2");
        request.put("capacity", capacity);
        request.put("seatsPerEnterprise", 1);
        request.put("registrationOpensAt", LocalDateTime.now(SHANGHAI).minusDays(1).withNano(0).toString());
        request.put("registrationClosesAt", start.minusDays(1).toString());
        return request;
    }
}
