package com.brandcluster.events.event;

import com.brandcluster.events.DocumentedSchemas;
import com.brandcluster.events.event.EventDetails.Kind;
import com.brandcluster.events.event.EventDetails.RegistrationPolicy;
import com.brandcluster.events.event.EventDetails.Session;
import com.brandcluster.events.event.EventDetails.Speaker;
import com.brandcluster.events.event.EventDetails.Visibility;
import com.brandcluster.events.event.EventRequests.EventView;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the document promises of an event view holds for the sparsest events the service keeps. */
class EventViewsRequiredFieldsTest {

    private static final Instant NOW = Instant.parse("2026-05-01T00:00:00Z");
    private static final Instant START = Instant.parse("2026-06-18T01:00:00Z");

    @Test
    void aDraftWithNothingOptionalStillCarriesEveryRequiredProperty() {
        EventDetails bare = details(null, "https://meet.example.com/lighting", List.of());

        EventView view = EventView.of(TestEvents.inState(ExchangeEvent.Status.DRAFT, "e-1", "lighting", bare, NOW));

        assertThat(DocumentedSchemas.required("EventRequestsEventView"))
                .contains("id", "clusterId", "title", "agenda", "startsAt", "timeZone", "status")
                .doesNotContain("description", "venue", "onlineLink", "cancellationReason");
        DocumentedSchemas.assertRequiredPresent("EventRequestsEventView", view);
    }

    @Test
    void aCancelledEventWithAnAgendaOfSpeakersKnownByNameOnlyCarriesEveryRequiredProperty() {
        Session opening = new Session("Opening", START, START.plus(Duration.ofMinutes(30)),
                List.of(new Speaker("Wang Fang", null, null)));
        EventDetails details = details("Guzhen Lighting Expo Centre", null, List.of(opening));

        EventView view = EventView.of(TestEvents.inState(ExchangeEvent.Status.CANCELLED, "e-2", "lighting", details,
                NOW));

        assertThat(DocumentedSchemas.required("EventDetailsSpeaker")).containsExactly("name");
        DocumentedSchemas.assertRequiredPresent("EventRequestsEventView", view);
    }

    private static EventDetails details(String venue, String link, List<Session> agenda) {
        return new EventDetails(Kind.WORKSHOP, "Brand workshop", null, agenda, START, START.plus(Duration.ofHours(4)),
                "Asia/Shanghai", venue, link, 40, 2, NOW, START.minus(Duration.ofDays(1)), Visibility.PUBLIC,
                RegistrationPolicy.AUTOMATIC);
    }
}
