package com.brandcluster.events.security;

import com.brandcluster.events.EventsIntegrationTest;
import com.brandcluster.events.event.ExchangeEvent;
import com.brandcluster.testsupport.AccessMatrix;
import com.brandcluster.testsupport.AccessMatrix.Caller;
import com.brandcluster.testsupport.AccessMatrix.Identity;
import com.brandcluster.testsupport.ApiClient;
import com.brandcluster.testsupport.FuzzRun;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of {@code openapi/events-service.json} as each of the eight callers of {@link AccessMatrix}, against
 * two tenants: cluster A with its secretariat, enterprise A (the right caller of the enterprises' operations) and a
 * second member A2 it meets, and cluster B with its secretariat and member enterprise B, each with events,
 * registrations, a meeting plan and board posts of their own, and an expert (experts hold nothing in this service). A's
 * events are members-only but one, so nobody outside cluster A reads them; only the public listing of a cluster's
 * events and a person's own personal data are open to the others.
 */
class AccessMatrixIT extends EventsIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String MEMBERS_ONLY = "MEMBERS_ONLY";

    @LocalServerPort
    private int port;

    private final String tenant = UUID.randomUUID().toString().substring(0, 8);
    private String clusterA;
    private String enterpriseA;
    private String enterpriseA2;

    @Test
    void noCallerReachesAnotherTenantsEventsRegistrationsMeetingsOrPosts() {
        clusterA = cluster();
        enterpriseA = member(clusterA);
        enterpriseA2 = member(clusterA);
        String clusterB = cluster();
        String enterpriseB = member(clusterB);
        Identity owner = Identity.enterpriseUser("user-of-" + enterpriseA, enterpriseA);
        Identity secretariat = Identity.secretariat("secretariat-a-" + tenant, clusterA);
        Identity otherEnterprise = Identity.enterpriseUser("user-of-" + enterpriseB, enterpriseB);
        Identity otherSecretariat = Identity.secretariat("secretariat-b-" + tenant, clusterB);
        Identity expert = Identity.expert("expert-b-" + tenant);

        String privateDescription = "Members' briefing on the export quota of A " + tenant;
        String privateEmail = "li.ming." + tenant + "@opal-a.example";
        String privateJobTitle = "Head of export A " + tenant;
        String privateMessage = "Our confidential price list for A2 " + tenant;
        String privatePost = "Drivers for the secret street-lamp tender of A " + tenant;

        String event = membersOnlyEvent(clusterA, privateDescription);
        String registration = register(event, enterpriseA, List.of(
                attendee("Li Ming", privateEmail, privateJobTitle, true),
                attendee("Zhao Lei", "zhao.lei." + tenant + "@opal-a.example", "Engineer", false)));
        String attendee = attendeeIds(registration).getFirst();
        register(event, enterpriseA2, List.of(attendee("Wang Fang", "wang.fang." + tenant + "@jade-a.example",
                "Buyer", true)));
        List<String> slots = layOut(clusterA, event, 6);
        String meeting = requestMeeting(event, enterpriseA, enterpriseA2, slots.get(0), privateMessage);
        String post = post(clusterA, enterpriseA, "NEED", privatePost);
        post(clusterA, enterpriseA2, "OFFER", "Constant-current LED drivers from Guzhen");
        String approvalEvent = published(clusterA, Map.of("visibility", MEMBERS_ONLY,
                "registrationPolicy", "APPROVAL"));
        String publicTitle = "Open trade fair of A " + tenant;
        published(clusterA, Map.of("title", publicTitle));

        String eventB = membersOnlyEvent(clusterB, "Members' briefing of B " + tenant);
        register(eventB, enterpriseB, List.of(attendee("Chen Jie", "chen.jie." + tenant + "@amber-b.example",
                "Export manager", true)));
        layOut(clusterB, eventB, 2);
        post(clusterB, enterpriseB, "OFFER", "Lamp housings from B " + tenant);

        AccessMatrix matrix = AccessMatrix.local("events-service", port, FuzzRun.OUTBOX_COLLECTIONS)
                .otherTenant(otherEnterprise, otherSecretariat, expert)
                .privateValues(privateDescription, privateEmail, privateJobTitle, privateMessage, privatePost)
                .tenantValues(clusterA, enterpriseA, enterpriseA2, owner.subject(), secretariat.subject());

        // exchange events
        matrix.operation("GET /api/events/clusters/{clusterId}/events").by(owner).path("clusterId", clusterA)
                .publicRead("a cluster's public events are listed to anyone; its members-only ones to its members");
        matrix.operation("POST /api/events/clusters/{clusterId}/events").by(secretariat)
                .path("clusterId", clusterA).json(json(eventRequest(Map.of("visibility", MEMBERS_ONLY))));
        matrix.operation("GET /api/events/events/{eventId}").by(owner).path("eventId", event);
        matrix.operation("PATCH /api/events/events/{eventId}").by(secretariat)
                .given(v -> v.put("eventId", membersOnlyEvent(clusterA, "To be edited")))
                .json("{\"title\": \"Plenary on export channels " + tenant + "\"}");
        matrix.operation("POST /api/events/events/{eventId}/publication").by(secretariat)
                .given(v -> v.put("eventId", draft(clusterA, Map.of("visibility", MEMBERS_ONLY))));
        matrix.operation("POST /api/events/events/{eventId}/cancellation").by(secretariat)
                .given(v -> v.put("eventId", membersOnlyEvent(clusterA, "To be cancelled")))
                .json("{\"reason\": \"The venue is closed.\"}");
        matrix.operation("GET /api/events/events/{eventId}/calendar").by(owner).path("eventId", event);

        // registrations
        matrix.operation("POST /api/events/events/{eventId}/registrations").by(owner)
                .given(v -> v.put("eventId", membersOnlyEvent(clusterA, "Registered for")))
                .json(json(Map.of("attendees", List.of(attendee("Sun Yue", "sun.yue." + tenant + "@opal-a.example",
                        "Designer", true)))));
        matrix.operation("GET /api/events/events/{eventId}/registrations").by(secretariat).path("eventId", event);
        matrix.operation("GET /api/events/registrations/{registrationId}").by(owner)
                .path("registrationId", registration);
        matrix.operation("POST /api/events/registrations/{registrationId}/approval").by(secretariat)
                .given(v -> v.put("registrationId", pendingRegistration(approvalEvent)));
        matrix.operation("POST /api/events/registrations/{registrationId}/decline").by(secretariat)
                .given(v -> v.put("registrationId", pendingRegistration(approvalEvent)))
                .json("{\"reason\": \"The seats are for exporters.\"}");
        matrix.operation("POST /api/events/registrations/{registrationId}/cancellation").by(owner)
                .given(v -> v.put("registrationId", register(membersOnlyEvent(clusterA, "Cancelled by A"),
                        enterpriseA, List.of(attendee("Sun Yue", "sun.yue@opal-a.example", null, false)))))
                .json("{\"reason\": \"Our export manager is abroad.\"}");
        matrix.operation("POST /api/events/registrations/{registrationId}/offer-acceptance").by(owner)
                .given(v -> v.put("registrationId", offeredRegistration()));

        // check-in and the attendee list
        matrix.operation("GET /api/events/registrations/{registrationId}/attendees/{attendeeId}/qr").by(owner)
                .path("registrationId", registration).path("attendeeId", attendee);
        matrix.operation("POST /api/events/registrations/{registrationId}/check-in").by(secretariat)
                .given(v -> v.put("registrationId", registrationAtTheDoor()));
        matrix.operation("POST /api/events/events/{eventId}/check-in").by(secretariat)
                .given(this::codeAtTheDoor).json("{\"code\": \"${code}\"}");
        matrix.operation("GET /api/events/events/{eventId}/attendees").by(secretariat).path("eventId", event);
        matrix.operation("GET /api/events/events/{eventId}/attendance").by(secretariat).path("eventId", event);

        // B2B meetings
        matrix.operation("PUT /api/events/events/{eventId}/meeting-slots").by(secretariat)
                .given(v -> v.put("eventId", membersOnlyEvent(clusterA, "Matchmaking")))
                .json(json(plan(2)));
        matrix.operation("GET /api/events/events/{eventId}/meeting-slots").by(owner).path("eventId", event);
        matrix.operation("POST /api/events/events/{eventId}/meetings").by(owner).path("eventId", event)
                .json(json(Map.of("withEnterpriseId", enterpriseA2, "slotId", slots.get(1),
                        "message", "Shall we talk about housings?")));
        matrix.operation("GET /api/events/events/{eventId}/meetings").by(owner).path("eventId", event);
        matrix.operation("GET /api/events/events/{eventId}/meetings/calendar").by(owner).path("eventId", event);
        matrix.operation("GET /api/events/meetings/{meetingId}").by(owner).path("meetingId", meeting);
        matrix.operation("POST /api/events/meetings/{meetingId}/acceptance").by(owner)
                .given(v -> v.put("meetingId", requestMeeting(event, enterpriseA2, enterpriseA, slots.get(2),
                        "Accept this one")));
        matrix.operation("POST /api/events/meetings/{meetingId}/decline").by(owner)
                .given(v -> v.put("meetingId", requestMeeting(event, enterpriseA2, enterpriseA, slots.get(3),
                        "Decline this one")))
                .json("{\"reason\": \"We buy no housings this year.\"}");
        matrix.operation("POST /api/events/meetings/{meetingId}/cancellation").by(owner)
                .given(v -> v.put("meetingId", requestMeeting(event, enterpriseA, enterpriseA2, slots.get(4),
                        "Call this one off")))
                .json("{\"reason\": \"Our buyer is ill.\"}");

        // the cooperation board
        matrix.operation("GET /api/events/clusters/{clusterId}/posts").by(owner).path("clusterId", clusterA);
        matrix.operation("POST /api/events/clusters/{clusterId}/posts").by(owner).path("clusterId", clusterA)
                .json(json(postRequest("OFFER", "Aluminium housings for floodlights")));
        matrix.operation("GET /api/events/posts/{postId}").by(owner).path("postId", post);
        matrix.operation("PATCH /api/events/posts/{postId}").by(owner)
                .given(v -> v.put("postId", post(clusterA, enterpriseA, "NEED", "To be edited")))
                .json("{\"title\": \"LED drivers wanted by June\"}");
        matrix.operation("GET /api/events/posts/{postId}/matches").by(owner).path("postId", post);
        matrix.operation("POST /api/events/posts/{postId}/withdrawal").by(owner)
                .given(v -> v.put("postId", post(clusterA, enterpriseA, "NEED", "To be withdrawn")));
        matrix.operation("POST /api/events/posts/{postId}/removal").by(secretariat)
                .given(v -> v.put("postId", post(clusterA, enterpriseA, "OFFER", "To be removed")))
                .json("{\"reason\": \"Advertising, not an offer to members.\"}");

        // membership standing and personal data
        matrix.operation("GET /api/events/clusters/{clusterId}/members/{enterpriseId}/standing").by(owner)
                .path("clusterId", clusterA).path("enterpriseId", enterpriseA);
        matrix.operation("GET /api/events/me/personal-data").by(owner)
                .self("every signed-in person reads the personal data this service holds about them");

        AccessMatrix.Report report = matrix.assertHolds();

        assertThat(api.anonymous().get("/api/events/clusters/" + clusterA + "/events").body())
                .as("the public listing the others read").contains(publicTitle).doesNotContain(privateDescription);

        assertThat(report.cases()).isEqualTo(37 * Caller.values().length);
        assertThat(report.leaks()).isZero();
        assertThat(report.changedDocuments()).isZero();
    }

    private String membersOnlyEvent(String clusterId, String description) {
        return published(clusterId, Map.of("visibility", MEMBERS_ONLY, "description", description));
    }

    private static Map<String, Object> attendee(String name, String email, String jobTitle, boolean consent) {
        Map<String, Object> attendee = new HashMap<>(Map.of("name", name, "email", email,
                "consentToAttendeeList", consent));
        if (jobTitle != null) {
            attendee.put("jobTitle", jobTitle);
        }
        return attendee;
    }

    /** The enterprise's registration of these attendees; its id. */
    private String register(String eventId, String enterpriseId, List<Map<String, Object>> attendees) {
        ApiClient.Response registered = api.as(enterpriseUser(enterpriseId))
                .post("/api/events/events/" + eventId + "/registrations", Map.of("attendees", attendees));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        return registered.at("/id");
    }

    private List<String> attendeeIds(String registrationId) {
        List<String> ids = new ArrayList<>();
        api.as(enterpriseUser(enterpriseA)).get("/api/events/registrations/" + registrationId).json()
                .get("attendees").forEach(a -> ids.add(a.get("id").asString()));
        return ids;
    }

    /** A new member of cluster A registered for the event of the approval policy: PENDING. */
    private String pendingRegistration(String eventId) {
        ApiClient.Response registered = super.register(eventId, member(clusterA), 1);
        assertThat(registered.at("/status")).as(registered.toString()).isEqualTo("PENDING");
        return registered.at("/id");
    }

    /** Enterprise A's registration, waitlisted at a full event and then offered the seats A2 gave back. */
    private String offeredRegistration() {
        String eventId = published(clusterA, Map.of("visibility", MEMBERS_ONLY, "capacity", 2,
                "seatsPerEnterprise", 2));
        String full = super.register(eventId, enterpriseA2, 2).at("/id");
        ApiClient.Response waitlisted = super.register(eventId, enterpriseA, 1);
        assertThat(waitlisted.at("/status")).as(waitlisted.toString()).isEqualTo("WAITLISTED");
        ApiClient.Response cancelled = api.as(enterpriseUser(enterpriseA2))
                .post("/api/events/registrations/" + full + "/cancellation", null);
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        String registrationId = waitlisted.at("/id");
        assertThat(api.as(enterpriseUser(enterpriseA)).get("/api/events/registrations/" + registrationId)
                .at("/status")).isEqualTo("OFFERED");
        return registrationId;
    }

    /** Enterprise A's confirmed registration of one attendee at an event of cluster A that started an hour ago. */
    private String registrationAtTheDoor() {
        String eventId = membersOnlyEvent(clusterA, "At the door");
        String registrationId = register(eventId, enterpriseA, List.of(attendee("Zhou Min",
                "zhou.min." + tenant + "@opal-a.example", null, true)));
        Instant start = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MILLIS);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(eventId)), new Update()
                .set("details.startsAt", start).set("details.endsAt", start.plus(Duration.ofHours(7))),
                ExchangeEvent.class);
        return registrationId;
    }

    /** The event and check-in code of an attendee of {@link #registrationAtTheDoor()}. */
    private void codeAtTheDoor(Map<String, String> values) {
        String registrationId = registrationAtTheDoor();
        String attendeeId = attendeeIds(registrationId).getFirst();
        ApiClient.Response qr = api.as(enterpriseUser(enterpriseA))
                .get("/api/events/registrations/" + registrationId + "/attendees/" + attendeeId + "/qr");
        assertThat(qr.status()).as(qr.toString()).isEqualTo(200);
        Document code = mongo.findOne(Query.query(Criteria.where("registrationId").is(registrationId)),
                Document.class, "event_check_in_codes");
        values.put("eventId", code.getString("exchangeEventId"));
        values.put("code", code.getString("_id"));
    }

    /** Matchmaking at the event with this many half-hour slots from 10:00 and two tables; the slots' ids. */
    private List<String> layOut(String clusterId, String eventId, int slots) {
        ApiClient.Response plan = api.as(secretariatOf(clusterId))
                .put("/api/events/events/" + eventId + "/meeting-slots", plan(slots));
        assertThat(plan.status()).as(plan.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        plan.json().get("slots").forEach(slot -> ids.add(slot.get("id").asString()));
        return ids;
    }

    private static Map<String, Object> plan(int slots) {
        LocalDateTime first = LocalDateTime.now(SHANGHAI).plusWeeks(3).truncatedTo(ChronoUnit.DAYS).withHour(10);
        List<Map<String, Object>> times = new ArrayList<>();
        for (int i = 0; i < slots; i++) {
            LocalDateTime start = first.plusMinutes(30L * i);
            times.add(Map.of("startsAt", start.toString(), "endsAt", start.plusMinutes(30).toString()));
        }
        return Map.of("slots", times, "tables", List.of(Map.of("name", "Table 1"), Map.of("name", "Table 2")));
    }

    private String requestMeeting(String eventId, String from, String with, String slotId, String message) {
        ApiClient.Response requested = api.as(enterpriseUser(from)).post("/api/events/events/" + eventId
                + "/meetings", Map.of("withEnterpriseId", with, "slotId", slotId, "message", message));
        assertThat(requested.status()).as(requested.toString()).isEqualTo(201);
        return requested.at("/id");
    }

    private static Map<String, Object> postRequest(String kind, String description) {
        return Map.of("kind", kind, "category", "SUPPLY", "title", "LED drivers and housings",
                "description", description, "region", "CN-GD",
                "validUntil", Instant.now().plus(30, ChronoUnit.DAYS).toString(), "tags", List.of("LED"));
    }

    private String post(String clusterId, String enterpriseId, String kind, String description) {
        ApiClient.Response created = api.as(enterpriseUser(enterpriseId))
                .post("/api/events/clusters/" + clusterId + "/posts", postRequest(kind, description));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.at("/id");
    }

    private static String json(Object value) {
        return JSON.writeValueAsString(value);
    }
}
