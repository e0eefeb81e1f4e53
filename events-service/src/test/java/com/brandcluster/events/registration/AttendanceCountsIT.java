package com.brandcluster.events.registration;

import com.brandcluster.testsupport.ApiClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The secretariat's attendance counts: attendees registered, confirmed and checked in, in all and per enterprise. */
class AttendanceCountsIT extends AttendanceIntegrationTest {

    private static String attendanceOf(String event) {
        return "/api/events/events/" + event + "/attendance";
    }

    @Test
    void theSecretariatCountsRegisteredConfirmedAndCheckedInAttendeesInAllAndPerEnterprise() {
        Gathering gathering = gathering();
        String secretariat = secretariatOf(gathering.cluster());
        underway(gathering.event());
        api.as(secretariat).post("/api/events/registrations/" + gathering.opals().at("/id") + "/check-in",
                Map.of("attendeeIds", List.of(attendeeIds(gathering.opals()).getFirst())));
        checkIn(secretariat, gathering.jades().at("/id"));

        ApiClient.Response counts = api.as(secretariat).get(attendanceOf(gathering.event()));

        assertThat(counts.status()).as(counts.toString()).isEqualTo(200);
        assertThat(counts.at("/exchangeEventId")).isEqualTo(gathering.event());
        assertThat(counts.at("/registered")).as("2 + 2 confirmed, 1 pending, 2 waitlisted").isEqualTo("7");
        assertThat(counts.at("/confirmed")).isEqualTo("4");
        assertThat(counts.at("/checkedIn")).isEqualTo("3");
        JsonNode enterprises = counts.json().get("enterprises");
        assertThat(enterprises.findValuesAsString("enterpriseId")).as("by name; the cancelled Amber is gone")
                .containsExactlyInAnyOrder(gathering.opal(), gathering.jade(), gathering.suspended(),
                        gathering.waitlisted());
        assertThat(enterprises.get(2).get("enterpriseName").asString()).isEqualTo("Opal Lighting Co., Ltd.");
        assertThat(enterprises.get(3).get("enterpriseName").asString()).isEqualTo("翡翠照明有限公司");
        assertThat(counted(enterprises, gathering.opal())).containsExactly(2L, 2L, 1L);
        assertThat(counted(enterprises, gathering.jade())).containsExactly(2L, 2L, 2L);
        assertThat(counted(enterprises, gathering.suspended())).containsExactly(1L, 0L, 0L);
        assertThat(counted(enterprises, gathering.waitlisted())).containsExactly(2L, 0L, 0L);
    }

    @Test
    void anEventWithoutRegistrationsCountsNobody() {
        String cluster = cluster();
        String draft = draft(cluster, Map.of());

        ApiClient.Response counts = api.as(secretariatOf(cluster)).get(attendanceOf(draft));

        assertThat(counts.status()).as(counts.toString()).isEqualTo(200);
        assertThat(List.of(counts.at("/registered"), counts.at("/confirmed"), counts.at("/checkedIn")))
                .containsOnly("0");
        assertThat(counts.json().get("enterprises")).isEmpty();
    }

    @Test
    void onlyTheSecretariatOfTheEventsClusterSeesTheCounts() {
        Gathering gathering = gathering();
        String path = attendanceOf(gathering.event());

        assertProblem(api.as(enterpriseUser(gathering.opal())).get(path), 403, "forbidden");
        assertProblem(api.as(enterpriseUser(member(gathering.cluster()))).get(path), 403, "forbidden");
        assertProblem(api.as(secretariatOf(cluster())).get(path), 403, "forbidden");
        assertProblem(api.as(expert()).get(path), 403, "forbidden");
        assertProblem(api.anonymous().get(path), 401, null);
        assertProblem(api.as(enterpriseUser(gathering.opal())).get(attendanceOf(draft(gathering.cluster(),
                Map.of()))), 404, "not-found");
        assertProblem(api.as(secretariatOf(gathering.cluster())).get(attendanceOf("no-such-event")), 404,
                "not-found");
    }

    /** Registered, confirmed and checked in of one enterprise. */
    private static List<Long> counted(JsonNode enterprises, String enterpriseId) {
        for (JsonNode enterprise : enterprises) {
            if (enterprise.get("enterpriseId").asString().equals(enterpriseId)) {
                return List.of(enterprise.get("registered").asLong(), enterprise.get("confirmed").asLong(),
                        enterprise.get("checkedIn").asLong());
            }
        }
        throw new AssertionError("No counts of " + enterpriseId + " in " + enterprises);
    }
}
