package com.brandcluster.events.meeting;

import com.brandcluster.testsupport.ApiClient;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Laying out an event's slots and tables, reading them, and what may not be taken away. */
class MeetingPlanIT extends MeetingsIntegrationTest {

    @Test
    void theSecretariatEnablesMatchmakingAndRegisteredEnterprisesReadTheSlotsAndTables() {
        Registered setUp = registered(1);
        String cluster = setUp.clusterId();
        String event = setUp.eventId();
        String registered = setUp.enterprises().getFirst();
        String path = "/api/events/events/" + event + "/meeting-slots";

        ApiClient.Response laid = layOut(cluster, event, List.of(
                slot(null, eventDay().withHour(14)), slot(null, eventDay().withHour(10))), tables(3));

        assertThat(laid.status()).as(laid.toString()).isEqualTo(200);
        assertThat(laid.at("/timeZone")).isEqualTo("Asia/Shanghai");
        assertThat(laid.at("/slots/0/localStartsAt")).isEqualTo(eventDay().withHour(10) + ":00");
        assertThat(laid.at("/slots/0/localEndsAt")).isEqualTo(eventDay().withHour(10).withMinute(30) + ":00");
        assertThat(laid.at("/slots/0/startsAt")).isEqualTo(eventDay().withHour(2) + ":00Z");
        assertThat(laid.at("/slots/1/localStartsAt")).startsWith(eventDay().withHour(14).toString());
        assertThat(laid.at("/tables/2/name")).isEqualTo("Table 3");
        assertThat(laid.at("/tableCount")).isEqualTo("3");
        assertThat(laid.at("/version")).isEqualTo("1");

        ApiClient.Response read = api.as(enterpriseUser(registered)).get(path);
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.json().get("slots")).isEqualTo(laid.json().get("slots"));
        assertThat(api.as(secretariatOf(cluster)).get(path).json()).isEqualTo(laid.json());
    }

    @Test
    void slotsAndTablesSentBackKeepTheirIdsAndFreeOnesMoveOrGo() {
        Matchmaking m = matchmaking(0, 3, 2);

        ApiClient.Response changed = layOut(m.clusterId(), m.eventId(),
                List.of(slot(m.slot(0), eventDay().withHour(15)), slot(m.slot(1), eventDay().withHour(10)
                        .withMinute(30)), slot(null, eventDay().withHour(11))),
                List.of(table(m.tables().get(1), "Window table"), table(null, "Table 3")));

        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.at("/slots/0/id")).isEqualTo(m.slot(1));
        assertThat(changed.at("/slots/1/id")).isNotIn(m.slots());
        assertThat(changed.at("/slots/2/id")).isEqualTo(m.slot(0));
        assertThat(changed.at("/slots/2/localStartsAt")).startsWith(eventDay().withHour(15).toString());
        assertThat(changed.at("/tables/0/id")).isEqualTo(m.tables().get(1));
        assertThat(changed.at("/tables/0/name")).isEqualTo("Window table");
        assertThat(changed.at("/tableCount")).isEqualTo("2");
        assertThat(changed.at("/version")).isEqualTo("2");
        assertThat(claimsOf(m.eventId())).as("the change's locks are lifted").isEmpty();
    }

    @Test
    void aSlotOrTableWithAnAcceptedMeetingIsNeitherRemovedNorMovedButAPendingRequestBlocksNothing() {
        Matchmaking m = matchmaking(4, 3, 2);
        String meeting = accepted(m, m.enterprise(0), m.enterprise(1), m.slot(1));
        String table = stored(meeting).tableId();
        String otherTable = m.tables().stream().filter(t -> !t.equals(table)).findFirst().orElseThrow();
        String pending = requested(m, m.enterprise(2), m.enterprise(3), m.slot(2));
        LocalDateTime ten = eventDay().withHour(10);
        List<Map<String, Object>> allTables = List.of(table(m.tables().get(0), "Table 1"),
                table(m.tables().get(1), "Table 2"));

        ApiClient.Response removeSlot = layOut(m.clusterId(), m.eventId(),
                List.of(slot(m.slot(0), ten), slot(m.slot(2), ten.plusHours(1))), allTables);
        assertProblem(removeSlot, 409, "slot-in-use");
        assertThat(removeSlot.at("/detail")).contains(ten.plusMinutes(30).toString());
        assertProblem(layOut(m.clusterId(), m.eventId(), List.of(slot(m.slot(0), ten),
                slot(m.slot(1), ten.plusHours(3)), slot(m.slot(2), ten.plusHours(1))), allTables), 409, "slot-in-use");
        ApiClient.Response removeTable = layOut(m.clusterId(), m.eventId(), List.of(slot(m.slot(0), ten),
                slot(m.slot(1), ten.plusMinutes(30)), slot(m.slot(2), ten.plusHours(1))),
                List.of(table(otherTable, "The other one")));
        assertProblem(removeTable, 409, "table-in-use");
        assertThat(mongo.findById(m.eventId(), MeetingPlan.class).version()).as("nothing changed").isEqualTo(1);
        assertThat(claimsOf(m.eventId())).as("only the meeting's claims").hasSize(3)
                .allSatisfy(claim -> assertThat(claim.meetingId()).isEqualTo(meeting));

        ApiClient.Response freeOnesGo = layOut(m.clusterId(), m.eventId(),
                List.of(slot(m.slot(1), ten.plusMinutes(30)), slot(null, ten.plusHours(4))),
                List.of(table(table, "Kept"), table(null, "New table")));
        assertThat(freeOnesGo.status()).as(freeOnesGo.toString()).isEqualTo(200);
        assertThat(stored(pending).status()).as("the request in the removed slot expired")
                .isEqualTo(Meeting.Status.EXPIRED);
        assertThat(stored(pending).expiredBecause()).isEqualTo(Meeting.ExpiredBecause.SLOT_REMOVED);
        assertThat(stored(meeting).status()).isEqualTo(Meeting.Status.ACCEPTED);

        api.as(enterpriseUser(m.enterprise(0))).post("/api/events/meetings/" + meeting + "/cancellation", null);
        ApiClient.Response nowFree = layOut(m.clusterId(), m.eventId(), List.of(slot(null, ten)),
                List.of(table(null, "Only table")));
        assertThat(nowFree.status()).as(nowFree.toString()).isEqualTo(200);
    }

    @Test
    void aBadLayoutIsAProblemAndChangesNothing() {
        Matchmaking m = matchmaking(0, 2, 2);
        LocalDateTime ten = eventDay().withHour(10);
        String path = "/api/events/events/" + m.eventId() + "/meeting-slots";
        String secretariat = secretariatOf(m.clusterId());

        ApiClient.Response overlap = layOut(m.clusterId(), m.eventId(),
                List.of(slot(null, ten), slot(null, ten.plusMinutes(15))), tables(1));
        assertProblem(overlap, 422, "invalid-meeting-plan");
        assertThat(overlap.at("/detail")).contains("overlap");
        assertProblem(layOut(m.clusterId(), m.eventId(), List.of(slot(null, ten.withHour(8))), tables(1)), 422,
                "invalid-meeting-plan");
        assertProblem(layOut(m.clusterId(), m.eventId(), List.of(slot("not-a-slot-of-this-plan", ten)), tables(1)),
                422, "invalid-meeting-plan");
        assertProblem(layOut(m.clusterId(), m.eventId(), slots(1), List.of(table(null, "A"), table(null, "a"))),
                422, "invalid-meeting-plan");
        assertInvalidField(layOut(m.clusterId(), m.eventId(), List.of(), tables(1)), "slots");
        assertInvalidField(layOut(m.clusterId(), m.eventId(), slots(1), List.of()), "tables");
        assertInvalidField(layOut(m.clusterId(), m.eventId(), slots(1), List.of(table(null, " "))),
                "tables[0].name");
        assertInvalidField(layOut(m.clusterId(), m.eventId(), List.of(Map.of("startsAt", ten.toString())),
                tables(1)), "slots[0].endsAt");
        assertProblem(api.as(secretariat).put(path, Map.of("slots", slots(1), "tables", tables(1), "extra", 1)),
                400, "unknown-property");
        assertProblem(api.as(secretariat).send("PUT", path, "{\"slots\": [{\"startsAt\": \"noon\"}]}",
                "application/json"), 400, null);

        MeetingPlan plan = mongo.findById(m.eventId(), MeetingPlan.class);
        assertThat(plan.version()).isEqualTo(1);
        assertThat(plan.slots()).extracting(MeetingPlan.Slot::id).containsExactlyElementsOf(m.slots());
    }

    @Test
    void aCancelledEventsMatchmakingIsClosed() {
        Matchmaking m = matchmaking(0, 1, 1);
        api.as(secretariatOf(m.clusterId())).post("/api/events/events/" + m.eventId() + "/cancellation",
                Map.of("reason", "Typhoon warning"));

        ApiClient.Response closed = layOut(m.clusterId(), m.eventId(), slots(2), tables(1));

        assertProblem(closed, 409, "event-state");
        assertThat(closed.at("/currentState")).isEqualTo("CANCELLED");
    }

    @Test
    void onlyTheEventsSecretariatLaysOutTheSlots() {
        Registered setUp = registered(1);
        String cluster = setUp.clusterId();
        String event = setUp.eventId();
        String path = "/api/events/events/" + event + "/meeting-slots";
        Map<String, Object> body = Map.of("slots", slots(1), "tables", tables(1));

        assertProblem(api.as(secretariatOf(cluster())).put(path, body), 403, "forbidden");
        assertProblem(api.as(enterpriseUser(setUp.enterprises().getFirst())).put(path, body), 403, "forbidden");
        assertProblem(api.as(expert()).put(path, body), 403, "forbidden");
        assertProblem(api.anonymous().put(path, body), 401, null);
        assertProblem(api.as(secretariatOf(cluster)).put("/api/events/events/no-such-event/meeting-slots", body),
                404, "not-found");
        String draft = draft(cluster, Map.of());
        assertProblem(api.as(secretariatOf(cluster())).put("/api/events/events/" + draft + "/meeting-slots", body),
                404, "not-found");
        assertThat(mongo.findById(event, MeetingPlan.class)).isNull();

        assertThat(api.as(secretariatOf(cluster)).put("/api/events/events/" + draft + "/meeting-slots", body)
                .status()).as("a draft is prepared too").isEqualTo(200);
        assertThat(api.as(secretariatOf(cluster)).put(path, body).status()).isEqualTo(200);
    }

    @Test
    void theSlotsAreReadByTheSecretariatAndRegisteredEnterprisesOnly() {
        Matchmaking m = matchmaking(1, 1, 1);
        String path = "/api/events/events/" + m.eventId() + "/meeting-slots";
        String pendingOnly = member(m.clusterId(), "SUSPENDED", MEMBER_TIER);
        assertThat(register(m.eventId(), pendingOnly, 1).at("/status")).isEqualTo("PENDING");

        assertThat(api.as(enterpriseUser(m.enterprise(0))).get(path).status()).isEqualTo(200);
        assertThat(api.as(secretariatOf(m.clusterId())).get(path).status()).isEqualTo(200);
        assertProblem(api.as(enterpriseUser(member(m.clusterId()))).get(path), 403, "not-registered");
        assertProblem(api.as(enterpriseUser(pendingOnly)).get(path), 403, "not-registered");
        assertProblem(api.as(secretariatOf(cluster())).get(path), 403, "forbidden");
        assertProblem(api.as(expert()).get(path), 403, "forbidden");
        assertProblem(api.anonymous().get(path), 401, null);

        String withoutMatchmaking = published(m.clusterId(), Map.of());
        assertProblem(api.as(secretariatOf(m.clusterId())).get("/api/events/events/" + withoutMatchmaking
                + "/meeting-slots"), 404, "not-found");
        String draft = draft(m.clusterId(), Map.of());
        assertProblem(api.as(enterpriseUser(m.enterprise(0))).get("/api/events/events/" + draft
                + "/meeting-slots"), 404, "not-found");
    }
}
