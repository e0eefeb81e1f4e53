package com.brandcluster.events.meeting;

import com.brandcluster.events.EventsIntegrationTest;
import com.brandcluster.testsupport.ApiClient;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Matchmaking at a published event in a cluster of its own: the event is the base class's (09:00 to 16:00 in
 * Shanghai, three weeks ahead) with room for every enterprise, each member registered and CONFIRMED with one
 * attendee, and half-hour slots from 10:00.
 */
abstract class MeetingsIntegrationTest extends EventsIntegrationTest {

    /** An event with matchmaking and the enterprises registered for it. */
    record Matchmaking(String clusterId, String eventId, List<String> enterprises, List<String> slots,
                       List<String> tables) {

        String enterprise(int i) {
            return enterprises.get(i);
        }

        String slot(int i) {
            return slots.get(i);
        }
    }

    /** A published event with these many members registered for it (CONFIRMED), and no matchmaking yet. */
    record Registered(String clusterId, String eventId, List<String> enterprises) {
    }

    Registered registered(int enterprises) {
        String cluster = cluster();
        String event = published(cluster, Math.max(enterprises, 1) + 10, 1);
        List<String> registered = new ArrayList<>();
        for (int i = 0; i < enterprises; i++) {
            String enterprise = member(cluster);
            assertThat(register(event, enterprise, 1).at("/status")).isEqualTo("CONFIRMED");
            registered.add(enterprise);
        }
        return new Registered(cluster, event, registered);
    }

    Matchmaking matchmaking(int enterprises, int slots, int tables) {
        Registered registered = registered(enterprises);
        return withPlan(registered.clusterId(), registered.eventId(), registered.enterprises(), slots, tables);
    }

    /** Matchmaking enabled for the event, for the enterprises registered already. */
    Matchmaking withPlan(String cluster, String event, List<String> registered, int slots, int tables) {
        ApiClient.Response plan = layOut(cluster, event, slots(slots), tables(tables));
        assertThat(plan.status()).as(plan.toString()).isEqualTo(200);
        List<String> slotIds = new ArrayList<>();
        plan.json().get("slots").forEach(slot -> slotIds.add(slot.get("id").asString()));
        List<String> tableIds = new ArrayList<>();
        plan.json().get("tables").forEach(table -> tableIds.add(table.get("id").asString()));
        return new Matchmaking(cluster, event, registered, slotIds, tableIds);
    }

    ApiClient.Response layOut(String cluster, String event, List<Map<String, Object>> slots,
                              List<Map<String, Object>> tables) {
        return api.as(secretariatOf(cluster)).put("/api/events/events/" + event + "/meeting-slots",
                Map.of("slots", slots, "tables", tables));
    }

    /** {@code count} half-hour slots from 10:00 on the event's day, local to Shanghai. */
    static List<Map<String, Object>> slots(int count) {
        return IntStream.range(0, count).mapToObj(i -> slot(null, eventDay().withHour(10).plusMinutes(30L * i)))
                .toList();
    }

    static Map<String, Object> slot(String id, LocalDateTime start) {
        Map<String, Object> slot = new HashMap<>();
        if (id != null) {
            slot.put("id", id);
        }
        slot.put("startsAt", start.toString());
        slot.put("endsAt", start.plusMinutes(30).toString());
        return slot;
    }

    static List<Map<String, Object>> tables(int count) {
        return IntStream.range(0, count).mapToObj(i -> table(null, "Table " + (i + 1))).toList();
    }

    static Map<String, Object> table(String id, String name) {
        Map<String, Object> table = new HashMap<>();
        if (id != null) {
            table.put("id", id);
        }
        table.put("name", name);
        return table;
    }

    /** The day of the base class's events, at midnight in Shanghai. */
    static LocalDateTime eventDay() {
        return LocalDateTime.now(SHANGHAI).plusWeeks(3).truncatedTo(ChronoUnit.DAYS);
    }

    ApiClient.Response request(Matchmaking m, String from, String with, String slotId) {
        return api.as(enterpriseUser(from)).post("/api/events/events/" + m.eventId() + "/meetings",
                Map.of("withEnterpriseId", with, "slotId", slotId, "message", "Let us talk about export channels."));
    }

    /** A request that was made (201); its id. */
    String requested(Matchmaking m, String from, String with, String slotId) {
        ApiClient.Response created = request(m, from, with, slotId);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.at("/id");
    }

    ApiClient.Response accept(String meetingId, String enterprise) {
        return api.as(enterpriseUser(enterprise)).post("/api/events/meetings/" + meetingId + "/acceptance", null);
    }

    /** A meeting requested and accepted; its id. */
    String accepted(Matchmaking m, String from, String with, String slotId) {
        String id = requested(m, from, with, slotId);
        ApiClient.Response accepted = accept(id, with);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        return id;
    }

    Meeting stored(String meetingId) {
        return mongo.findById(meetingId, Meeting.class);
    }

    /** The claims of the event, by key. */
    List<MeetingClaims.Claim> claimsOf(String eventId) {
        return mongo.find(Query.query(Criteria.where("exchangeEventId").is(eventId)), MeetingClaims.Claim.class);
    }
}
