package com.brandcluster.events.meeting;

import com.brandcluster.testsupport.ApiClient;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static com.brandcluster.events.PublishedEvents.routingKey;
import static org.assertj.core.api.Assertions.assertThat;

/** Requesting, accepting, declining and cancelling meetings, with their events and who may do what. */
class MeetingApiIT extends MeetingsIntegrationTest {

    @Test
    void aRegisteredEnterpriseRequestsAMeetingTheInviteeAcceptsItAtTheFirstFreeTable() {
        Matchmaking m = matchmaking(4, 2, 2);
        String opal = m.enterprise(0);
        String guzhen = m.enterprise(1);
        accepted(m, m.enterprise(2), m.enterprise(3), m.slot(0));

        ApiClient.Response created = request(m, opal, guzhen, m.slot(0));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.at("/id");
        assertThat(created.header("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/meetings/" + id));
        assertThat(created.at("/status")).isEqualTo("REQUESTED");
        assertThat(created.at("/requesterEnterpriseId")).isEqualTo(opal);
        assertThat(created.at("/inviteeEnterpriseId")).isEqualTo(guzhen);
        assertThat(created.at("/slot/id")).isEqualTo(m.slot(0));
        assertThat(created.at("/slot/localStartsAt")).startsWith(eventDay().withHour(10).toString());
        assertThat(created.at("/message")).isEqualTo("Let us talk about export channels.");
        assertThat(created.at("/version")).isEqualTo("1");
        assertThat(Instant.parse(created.at("/answerBy"))).isBetween(Instant.now().plusSeconds(47 * 3600),
                Instant.now().plusSeconds(48 * 3600));
        assertThat(claimsOf(m.eventId())).as("a request claims nothing").hasSize(3);

        ApiClient.Response accepted = accept(id, guzhen);

        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        assertThat(accepted.at("/status")).isEqualTo("ACCEPTED");
        assertThat(accepted.at("/table/name")).as("table 1 is taken in that slot").isEqualTo("Table 2");
        assertThat(accepted.at("/version")).isEqualTo("2");
        assertThat(claimsOf(m.eventId())).filteredOn(c -> c.meetingId().equals(id))
                .allSatisfy(c -> assertThat(c.confirmed()).isTrue())
                .extracting(MeetingClaims.Claim::key).containsExactlyInAnyOrder(
                        MeetingClaims.enterpriseKey(m.eventId(), m.slot(0), opal),
                        MeetingClaims.enterpriseKey(m.eventId(), m.slot(0), guzhen),
                        MeetingClaims.tableKey(m.eventId(), m.slot(0), m.tables().get(1)));

        List<JsonNode> events = published.awaitExactly(aboutMeeting(id), 2);
        JsonNode requested = events.getFirst();
        assertThat(routingKey(requested)).isEqualTo("events.meeting.requested.v1");
        assertThat(requested.get("version").asLong()).isEqualTo(1);
        assertThat(requested.get("exchangeEventId").asString()).isEqualTo(m.eventId());
        assertThat(requested.get("clusterId").asString()).isEqualTo(m.clusterId());
        assertThat(requested.get("requesterEnterpriseId").asString()).isEqualTo(opal);
        assertThat(requested.get("timeZone").asString()).isEqualTo("Asia/Shanghai");
        assertThat(requested.get("message").asString()).isEqualTo("Let us talk about export channels.");
        JsonNode acceptedEvent = events.getLast();
        assertThat(routingKey(acceptedEvent)).isEqualTo("events.meeting.accepted.v1");
        assertThat(acceptedEvent.get("version").asLong()).isEqualTo(2);
        assertThat(acceptedEvent.get("tableName").asString()).isEqualTo("Table 2");
        assertThat(acceptedEvent.get("slotStartsAt").asString()).isEqualTo(created.at("/slot/startsAt"));
    }

