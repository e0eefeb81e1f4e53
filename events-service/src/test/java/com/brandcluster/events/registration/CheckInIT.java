package com.brandcluster.events.registration;

import com.brandcluster.testsupport.ApiClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static com.brandcluster.events.PublishedEvents.about;
import static com.brandcluster.events.PublishedEvents.routingKey;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The secretariat checks attendees in at the door, by registration or by the code their QR image carries: once per
 * attendee, inside the check-in window, for confirmed registrations of a published event only.
 */
class CheckInIT extends AttendanceIntegrationTest {

    private static final String CHECKED_IN = "events.attendance.checked-in.v1";

    @Test
    void theSecretariatChecksInAWholeRegistrationOnceAndEachAttendeeIsAnnouncedOnce() {
        String cluster = cluster();
        String event = published(cluster, 10, 4);
        String enterprise = member(cluster, "Opal Lighting Co., Ltd.");
        ApiClient.Response registered = register(event, enterprise, attendee("Li Ming", "Export manager", true),
                attendee("Zhao Lei", null, false), attendee("Wang Fang", "CEO", true));
        String registration = registered.at("/id");
        List<String> attendees = attendeeIds(registered);
        underway(event);
        String secretariat = secretariatOf(cluster);

        ApiClient.Response first = checkIn(secretariat, registration);

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.at("/registrationId")).isEqualTo(registration);
        assertThat(first.at("/exchangeEventId")).isEqualTo(event);
        assertThat(first.at("/enterpriseId")).isEqualTo(enterprise);
        assertThat(first.at("/enterpriseName")).isEqualTo("Opal Lighting Co., Ltd.");
        assertThat(first.at("/alreadyCheckedIn")).isEqualTo("false");
        assertThat(first.json().get("attendees").findValuesAsString("name"))
                .containsExactly("Li Ming", "Zhao Lei", "Wang Fang");
        assertThat(first.json().get("attendees").findValuesAsString("alreadyCheckedIn")).containsOnly("false");
        String checkedInAt = first.at("/attendees/0/checkedInAt");
        assertThat(checkedInAt).isNotNull();

