package com.brandcluster.events.event;

import com.brandcluster.events.EventsIntegrationTest;
import com.brandcluster.events.PublishedEvents;
import com.brandcluster.testsupport.ApiClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.brandcluster.events.PublishedEvents.about;
import static com.brandcluster.events.PublishedEvents.ofEvent;
import static org.assertj.core.api.Assertions.assertThat;

/** Editing an event with a merge patch, cancelling it, and the events that announce both. */
class EventChangesIT extends EventsIntegrationTest {

    @Test
    void theSecretariatEditsADraftWithAMergePatch() {
        String cluster = cluster();
        String id = draft(cluster, Map.of());

        ApiClient.Response edited = patch(secretariatOf(cluster), id, """
                {"title": "Plenary meeting 2026", "kind": "PLENARY", "description": null, "agenda": [],
                 "registrationPolicy": "APPROVAL"}""");

        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        assertThat(edited.at("/title")).isEqualTo("Plenary meeting 2026");
        assertThat(edited.at("/kind")).isEqualTo("PLENARY");
        assertThat(edited.json().get("description").isNull()).isTrue();
        assertThat(edited.json().get("agenda").size()).isZero();
        assertThat(edited.at("/registrationPolicy")).isEqualTo("APPROVAL");
        assertThat(edited.at("/venue")).isEqualTo("Guzhen Lighting Expo Centre, Hall 3");
        assertThat(edited.at("/version")).isEqualTo("2");
        assertThat(patch(secretariatOf(cluster), id, "{\"title\": \"Plenary meeting 2026\"}").at("/version"))
                .as("a patch that changes nothing records nothing").isEqualTo("2");
        published.awaitExactly(ofEvent(id), 0);
    }

    @Test
    void aBadPatchIsAProblemAndChangesNothing() {
        String cluster = cluster();
        String id = published(cluster, 10, 2);
        register(id, member(cluster), 2);
        String secretariat = secretariatOf(cluster);

        assertProblem(patch(secretariat, id, "{\"status\": \"CANCELLED\"}"), 400, "immutable-property");
        assertProblem(patch(secretariat, id, "{\"seatsTaken\": 0}"), 400, "immutable-property");
        assertProblem(patch(secretariat, id, "{\"dressCode\": \"formal\"}"), 400, "unknown-property");
        assertProblem(patch(secretariat, id, "[1, 2]"), 400, "malformed-body");
        assertInvalidField(patch(secretariat, id, "{\"capacity\": \"many\"}"), "capacity");
        assertInvalidField(patch(secretariat, id, "{\"title\": \"\"}"), "title");
        assertInvalidField(patch(secretariat, id, "{\"timeZone\": \"Atlantis/Lost\"}"), "timeZone");
        assertProblem(patch(secretariat, id, "{\"venue\": null, \"onlineLink\": null}"), 422, "invalid-event");
        ApiClient.Response belowTaken = patch(secretariat, id, "{\"capacity\": 1, \"seatsPerEnterprise\": 1}");
        assertProblem(belowTaken, 409, "capacity-below-seats-taken");

        ExchangeEvent unchanged = event(id);
        assertThat(unchanged.version()).isEqualTo(2);
        assertThat(unchanged.details().capacity()).isEqualTo(10);
        assertThat(unchanged.seatsTaken()).isEqualTo(2);
        assertThat(patch(secretariat, id, "{\"capacity\": 2}").at("/capacity")).as("down to the seats taken")
                .isEqualTo("2");
    }

    @Test
    void onlyTheClustersSecretariatEditsAndADraftStaysHidden() {
        String cluster = cluster();
        String draft = draft(cluster, Map.of());
        String published = published(cluster, Map.of());
        String patch = "{\"title\": \"Taken over\"}";

        assertProblem(patch(secretariatOf(cluster()), draft, patch), 404, "not-found");
        assertProblem(patch(enterpriseUser(member(cluster)), draft, patch), 404, "not-found");
        assertProblem(patch(secretariatOf(cluster()), published, patch), 403, "forbidden");
        assertProblem(patch(enterpriseUser(member(cluster)), published, patch), 403, "forbidden");
        assertProblem(patch(expert(), published, patch), 403, "forbidden");
        assertProblem(api.anonymous().send("PATCH", "/api/events/events/" + published, patch,
                "application/merge-patch+json"), 401, null);

        assertThat(event(draft).details().title()).isNotEqualTo("Taken over");
        assertThat(event(published).details().title()).isNotEqualTo("Taken over");
    }