    @Test
    void badRequestsAreProblemsAndCreateNothing() {
        Matchmaking m = matchmaking(4, 2, 1);
        String opal = m.enterprise(0);
        String path = "/api/events/events/" + m.eventId() + "/meetings";
        String user = enterpriseUser(opal);
        accepted(m, m.enterprise(2), m.enterprise(3), m.slot(1));
        long before = mongo.count(new Query(), Meeting.class);

        assertProblem(request(m, opal, opal, m.slot(0)), 422, "meeting-with-oneself");
        assertProblem(request(m, opal, member(m.clusterId()), m.slot(0)), 422, "invitee-not-registered");
        assertProblem(request(m, opal, "ent-nobody", m.slot(0)), 422, "invitee-not-registered");
        assertProblem(request(m, opal, m.enterprise(1), "no-such-slot"), 422, "unknown-slot");
        ApiClient.Response inviteeBusy = request(m, opal, m.enterprise(2), m.slot(1));
        assertProblem(inviteeBusy, 409, "slot-taken");
        assertThat(inviteeBusy.at("/detail")).contains("enterprise you invite");
        assertProblem(request(m, m.enterprise(3), opal, m.slot(1)), 409, "slot-taken");
        assertInvalidField(api.as(user).post(path, Map.of("withEnterpriseId", m.enterprise(1))), "slotId");
        assertInvalidField(api.as(user).post(path, Map.of("slotId", m.slot(0))), "withEnterpriseId");
        assertInvalidField(api.as(user).post(path, Map.of("withEnterpriseId", m.enterprise(1), "slotId",
                m.slot(0), "message", "x".repeat(2001))), "message");
        assertProblem(api.as(user).post(path, Map.of("withEnterpriseId", m.enterprise(1), "slotId", m.slot(0),
                "tableId", "t1")), 400, "unknown-property");

        mongo.updateFirst(Query.query(Criteria.where("_id").is(m.eventId())),
                new Update().set("slots.0.startsAt", Instant.now().minusSeconds(60)), MeetingPlan.class);
        assertProblem(request(m, opal, m.enterprise(1), m.slot(0)), 422, "slot-passed");

        String withoutMatchmaking = published(m.clusterId(), Map.of());
        register(withoutMatchmaking, opal, 1);
        register(withoutMatchmaking, m.enterprise(1), 1);
        assertProblem(api.as(user).post("/api/events/events/" + withoutMatchmaking + "/meetings",
                Map.of("withEnterpriseId", m.enterprise(1), "slotId", m.slot(0))), 422, "matchmaking-not-enabled");

        assertThat(mongo.count(new Query(), Meeting.class)).isEqualTo(before);
    }

    @Test
    void onlyEnterprisesRegisteredForTheEventRequestMeetings() {
        Matchmaking m = matchmaking(2, 1, 1);
        Map<String, String> body = Map.of("withEnterpriseId", m.enterprise(1), "slotId", m.slot(0));
        String path = "/api/events/events/" + m.eventId() + "/meetings";
        String pendingOnly = member(m.clusterId(), "SUSPENDED", MEMBER_TIER);
        register(m.eventId(), pendingOnly, 1);

        assertProblem(api.as(enterpriseUser(member(m.clusterId()))).post(path, body), 403, "not-registered");
        assertProblem(api.as(enterpriseUser(pendingOnly)).post(path, body), 403, "not-registered");
        assertProblem(api.as(enterpriseUser(member(cluster()))).post(path, body), 403, "not-registered");
        assertProblem(api.as(secretariatOf(m.clusterId())).post(path, body), 403, "forbidden");
        assertProblem(api.as(expert()).post(path, body), 403, "forbidden");
        assertProblem(api.anonymous().post(path, body), 401, null);
        assertProblem(api.as(enterpriseUser(m.enterprise(0))).post("/api/events/events/nope/meetings", body), 404,
                "not-found");
        assertThat(mongo.count(Query.query(Criteria.where("exchangeEventId").is(m.eventId())), Meeting.class))
                .isZero();
    }

