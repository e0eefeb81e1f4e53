package com.brandcluster.events.registration;

import com.brandcluster.events.EventsIntegrationTest;
import com.brandcluster.events.event.ExchangeEvent;
import com.brandcluster.platform.membership.MemberStanding;
import com.brandcluster.testsupport.ApiClient;
import org.bson.types.ObjectId;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the check-in and attendee list ITs share: moving an event to the door, named attendees, binary downloads. */
abstract class AttendanceIntegrationTest extends EventsIntegrationTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    private int port;

    /**
     * A member's confirmed registration for a new event for 10 of a new cluster: Li Ming, export manager, who consented
     * to the attendee list, and Zhao Lei, who did not.
     */
    protected Registered registered() {
        String cluster = cluster();
        String event = published(cluster, 10, 4);
        String enterprise = member(cluster);
        ApiClient.Response registered = register(event, enterprise, attendee("Li Ming", "Export manager", true),
                attendee("Zhao Lei", null, false));
        return new Registered(cluster, event, enterprise, registered.at("/id"), attendeeIds(registered));
    }

    /** @param attendees the attendees' ids, Li Ming's first */
    protected record Registered(String cluster, String event, String enterprise, String id, List<String> attendees) {
    }

    /**
     * A published event for 5 with registrations in every state: Opal (Li Ming, who consented to the attendee list,
     * and Zhao Lei, who did not) and Jade (王芳, consented, and Chen Jie, not) are confirmed; a suspended member's
     * registration of one waits for approval, Amber's of one was cancelled and a fourth member's of two is waitlisted.
     */
    protected Gathering gathering() {
        String cluster = cluster();
        String event = published(cluster, 5, 4);
        String opal = member(cluster, "Opal Lighting Co., Ltd.");
        String jade = member(cluster, "翡翠照明有限公司");
        ApiClient.Response opals = register(event, opal, attendee("Li Ming", "Export manager", true),
                attendee("Zhao Lei", "Engineer", false));
        ApiClient.Response jades = register(event, jade, attendee("王芳", "总经理", true),
                attendee("Chen Jie", null, false));
        String suspended = member(cluster, "SUSPENDED", MEMBER_TIER);
        assertThat(register(event, suspended, 1).at("/status")).isEqualTo("PENDING");
        String amber = member(cluster, "Amber Lamps");
        String ambers = register(event, amber, attendee("Sun Yue", null, true)).at("/id");
        api.as(enterpriseUser(amber)).post("/api/events/registrations/" + ambers + "/cancellation", null);
        String waitlisted = member(cluster);
        assertThat(register(event, waitlisted, 2).at("/status")).isEqualTo("WAITLISTED");
        return new Gathering(cluster, event, opal, opals, jade, jades, suspended, amber, waitlisted);
    }

    protected record Gathering(String cluster, String event, String opal, ApiClient.Response opals, String jade,
                               ApiClient.Response jades, String suspended, String amber, String waitlisted) {
    }

    /** The event now starts after {@code untilStart} (negative: started that long ago) and lasts seven hours. */
    protected void startsIn(String eventId, Duration untilStart) {
        Instant start = Instant.now().plus(untilStart).truncatedTo(ChronoUnit.MILLIS);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(eventId)), new Update()
                .set("details.startsAt", start).set("details.endsAt", start.plus(Duration.ofHours(7))),
                ExchangeEvent.class);
    }

    /** The event started an hour ago: its doors are open. */
    protected void underway(String eventId) {
        startsIn(eventId, Duration.ofHours(-1));
    }

    /** An ACTIVE council member of the cluster under this name. */
    protected String member(String clusterId, String enterpriseName) {
        String enterpriseId = newEnterprise();
        LocalDate today = LocalDate.now(SHANGHAI);
        mongo.save(new MemberStanding(new ObjectId().toHexString(), clusterId, enterpriseId, enterpriseName,
                "LIGHT-2026-0002", COUNCIL_TIER, MemberStanding.ACTIVE, today.minusMonths(1), today.plusMonths(11), 1,
                Instant.now()));
        return enterpriseId;
    }

    protected static Map<String, Object> attendee(String name, String jobTitle, boolean consent) {
        Map<String, Object> attendee = new HashMap<>(Map.of("name", name,
                "email", "guest-" + new ObjectId().toHexString() + "@example.com", "consentToAttendeeList", consent));
        if (jobTitle != null) {
            attendee.put("jobTitle", jobTitle);
        }
        return attendee;
    }

    /** Registers these attendees for the enterprise; the registration as answered. */
    @SafeVarargs
    protected final ApiClient.Response register(String eventId, String enterpriseId, Map<String, Object>... named) {
        ApiClient.Response registered = api.as(enterpriseUser(enterpriseId))
                .post("/api/events/events/" + eventId + "/registrations", Map.of("attendees", List.of(named)));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        return registered;
    }

    /** The attendees' ids, in the order they were registered. */
    protected static List<String> attendeeIds(ApiClient.Response registration) {
        List<String> ids = new ArrayList<>();
        registration.json().get("attendees").forEach(a -> ids.add(a.get("id").asString()));
        return ids;
    }

    protected ApiClient.Response checkIn(String token, String registrationId) {
        return api.as(token).post("/api/events/registrations/" + registrationId + "/check-in", null);
    }

    protected ApiClient.Response scan(String token, String eventId, String code) {
        return api.as(token).post("/api/events/events/" + eventId + "/check-in", Map.of("code", code));
    }

    protected static String qrPath(String registrationId, String attendeeId) {
        return "/api/events/registrations/" + registrationId + "/attendees/" + attendeeId + "/qr";
    }

    /** A GET whose body is kept as bytes (an image), with the token if there is one. */
    protected HttpResponse<byte[]> download(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The attendee's check-in code, read from the QR image the registering enterprise downloads. */
    protected String codeOf(String enterpriseId, String registrationId, String attendeeId) throws Exception {
        HttpResponse<byte[]> image = download(qrPath(registrationId, attendeeId), enterpriseUser(enterpriseId));
        assertThat(image.statusCode()).as(new String(image.body())).isEqualTo(200);
        return QrCodes.decode(image.body());
    }

    /** The stored attendee of a registration. */
    protected Registration.Attendee stored(String registrationId, String attendeeId) {
        return mongo.findById(registrationId, Registration.class).attendee(attendeeId).orElseThrow();
    }

    protected static JsonNode attendeeIn(ApiClient.Response checkIn, String attendeeId) {
        for (JsonNode attendee : checkIn.json().get("attendees")) {
            if (attendee.get("attendeeId").asString().equals(attendeeId)) {
                return attendee;
            }
        }
        throw new AssertionError("No attendee " + attendeeId + " in " + checkIn);
    }
}
