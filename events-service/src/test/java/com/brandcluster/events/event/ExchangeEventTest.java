package com.brandcluster.events.event;

import com.brandcluster.events.event.EventDetails.Kind;
import com.brandcluster.events.event.EventDetails.RegistrationPolicy;
import com.brandcluster.events.event.EventDetails.Session;
import com.brandcluster.events.event.EventDetails.Speaker;
import com.brandcluster.events.event.EventDetails.Visibility;
import com.brandcluster.events.event.EventRequests.EventInput;
import com.brandcluster.events.event.EventRequests.SessionInput;
import com.brandcluster.platform.web.ConflictException;
import com.brandcluster.platform.web.DomainException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExchangeEventTest {

    private static final Instant NOW = Instant.parse("2026-05-01T00:00:00Z");
    private static final Instant START = Instant.parse("2026-06-18T01:00:00Z");

    private static EventDetails details(UnaryOperator<Builder> change) {
        return change.apply(new Builder()).build();
    }

    @Test
    void aValidDraftStartsAtVersionOneWithNoSeatsTaken() {
        ExchangeEvent event = ExchangeEvent.draft("e-1", "lighting", details(b -> b).validated(), "sec", NOW);

        assertThat(event.status()).isEqualTo(ExchangeEvent.Status.DRAFT);
        assertThat(event.version()).isEqualTo(1);
        assertThat(event.seatsTaken()).isZero();
        assertThat(event.isOpenForRegistration(NOW.plus(Duration.ofDays(2)))).isFalse();
    }

    @Test
    void eachRuleThatTiesTheFieldsTogetherIsA422() {
        assertInvalid(b -> b.end(START), "end after it starts");
        assertInvalid(b -> b.seatsPerEnterprise(101), "between 1 and the capacity (100)");
        assertInvalid(b -> b.capacity(0).seatsPerEnterprise(0), "at least 1");
        assertInvalid(b -> b.registration(START.minusSeconds(60), START.minusSeconds(120)), "open before it closes");
        assertInvalid(b -> b.registration(NOW, START.plusSeconds(1)), "no later than the event starts");
        assertInvalid(b -> b.place(null, " "), "venue, an online link, or both");
        assertInvalid(b -> b.policy(Visibility.MEMBERS_ONLY, RegistrationPolicy.OPEN_WITH_APPROVAL), "must be public");
        assertInvalid(b -> b.agenda(new Session("Early bird", START.minusSeconds(600), START.plusSeconds(600),
                List.of())), "Session 1 (Early bird) must lie within");
        assertInvalid(b -> b.agenda(new Session("Backwards", START.plusSeconds(600), START.plusSeconds(600),
                List.of())), "Session 1 (Backwards) must end after it starts");
    }

    @Test
    void aDraftMustStartInTheFuture() {
        assertThatThrownBy(() -> ExchangeEvent.draft("e-1", "lighting", details(b -> b).validated(), "sec",
                START))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("start in the future");
    }

    @Test
    void publishingOpensTheDraftOnceAndOnlyWhileRegistrationCanStillClose() {
        ExchangeEvent event = ExchangeEvent.draft("e-1", "lighting", details(b -> b).validated(), "sec", NOW);

        event.publish("sec", NOW);

        assertThat(event.status()).isEqualTo(ExchangeEvent.Status.PUBLISHED);
        assertThat(event.version()).isEqualTo(2);
        assertThat(event.isOpenForRegistration(NOW.plusSeconds(1))).isTrue();
        assertThat(event.isOpenForRegistration(START.minus(Duration.ofDays(1)))).isFalse();
        assertConflict(() -> event.publish("sec", NOW), "event-state", "PUBLISHED");

        ExchangeEvent late = ExchangeEvent.draft("e-2", "lighting", details(b -> b).validated(), "sec", NOW);
        assertThatThrownBy(() -> late.publish("sec", START.minus(Duration.ofDays(1))))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("registration window closed");
        assertThat(late.status()).isEqualTo(ExchangeEvent.Status.DRAFT);
    }

    @Test
    void anEditSaysWhetherTimeOrPlaceChangedAndAnUnchangedOneRecordsNothing() {
        ExchangeEvent event = ExchangeEvent.draft("e-1", "lighting", details(b -> b).validated(), "sec", NOW);

        ExchangeEvent.Edit same = event.edit(details(b -> b), "sec", NOW);
        assertThat(same.changed()).isFalse();
        assertThat(event.version()).isEqualTo(1);

        ExchangeEvent.Edit retitled = event.edit(details(b -> b.title("Plenary")), "sec", NOW);
        assertThat(retitled.changed()).isTrue();
        assertThat(retitled.timeChanged()).isFalse();
        assertThat(retitled.placeChanged()).isFalse();
        assertThat(event.version()).isEqualTo(2);

        ExchangeEvent.Edit moved = event.edit(details(b -> b.title("Plenary").start(START.plusSeconds(3600))
                .place("Zhongshan Lighting Museum", "https://meet.example.com/x").capacity(150)), "sec", NOW);
        assertThat(moved.timeChanged()).isTrue();
        assertThat(moved.placeChanged()).isTrue();
        assertThat(moved.capacityGrew()).isTrue();
        assertThat(event.details().venue()).isEqualTo("Zhongshan Lighting Museum");
    }

    @Test
    void anEditNeverTakesTheCapacityBelowTheSeatsTakenNorMovesTheEventIntoThePast() throws Exception {
        ExchangeEvent event = ExchangeEvent.draft("e-1", "lighting", details(b -> b).validated(), "sec", NOW);
        seatsTaken(event, 40);

        assertConflict(() -> event.edit(details(b -> b.capacity(39).seatsPerEnterprise(4)), "sec", NOW),
                "capacity-below-seats-taken", "DRAFT");
        assertThat(event.edit(details(b -> b.capacity(40)), "sec", NOW).changed()).isTrue();
        assertThatThrownBy(() -> event.edit(details(b -> b.capacity(40).start(NOW.minusSeconds(1))
                .registration(NOW.minusSeconds(7200), NOW.minusSeconds(3600))), "sec", NOW))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("start in the future");
        assertThat(event.details().capacity()).isEqualTo(40);
        assertThat(event.details().startsAt()).isEqualTo(START);
    }

    @Test
    void onlyAPublishedEventThatIsNotOverIsCancelledAndThenNoLongerEdited() {
        ExchangeEvent event = ExchangeEvent.draft("e-1", "lighting", details(b -> b).validated(), "sec", NOW);
        assertConflict(() -> event.cancel("typhoon", "sec", NOW), "event-state", "DRAFT");
        event.publish("sec", NOW);
        assertThatThrownBy(() -> event.cancel("too late", "sec", START.plus(Duration.ofHours(8))))
                .isInstanceOf(InvalidEventException.class);

        event.cancel("The venue is closed by the typhoon warning.", "sec", NOW);

        assertThat(event.status()).isEqualTo(ExchangeEvent.Status.CANCELLED);
        assertThat(event.cancellationReason()).isEqualTo("The venue is closed by the typhoon warning.");
        assertThat(event.registrationsSettled()).isFalse();
        assertThat(event.version()).isEqualTo(3);
        assertThat(event.isOpenForRegistration(NOW.plusSeconds(1))).isFalse();
        assertConflict(() -> event.edit(details(b -> b.title("Revived")), "sec", NOW), "event-state", "CANCELLED");
        assertConflict(() -> event.cancel("again", "sec", NOW), "event-state", "CANCELLED");
    }

    @Test
    void theEditableFormRoundTripsThroughTheStoredOneInTheEventsZone() {
        EventInput input = new EventInput(Kind.WORKSHOP, "Brand workshop", null,
                List.of(new SessionInput("Opening", LocalDateTime.parse("2026-06-18T09:00"),
                        LocalDateTime.parse("2026-06-18T09:30"), List.of())),
                LocalDateTime.parse("2026-06-18T09:00"), LocalDateTime.parse("2026-06-18T17:00"), "Asia/Shanghai",
                "Hall 3", null, 50, 2, LocalDateTime.parse("2026-05-01T09:00"),
                LocalDateTime.parse("2026-06-15T18:00"), Visibility.PUBLIC, RegistrationPolicy.APPROVAL);

        EventDetails stored = input.details();

        assertThat(stored.startsAt()).isEqualTo(Instant.parse("2026-06-18T01:00:00Z"));
        assertThat(stored.agenda().getFirst().endsAt()).isEqualTo(Instant.parse("2026-06-18T01:30:00Z"));
        assertThat(EventInput.of(stored)).isEqualTo(input);
    }

    @Test
    void aLocalTimeTheClocksSkipIsRefusedAndAnUnknownZoneIsABadRequest() {
        EventInput berlin = new EventInput(Kind.PLENARY, "Plenary", null, List.of(),
                LocalDateTime.parse("2027-03-28T02:30"), LocalDateTime.parse("2027-03-28T05:00"), "Europe/Berlin",
                "Hall", null, 50, 2, LocalDateTime.parse("2027-03-01T09:00"),
                LocalDateTime.parse("2027-03-20T18:00"), Visibility.PUBLIC, RegistrationPolicy.AUTOMATIC);

        assertThatThrownBy(berlin::details).isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("2027-03-28T02:30 does not exist in Europe/Berlin");
        assertThatThrownBy(() -> EventRequests.zone("+08:00")).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.status().value()).isEqualTo(400));
    }

    private static void assertInvalid(UnaryOperator<Builder> change, String message) {
        assertThatThrownBy(() -> details(change).validated()).isInstanceOf(InvalidEventException.class)
                .hasMessageContaining(message);
    }

    private static void assertConflict(Runnable action, String type, String state) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(ConflictException.class, e -> {
            assertThat(e.type()).isEqualTo(type);
            assertThat(e.properties()).containsEntry("currentState", state);
        });
    }

    /** As the registrations' conditional $inc leaves it; the aggregate never changes it itself. */
    private static void seatsTaken(ExchangeEvent event, int seats) throws Exception {
        var field = ExchangeEvent.class.getDeclaredField(ExchangeEvent.SEATS_TAKEN);
        field.setAccessible(true);
        field.setInt(event, seats);
    }

    /** A valid event to vary: 18 June 2026, 09:00-17:00 in Shanghai, capacity 100, 4 seats per enterprise. */
    private static final class Builder {
        private String title = "Cooperation meeting";
        private Instant start = START;
        private Instant end = START.plus(Duration.ofHours(8));
        private String venue = "Guzhen Lighting Expo Centre";
        private String link = "https://meet.example.com/lighting";
        private int capacity = 100;
        private int seatsPerEnterprise = 4;
        private Instant opens = NOW;
        private Instant closes = START.minus(Duration.ofDays(2));
        private Visibility visibility = Visibility.PUBLIC;
        private RegistrationPolicy policy = RegistrationPolicy.AUTOMATIC;
        private List<Session> agenda = List.of(new Session("Opening", START, START.plus(Duration.ofMinutes(30)),
                List.of(new Speaker("Wang Fang", "Secretary-general", "China Lighting Brand Cluster"))));

        Builder title(String value) { title = value; return this; }
        Builder start(Instant value) { start = value; return this; }
        Builder end(Instant value) { end = value; return this; }
        Builder place(String newVenue, String newLink) { venue = newVenue; link = newLink; return this; }
        Builder capacity(int value) { capacity = value; return this; }
        Builder seatsPerEnterprise(int value) { seatsPerEnterprise = value; return this; }
        Builder registration(Instant from, Instant to) { opens = from; closes = to; return this; }
        Builder policy(Visibility v, RegistrationPolicy p) { visibility = v; policy = p; return this; }
        Builder agenda(Session... sessions) { agenda = List.of(sessions); return this; }

        EventDetails build() {
            return new EventDetails(Kind.COOPERATION_MEETING, title, null, agenda, start, end, "Asia/Shanghai",
                    venue, link, capacity, seatsPerEnterprise, opens, closes, visibility, policy);
        }
    }
}