        ApiClient.Response again = checkIn(secretariat, registration);

        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.at("/alreadyCheckedIn")).isEqualTo("true");
        assertThat(again.json().get("attendees").findValuesAsString("alreadyCheckedIn")).containsOnly("true");
        assertThat(again.at("/attendees/0/checkedInAt")).isEqualTo(checkedInAt);

        List<JsonNode> announced = published.awaitExactly(about(registration).and(e -> CHECKED_IN.equals(
                routingKey(e))), 3);
        assertThat(announced).extracting(e -> e.get("attendeeId").asString())
                .containsExactlyInAnyOrderElementsOf(attendees);
        assertThat(announced).extracting(e -> e.get("version").asLong()).containsExactlyInAnyOrder(2L, 3L, 4L);
        assertThat(announced).allSatisfy(e -> {
            assertThat(e.get("method").asString()).isEqualTo("REGISTRATION");
            assertThat(e.get("exchangeEventId").asString()).isEqualTo(event);
            assertThat(e.get("enterpriseId").asString()).isEqualTo(enterprise);
            assertThat(e.get("clusterId").asString()).isEqualTo(cluster);
            assertThat(e.get("attendees").asInt()).isEqualTo(3);
            assertThat(e.get("checkedInAt").asString()).isEqualTo(checkedInAt);
            assertThat(e.has("name") || e.has("email")).as("no personal data").isFalse();
        });
        ApiClient.Response stored = api.as(enterpriseUser(enterprise)).get("/api/events/registrations/" + registration);
        assertThat(stored.at("/version")).isEqualTo("4");
        assertThat(stored.at("/status")).isEqualTo("CONFIRMED");
        assertThat(stored.at("/attendees/2/checkedInAt")).isEqualTo(checkedInAt);
    }

    @Test
    void someAttendeesAreCheckedInByIdAndTheOthersLater() {
        String cluster = cluster();
        String event = published(cluster, 10, 4);
        String enterprise = member(cluster);
        ApiClient.Response registered = register(event, enterprise, attendee("Li Ming", null, true),
                attendee("Zhao Lei", null, true), attendee("Wang Fang", null, true));
        String registration = registered.at("/id");
        List<String> attendees = attendeeIds(registered);
        underway(event);
        ApiClient secretariat = api.as(secretariatOf(cluster));
        String path = "/api/events/registrations/" + registration + "/check-in";

        ApiClient.Response some = secretariat.post(path, Map.of("attendeeIds", List.of(attendees.get(1))));

        assertThat(some.status()).as(some.toString()).isEqualTo(200);
        assertThat(some.json().get("attendees").findValuesAsString("attendeeId")).containsExactly(attendees.get(1));
        assertThat(stored(registration, attendees.get(0)).isCheckedIn()).isFalse();
        assertThat(stored(registration, attendees.get(1)).isCheckedIn()).isTrue();

        ApiClient.Response rest = secretariat.post(path, Map.of("attendeeIds", attendees));

        assertThat(rest.at("/alreadyCheckedIn")).isEqualTo("false");
        assertThat(attendeeIn(rest, attendees.get(0)).get("alreadyCheckedIn").asBoolean()).isFalse();
        assertThat(attendeeIn(rest, attendees.get(1)).get("alreadyCheckedIn").asBoolean()).isTrue();
        assertThat(attendeeIn(rest, attendees.get(2)).get("alreadyCheckedIn").asBoolean()).isFalse();
        assertThat(published.awaitExactly(about(registration).and(e -> CHECKED_IN.equals(routingKey(e))), 3))
                .extracting(e -> e.get("attendeeId").asString()).containsExactlyInAnyOrderElementsOf(attendees);
    }

    @Test
    void badCheckInRequestsAreRefusedAndCheckNobodyIn() {
        Registered registered = registered();
        String li = registered.attendees().getFirst();
        underway(registered.event());
        ApiClient secretariat = api.as(secretariatOf(registered.cluster()));
        String path = "/api/events/registrations/" + registered.id() + "/check-in";

        assertProblem(secretariat.post(path, Map.of("attendeeIds", List.of(li, "not-an-attendee"))), 422,
                "unknown-attendee");
        assertInvalidField(secretariat.post(path, Map.of("attendeeIds", List.of())), "attendeeIds");
        assertProblem(secretariat.post(path, Map.of("attendeeIds", List.of(" "))), 400, "validation");
        assertProblem(secretariat.post(path, Map.of("attendees", List.of(li))), 400, "unknown-property");
        assertProblem(secretariat.post(path, "{\"attendeeIds\": "), 400, "malformed-body");
        String scan = "/api/events/events/" + registered.event() + "/check-in";
        assertInvalidField(secretariat.post(scan, Map.of("code", "")), "code");
        assertInvalidField(secretariat.post(scan, Map.of("code", "x".repeat(65))), "code");
        assertProblem(secretariat.post(scan, null), 400, "malformed-body");

        assertThat(mongo.findById(registered.id(), Registration.class).attendees())
                .noneMatch(Registration.Attendee::isCheckedIn);
    }

    @Test
    void aScannedCodeChecksItsAttendeeInAtItsOwnEventOnly() throws Exception {
        String cluster = cluster();
        String event = published(cluster, 10, 4);
        String otherEvent = published(cluster, 10, 4);
        String enterprise = member(cluster, "Opal Lighting Co., Ltd.");
        ApiClient.Response registered = register(event, enterprise, attendee("Li Ming", "Export manager", true),
                attendee("Zhao Lei", null, false));
        String registration = registered.at("/id");
        String li = attendeeIds(registered).get(0);
        String code = codeOf(enterprise, registration, li);
        ApiClient.Response elsewhere = register(otherEvent, enterprise, attendee("Li Ming", null, true));
        String codeForElsewhere = codeOf(enterprise, elsewhere.at("/id"), attendeeIds(elsewhere).get(0));
        underway(event);
        underway(otherEvent);
        String secretariat = secretariatOf(cluster);

        ApiClient.Response scanned = scan(secretariat, event, code);

        assertThat(scanned.status()).as(scanned.toString()).isEqualTo(200);
        assertThat(scanned.at("/alreadyCheckedIn")).isEqualTo("false");
        assertThat(scanned.at("/registrationId")).isEqualTo(registration);
        assertThat(scanned.at("/enterpriseName")).isEqualTo("Opal Lighting Co., Ltd.");
        assertThat(scanned.json().get("attendees")).hasSize(1);
        assertThat(scanned.at("/attendees/0/attendeeId")).isEqualTo(li);
        assertThat(scanned.at("/attendees/0/name")).isEqualTo("Li Ming");
        assertThat(scanned.at("/attendees/0/jobTitle")).isEqualTo("Export manager");
        assertThat(scanned.body()).doesNotContain(code);

        ApiClient.Response scannedAgain = scan(secretariat, event, code);
        assertThat(scannedAgain.status()).isEqualTo(200);
        assertThat(scannedAgain.at("/alreadyCheckedIn")).isEqualTo("true");
        assertThat(scannedAgain.at("/attendees/0/checkedInAt")).isEqualTo(scanned.at("/attendees/0/checkedInAt"));

        assertProblem(scan(secretariat, event, "AAAAAAAAAAAAAAAAAAAAAA"), 404, "unknown-check-in-code");
        assertProblem(scan(secretariat, otherEvent, code), 422, "code-of-another-event");
        assertProblem(scan(secretariat, event, codeForElsewhere), 422, "code-of-another-event");

        JsonNode announced = published.awaitExactly(about(registration).and(e -> CHECKED_IN.equals(routingKey(e))),
                1).getFirst();
        assertThat(announced.get("attendeeId").asString()).isEqualTo(li);
        assertThat(announced.get("method").asString()).isEqualTo("CODE");
        assertThat(announced.get("version").asLong()).isEqualTo(2);
        assertThat(stored(registration, attendeeIds(registered).get(1)).isCheckedIn()).isFalse();
        assertThat(mongo.findById(elsewhere.at("/id"), Registration.class).attendees())
                .noneMatch(Registration.Attendee::isCheckedIn);
    }

    @Test
    void checkInOpensTwoHoursBeforeTheStartAndClosesAtTheEnd() throws Exception {
        Registered registered = registered();
        String event = registered.event();
        String registration = registered.id();
        String code = codeOf(registered.enterprise(), registration, registered.attendees().get(1));
        String secretariat = secretariatOf(registered.cluster());

        startsIn(event, Duration.ofHours(2).plusMinutes(1));
        ApiClient.Response early = checkIn(secretariat, registration);
        assertProblem(early, 422, "check-in-closed");
        assertThat(early.at("/detail")).contains("open from");
        assertProblem(scan(secretariat, event, code), 422, "check-in-closed");

        startsIn(event, Duration.ofHours(-7).minusMinutes(1));
        assertProblem(checkIn(secretariat, registration), 422, "check-in-closed");
        assertProblem(scan(secretariat, event, code), 422, "check-in-closed");
        assertThat(mongo.findById(registration, Registration.class).attendees())
                .noneMatch(Registration.Attendee::isCheckedIn);

        startsIn(event, Duration.ofHours(2).minusMinutes(1));
        assertThat(scan(secretariat, event, code).at("/alreadyCheckedIn")).isEqualTo("false");
        startsIn(event, Duration.ofHours(-7).plusMinutes(1));
        assertThat(checkIn(secretariat, registration).json().get("attendees").findValuesAsString("alreadyCheckedIn"))
                .containsExactly("false", "true");
    }

    @Test
    void onlyConfirmedRegistrationsOfAPublishedEventAreCheckedIn() throws Exception {
        String cluster = cluster();
        String event = published(cluster, 10, 4);
        String secretariat = secretariatOf(cluster);
        String pending = register(event, member(cluster, "SUSPENDED", MEMBER_TIER), 1).at("/id");
        String cancelling = member(cluster);
        ApiClient.Response toCancel = register(event, cancelling, attendee("Li Ming", null, true));
        String code = codeOf(cancelling, toCancel.at("/id"), attendeeIds(toCancel).getFirst());
        api.as(enterpriseUser(cancelling)).post("/api/events/registrations/" + toCancel.at("/id") + "/cancellation",
                null);
        underway(event);

        ApiClient.Response notConfirmed = checkIn(secretariat, pending);
        assertProblem(notConfirmed, 409, "registration-state");
        assertThat(notConfirmed.at("/currentState")).isEqualTo("PENDING");
        ApiClient.Response cancelled = scan(secretariat, event, code);
        assertProblem(cancelled, 409, "registration-state");
        assertThat(cancelled.at("/currentState")).isEqualTo("CANCELLED");
        assertProblem(checkIn(secretariat, toCancel.at("/id")), 409, "registration-state");

        String cancelledEvent = published(cluster, 10, 4);
        String enterprise = member(cluster);
        ApiClient.Response registered = register(cancelledEvent, enterprise, attendee("Wang Fang", null, true));
        String codeAtCancelledEvent = codeOf(enterprise, registered.at("/id"), attendeeIds(registered).getFirst());
        api.as(secretariat).post("/api/events/events/" + cancelledEvent + "/cancellation",
                Map.of("reason", "Typhoon warning"));
        underway(cancelledEvent);
        ApiClient.Response eventCancelled = checkIn(secretariat, registered.at("/id"));
        assertProblem(eventCancelled, 409, "event-state");
        assertThat(eventCancelled.at("/currentState")).isEqualTo("CANCELLED");
        assertProblem(scan(secretariat, cancelledEvent, codeAtCancelledEvent), 409, "event-state");

        published.awaitExactly(e -> CHECKED_IN.equals(routingKey(e)) && (event.equals(e.get("exchangeEventId")
                .asString()) || cancelledEvent.equals(e.get("exchangeEventId").asString())), 0);
    }

    @Test
    void onlyTheSecretariatOfTheEventsClusterChecksIn() throws Exception {
        Registered registered = registered();
        String cluster = registered.cluster();
        String event = registered.event();
        String enterprise = registered.enterprise();
        String otherRegistered = member(cluster);
        register(event, otherRegistered, attendee("Chen Jie", null, true));
        String registration = registered.id();
        String code = codeOf(enterprise, registration, registered.attendees().getFirst());
        underway(event);
        Function<String, ApiClient.Response> byRegistration = token -> checkIn(token, registration);
        Function<String, ApiClient.Response> byCode = token -> scan(token, event, code);

        for (Function<String, ApiClient.Response> checkIn : List.of(byRegistration, byCode)) {
            assertProblem(checkIn.apply(secretariatOf(cluster())), 403, "forbidden");
            assertProblem(checkIn.apply(enterpriseUser(enterprise)), 403, "forbidden");
            assertProblem(checkIn.apply(enterpriseUser(otherRegistered)), 403, "forbidden");
            assertProblem(checkIn.apply(enterpriseUser(member(cluster))), 403, "forbidden");
            assertProblem(checkIn.apply(expert()), 403, "forbidden");
        }
        assertProblem(api.anonymous().post("/api/events/registrations/" + registration + "/check-in", null), 401,
                null);
        assertProblem(api.anonymous().post("/api/events/events/" + event + "/check-in", Map.of("code", code)), 401,
                null);
        assertThat(stored(registration, registered.attendees().getFirst()).isCheckedIn()).isFalse();

        String secretariat = secretariatOf(cluster);
        assertProblem(checkIn(secretariat, "no-such-registration"), 404, "not-found");
        assertProblem(scan(secretariat, "no-such-event", code), 404, "not-found");
        String draft = draft(cluster, Map.of());
        assertProblem(scan(enterpriseUser(enterprise), draft, code), 404, "not-found");
        assertThat(byCode.apply(secretariat).status()).isEqualTo(200);
    }
}