    @Test
    void aChangeOfTimeOrPlaceOfAPublishedEventIsAnnouncedWithIncreasingVersionsAndOtherEditsAreNot() {
        String cluster = cluster();
        String id = published(cluster, Map.of());
        String secretariat = secretariatOf(cluster);
        Instant start = event(id).details().startsAt();
        String later = event(id).details().startsAt().plus(Duration.ofDays(1)).atZone(SHANGHAI).toLocalDateTime()
                .toString();
        String laterEnd = event(id).details().endsAt().plus(Duration.ofDays(1)).atZone(SHANGHAI).toLocalDateTime()
                .toString();

        assertThat(patch(secretariat, id, "{\"description\": \"Bring samples.\"}").status()).isEqualTo(200);
        assertThat(patch(secretariat, id, "{\"startsAt\": \"" + later + "\", \"endsAt\": \"" + laterEnd
                + "\", \"agenda\": []}").status()).isEqualTo(200);
        assertThat(patch(secretariat, id, "{\"venue\": \"Zhongshan Lighting Museum\"}").status()).isEqualTo(200);

        List<JsonNode> events = published.awaitExactly(about(id), 3);
        assertThat(events).extracting(PublishedEvents::routingKey).containsExactly("events.event.published.v1",
                "events.event.updated.v1", "events.event.updated.v1");
        assertThat(events).extracting(e -> e.get("version").asLong()).containsExactly(2L, 4L, 5L);
        JsonNode moved = events.get(1);
        assertThat(moved.get("changes").values()).extracting(JsonNode::asString).containsExactly("TIME");
        assertThat(Instant.parse(moved.get("previousStartsAt").asString())).isEqualTo(start);
        assertThat(Instant.parse(moved.get("startsAt").asString())).isEqualTo(start.plus(Duration.ofDays(1)));
        JsonNode relocated = events.get(2);
        assertThat(relocated.get("changes").values()).extracting(JsonNode::asString).containsExactly("PLACE");
        assertThat(relocated.get("venue").asString()).isEqualTo("Zhongshan Lighting Museum");
        assertThat(relocated.get("previousVenue").asString()).isEqualTo("Guzhen Lighting Expo Centre, Hall 3");
        JsonNode publication = events.getFirst();
        assertThat(publication.get("clusterId").asString()).isEqualTo(cluster);
        assertThat(publication.get("registrationPolicy").asString()).isEqualTo("AUTOMATIC");
        assertThat(publication.get("capacity").asInt()).isEqualTo(100);
    }

    @Test
    void cancellingAnEventCancelsEachOfItsRegistrationsAndTellsWhy() {
        String cluster = cluster();
        String id = published(cluster, 2, 2);
        String confirmed = register(id, member(cluster), 2).at("/id");
        String waitlisted = register(id, member(cluster), 1).at("/id");
        String cancellation = "/api/events/events/" + id + "/cancellation";
        String reason = "The venue is closed by the typhoon warning.";

        assertInvalidField(api.as(secretariatOf(cluster)).post(cancellation, Map.of("reason", " ")), "reason");
        assertProblem(api.as(secretariatOf(cluster())).post(cancellation, Map.of("reason", reason)), 403, "forbidden");
        assertProblem(api.as(enterpriseUser(member(cluster))).post(cancellation, Map.of("reason", reason)), 403,
                "forbidden");
        assertProblem(api.as(expert()).post(cancellation, Map.of("reason", reason)), 403, "forbidden");
        assertProblem(api.anonymous().post(cancellation, Map.of("reason", reason)), 401, null);
        assertThat(event(id).status()).isEqualTo(ExchangeEvent.Status.PUBLISHED);

        ApiClient.Response cancelled = api.as(secretariatOf(cluster)).post(cancellation, Map.of("reason", reason));

        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.at("/status")).isEqualTo("CANCELLED");
        assertThat(cancelled.at("/cancellationReason")).isEqualTo(reason);
        assertThat(api.anonymous().get("/api/events/events/" + id).at("/status")).isEqualTo("CANCELLED");
        assertThat(event(id).registrationsSettled()).isTrue();
        assertThat(event(id).seatsTaken()).isZero();
        ApiClient.Response again = api.as(secretariatOf(cluster)).post(cancellation, Map.of("reason", reason));
        assertProblem(again, 409, "event-state");
        assertThat(again.at("/currentState")).isEqualTo("CANCELLED");
        assertProblem(patch(secretariatOf(cluster), id, "{\"title\": \"Revived\"}"), 409, "event-state");

        JsonNode announced = published.awaitExactly(about(id), 2).getLast();
        assertThat(PublishedEvents.routingKey(announced)).isEqualTo("events.event.cancelled.v1");
        assertThat(announced.get("reason").asString()).isEqualTo(reason);
        assertThat(announced.get("version").asLong()).isEqualTo(3);
        assertThat(announced.get("venue").asString()).isEqualTo("Guzhen Lighting Expo Centre, Hall 3");
        for (String registration : List.of(confirmed, waitlisted)) {
            JsonNode ended = published.awaitExactly(about(registration), 2).getLast();
            assertThat(PublishedEvents.routingKey(ended)).isEqualTo("events.registration.cancelled.v1");
            assertThat(ended.get("cancelledBy").asString()).isEqualTo("EVENT_CANCELLED");
            assertThat(ended.get("reason").asString()).isEqualTo(reason);
            assertThat(ended.get("version").asLong()).isEqualTo(2);
        }
    }

    private ApiClient.Response patch(String token, String eventId, String json) {
        return api.as(token).send("PATCH", "/api/events/events/" + eventId, json, "application/merge-patch+json");
    }
}