    @Test
    void onlyTheInviteeAnswersARequestOnceAndADeclineIsAnnouncedWithItsReason() {
        Matchmaking m = matchmaking(3, 1, 1);
        String id = requested(m, m.enterprise(0), m.enterprise(1), m.slot(0));
        String path = "/api/events/meetings/" + id;

        for (String answer : List.of("/acceptance", "/decline")) {
            assertProblem(api.as(enterpriseUser(m.enterprise(0))).post(path + answer, null), 403, "forbidden");
            assertProblem(api.as(enterpriseUser(m.enterprise(2))).post(path + answer, null), 403, "forbidden");
            assertProblem(api.as(secretariatOf(m.clusterId())).post(path + answer, null), 403, "forbidden");
            assertProblem(api.as(secretariatOf(cluster())).post(path + answer, null), 403, "forbidden");
            assertProblem(api.as(expert()).post(path + answer, null), 403, "forbidden");
            assertProblem(api.anonymous().post(path + answer, null), 401, null);
            assertProblem(api.as(enterpriseUser(m.enterprise(1))).post("/api/events/meetings/nope" + answer, null),
                    404, "not-found");
        }
        assertInvalidField(api.as(enterpriseUser(m.enterprise(1))).post(path + "/decline",
                Map.of("reason", "x".repeat(2001))), "reason");
        assertThat(stored(id).status()).isEqualTo(Meeting.Status.REQUESTED);

        ApiClient.Response declined = api.as(enterpriseUser(m.enterprise(1))).post(path + "/decline",
                Map.of("reason", "Our sales lead is only there in the morning."));

        assertThat(declined.status()).as(declined.toString()).isEqualTo(200);
        assertThat(declined.at("/status")).isEqualTo("DECLINED");
        assertThat(declined.at("/declineReason")).isEqualTo("Our sales lead is only there in the morning.");
        ApiClient.Response again = accept(id, m.enterprise(1));
        assertProblem(again, 409, "meeting-state");
        assertThat(again.at("/currentState")).isEqualTo("DECLINED");
        assertProblem(api.as(enterpriseUser(m.enterprise(1))).post(path + "/decline", null), 409, "meeting-state");
        assertThat(claimsOf(m.eventId())).isEmpty();

        JsonNode event = published.awaitExactly(aboutMeeting(id), 2).getLast();
        assertThat(routingKey(event)).isEqualTo("events.meeting.declined.v1");
        assertThat(event.get("reason").asString()).isEqualTo("Our sales lead is only there in the morning.");
        assertThat(event.get("version").asLong()).isEqualTo(2);
    }

    @Test
    void eitherPartyCancelsAndAnAcceptedMeetingsSlotAndTableAreFreeAgain() {
        Matchmaking m = matchmaking(3, 2, 1);
        String id = accepted(m, m.enterprise(0), m.enterprise(1), m.slot(0));
        String path = "/api/events/meetings/" + id + "/cancellation";
        assertProblem(request(m, m.enterprise(2), m.enterprise(1), m.slot(0)), 409, "slot-taken");

        assertProblem(api.as(enterpriseUser(m.enterprise(2))).post(path, null), 403, "forbidden");
        assertProblem(api.as(secretariatOf(m.clusterId())).post(path, null), 403, "forbidden");
        assertProblem(api.as(expert()).post(path, null), 403, "forbidden");
        assertProblem(api.anonymous().post(path, null), 401, null);
        ApiClient.Response cancelled = api.as(enterpriseUser(m.enterprise(1))).post(path,
                Map.of("reason", "Our flight was moved."));

        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.at("/status")).isEqualTo("CANCELLED");
        assertThat(cancelled.at("/cancelledBy")).isEqualTo("INVITEE");
        assertThat(cancelled.at("/cancellationReason")).isEqualTo("Our flight was moved.");
        assertThat(claimsOf(m.eventId())).isEmpty();
        assertProblem(api.as(enterpriseUser(m.enterprise(0))).post(path, null), 409, "meeting-state");
        JsonNode event = published.awaitExactly(aboutMeeting(id), 3).getLast();
        assertThat(routingKey(event)).isEqualTo("events.meeting.cancelled.v1");
        assertThat(event.get("previousState").asString()).isEqualTo("ACCEPTED");
        assertThat(event.get("cancelledBy").asString()).isEqualTo("INVITEE");
        assertThat(event.get("version").asLong()).isEqualTo(3);

