package com.brandcluster.system.events;

import com.brandcluster.system.support.Portal;
import com.brandcluster.system.support.PortalSystemTest;
import com.brandcluster.system.support.Race;
import com.brandcluster.system.support.ScaledOut;
import com.brandcluster.testsupport.ApiClient;
import com.brandcluster.testsupport.KeycloakExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of events-service sharing one database: 200 member enterprises (admitted through the API) register
 * for the last seats of a cooperation meeting at the same moment, half at each instance. Capacity holds across both
 * processes; everyone beyond it is waitlisted, not refused.
 */
@PortalSystemTest
class TwoInstanceRegistrationIT {

    private static final int CONTENDERS = 200;
    private static final int CAPACITY = 10;
    private static final String CLUSTER = "lighting";
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static ScaledOut scaled;

    @BeforeAll
    static void twoInstancesAndTwoHundredMembers() {
        Portal portal = Portal.get();
        scaled = ScaledOut.of(portal, portal.events(), "/api/events", CONTENDERS);
    }

    @AfterAll
    static void stopTheSecondInstance() {
        if (scaled != null) {
            scaled.close();
        }
    }

    @Test
    void twoHundredEnterprisesRegisteringForTheLastSeatsAtTwoInstancesNeverExceedCapacity() throws Exception {
        ApiClient secretariat = scaled.instance(0).as(KeycloakExtension.passwordToken("secretariat-lighting",
                KeycloakExtension.DEMO_PASSWORD));
        ApiClient.Response drafted = secretariat.post("/api/events/clusters/" + CLUSTER + "/events", meeting());
        assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
        String eventId = drafted.at("/id");
        ApiClient.Response published = secretariat.post("/api/events/events/" + eventId + "/publication", null);
        assertThat(published.status()).as(published.toString()).isEqualTo(200);

        List<ApiClient.Response> responses = Race.of(CONTENDERS, i -> scaled.asMember(i)
                .post("/api/events/events/" + eventId + "/registrations", Map.of("attendees", List.of(Map.of(
                        "name", "Attendee " + i, "email", "attendee" + i + "@example.test", "jobTitle", "Sales",
                        "consentToAttendeeList", true)))));

        assertThat(responses).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(201));
        assertThat(responses).filteredOn(r -> "CONFIRMED".equals(r.at("/status"))).hasSize(CAPACITY);
        assertThat(responses).filteredOn(r -> "WAITLISTED".equals(r.at("/status"))).hasSize(CONTENDERS - CAPACITY);
        ApiClient.Response event = scaled.instance(1).get("/api/events/events/" + eventId);
        assertThat(event.at("/seatsTaken")).isEqualTo(Integer.toString(CAPACITY));
        assertThat(event.at("/seatsAvailable")).isEqualTo("0");
        ApiClient.Response confirmed = secretariat.get("/api/events/events/" + eventId
                + "/registrations?status=CONFIRMED&size=100");
        assertThat(confirmed.at("/totalElements")).isEqualTo(Integer.toString(CAPACITY));
    }

    /** A public cooperation meeting in Zhongshan four weeks ahead, registration open now, confirmed automatically. */
    private static Map<String, Object> meeting() {
        LocalDateTime start = LocalDateTime.now(SHANGHAI).plusDays(28).truncatedTo(ChronoUnit.HOURS).withHour(9);
        Map<String, Object> request = new HashMap<>();
        request.put("kind", "COOPERATION_MEETING");
        request.put("title", "Lighting supply-chain cooperation meeting");
        request.put("description", "Members discuss shared sourcing of LED drivers.");
        request.put("startsAt", start.toString());
        request.put("endsAt", start.plusHours(8).toString());
        request.put("timeZone", SHANGHAI.getId());
        request.put("venue", "Zhongshan Guzhen Lighting Expo Centre, Hall 1");
        request.put("capacity", CAPACITY);
        request.put("seatsPerEnterprise", 1);
        request.put("registrationOpensAt", LocalDateTime.now(SHANGHAI).minusHours(1).withNano(0).toString());
        request.put("registrationClosesAt", start.minusDays(2).toString());
        request.put("visibility", "PUBLIC");
        request.put("registrationPolicy", "AUTOMATIC");
        return request;
    }
}