        String next = accepted(m, m.enterprise(2), m.enterprise(1), m.slot(0));
        assertThat(stored(next).tableId()).as("the only table").isEqualTo(m.tables().getFirst());

        String request = requested(m, m.enterprise(0), m.enterprise(2), m.slot(1));
        ApiClient.Response withdrawn = api.as(enterpriseUser(m.enterprise(0))).post("/api/events/meetings/"
                + request + "/cancellation", null);
        assertThat(withdrawn.at("/cancelledBy")).isEqualTo("REQUESTER");
        assertThat(withdrawn.at("/cancellationReason")).isNull();
    }

    @Test
    void aMeetingIsReadByItsTwoEnterprisesAndTheSecretariat() {
        Matchmaking m = matchmaking(3, 1, 1);
        String id = requested(m, m.enterprise(0), m.enterprise(1), m.slot(0));
        String path = "/api/events/meetings/" + id;

        assertThat(api.as(enterpriseUser(m.enterprise(0))).get(path).at("/status")).isEqualTo("REQUESTED");
        assertThat(api.as(enterpriseUser(m.enterprise(1))).get(path).at("/id")).isEqualTo(id);
        assertThat(api.as(secretariatOf(m.clusterId())).get(path).at("/history/0/status")).isEqualTo("REQUESTED");
        assertProblem(api.as(enterpriseUser(m.enterprise(2))).get(path), 403, "forbidden");
        assertProblem(api.as(enterpriseUser(member(m.clusterId()))).get(path), 403, "forbidden");
        assertProblem(api.as(secretariatOf(cluster())).get(path), 403, "forbidden");
        assertProblem(api.as(expert()).get(path), 403, "forbidden");
        assertProblem(api.anonymous().get(path), 401, null);
        assertProblem(api.as(secretariatOf(m.clusterId())).get("/api/events/meetings/nope"), 404, "not-found");
    }

    @Test
    void anEnterpriseSeesItsOwnMeetingsInSlotOrderAndTheSecretariatTheGrid() {
        Matchmaking m = matchmaking(4, 3, 2);
        String opal = m.enterprise(0);
        String late = accepted(m, m.enterprise(1), opal, m.slot(2));
        String early = requested(m, opal, m.enterprise(2), m.slot(0));
        String others = accepted(m, m.enterprise(2), m.enterprise(3), m.slot(2));
        String declined = requested(m, m.enterprise(3), opal, m.slot(1));
        api.as(enterpriseUser(opal)).post("/api/events/meetings/" + declined + "/decline", null);
        String path = "/api/events/events/" + m.eventId() + "/meetings";

        ApiClient.Response agenda = api.as(enterpriseUser(opal)).get(path);
        assertThat(agenda.status()).as(agenda.toString()).isEqualTo(200);
        assertThat(agenda.at("/enterpriseId")).isEqualTo(opal);
        assertThat(meetingIds(agenda)).containsExactly(early, declined, late);
        assertThat(meetingIds(api.as(enterpriseUser(opal)).get(path + "?status=ACCEPTED"))).containsExactly(late);
        assertProblem(api.as(enterpriseUser(opal)).get(path + "?status=MAYBE"), 400, null);

        ApiClient.Response grid = api.as(secretariatOf(m.clusterId())).get(path);
        assertThat(grid.status()).as(grid.toString()).isEqualTo(200);
        assertThat(grid.json().get("slots")).hasSize(3);
        assertThat(grid.at("/slots/0/tables/0/meeting")).isNull();
        assertThat(grid.at("/slots/2/slot/id")).isEqualTo(m.slot(2));
        assertThat(grid.at("/slots/2/tables/0/meeting/id")).isEqualTo(late);
        assertThat(grid.at("/slots/2/tables/1/meeting/id")).isEqualTo(others);
        assertThat(grid.at("/slots/2/tables/1/meeting/inviteeEnterpriseId")).isEqualTo(m.enterprise(3));
        assertThat(grid.at("/counts/ACCEPTED")).isEqualTo("2");
        assertThat(grid.at("/counts/REQUESTED")).isEqualTo("1");
        assertThat(grid.at("/counts/DECLINED")).isEqualTo("1");
        assertThat(grid.at("/counts/EXPIRED")).isEqualTo("0");
        assertThat(meetingIds(api.as(secretariatOf(m.clusterId())).get(path + "?status=REQUESTED")))
                .containsExactly(early);

        assertProblem(api.as(enterpriseUser(member(m.clusterId()))).get(path), 403, "not-registered");
        assertProblem(api.as(secretariatOf(cluster())).get(path), 403, "forbidden");
        assertProblem(api.as(expert()).get(path), 403, "forbidden");
        assertProblem(api.anonymous().get(path), 401, null);
        assertProblem(api.as(enterpriseUser(opal)).get("/api/events/events/nope/meetings"), 404, "not-found");
    }

    @Test
    void theCalendarHoldsTheEnterprisesAcceptedMeetingsAndThoseCalledOffAfter() {
        Matchmaking m = matchmaking(4, 3, 2);
        String opal = m.enterprise(0);
        String kept = accepted(m, m.enterprise(1), opal, m.slot(2));
        String calledOff = accepted(m, opal, m.enterprise(2), m.slot(0));
        api.as(enterpriseUser(opal)).post("/api/events/meetings/" + calledOff + "/cancellation", null);
        requested(m, m.enterprise(3), opal, m.slot(1));
        accepted(m, m.enterprise(2), m.enterprise(3), m.slot(1));
        String path = "/api/events/events/" + m.eventId() + "/meetings/calendar";

        ApiClient.Response calendar = api.as(enterpriseUser(opal)).get(path);

        assertThat(calendar.status()).as(calendar.toString()).isEqualTo(200);
        assertThat(calendar.contentType()).isEqualTo("text/calendar;charset=UTF-8");
        assertThat(calendar.header("Content-Disposition"))
                .hasValue("attachment; filename=\"meetings-" + m.eventId() + ".ics\"");
        assertThat(calendar.body()).contains("UID:meeting-" + kept + "@brand-cluster-portal")
                .contains("UID:meeting-" + calledOff + "@brand-cluster-portal")
                .contains("STATUS:CANCELLED").contains("STATUS:CONFIRMED").contains("SEQUENCE:3")
                .contains("SUMMARY:B2B meeting with Enterprise " + m.enterprise(1));
        assertThat(calendar.body().split("BEGIN:VEVENT", -1)).hasSize(3);

        assertThat(api.as(enterpriseUser(m.enterprise(3))).get(path).body()).contains("BEGIN:VEVENT");
        assertProblem(api.as(enterpriseUser(member(m.clusterId()))).get(path), 403, "not-registered");
        assertProblem(api.as(secretariatOf(m.clusterId())).get(path), 403, "forbidden");
        assertProblem(api.as(secretariatOf(cluster())).get(path), 403, "forbidden");
        assertProblem(api.as(expert()).get(path), 403, "forbidden");
        assertProblem(api.anonymous().get(path), 401, null);
    }

    private static List<String> meetingIds(ApiClient.Response list) {
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        return list.json().get("meetings").valueStream().map(meeting -> meeting.get("id").asString()).toList();
    }

    static Predicate<JsonNode> aboutMeeting(String meetingId) {
        return event -> meetingId.equals(event.path("meetingId").asString(null));
    }
}
