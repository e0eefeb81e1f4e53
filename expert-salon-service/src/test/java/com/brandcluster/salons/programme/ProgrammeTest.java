package com.brandcluster.salons.programme;

import com.brandcluster.platform.web.DomainException;
import com.brandcluster.salons.programme.ProgrammeRequests.SlotInput;
import com.brandcluster.salons.programme.SessionSlot.Kind;
import com.brandcluster.salons.programme.SessionSlot.State;
import com.brandcluster.salons.salon.Salon;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class ProgrammeTest {

    private static final Instant NOW = Instant.parse("2026-05-04T08:00:00Z");
    private static final LocalDateTime START = LocalDateTime.parse("2026-06-12T14:00");
    private static final Salon SHANGHAI_SALON = salon("Asia/Shanghai", START, START.plusHours(3));

    private final AtomicInteger ids = new AtomicInteger();

    static Salon salon(String zone, LocalDateTime start, LocalDateTime end) {
        Salon salon = mock(Salon.class);
        when(salon.id()).thenReturn("salon-1");
        when(salon.clusterId()).thenReturn("lighting");
        when(salon.timeZone()).thenReturn(zone);
        when(salon.startsAt()).thenReturn(start.atZone(ZoneId.of(zone)).toInstant());
        when(salon.endsAt()).thenReturn(end.atZone(ZoneId.of(zone)).toInstant());
        return salon;
    }

    private static SlotInput input(String id, Kind kind, String title, LocalDateTime start, LocalDateTime end) {
        return new SlotInput(id, kind, title, "About " + title, start, end);
    }

    private static List<SlotInput> standard() {
        return List.of(input(null, Kind.TALK, "Talk", START, START.plusMinutes(45)),
                input(null, Kind.PANEL, "Panel", START.plusHours(1), START.plusHours(2)),
                input(null, Kind.CLINIC, "Clinic", START.plusHours(2), START.plusHours(3)));
    }

    private Programme programme(Salon salon, List<SlotInput> inputs) {
        Programme programme = Programme.emptyFor(salon);
        programme.replace(inputs, salon, () -> "slot-" + ids.incrementAndGet(), "secretariat", NOW);
        return programme;
    }

    private Programme standardProgramme() {
        return programme(SHANGHAI_SALON, standard());
    }

    private static void refused(ThrowingCallable change, int status, String type, String detail) {
        assertThatThrownBy(change).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.status().value()).isEqualTo(status);
            assertThat(e.type()).isEqualTo(type);
            if (detail != null) {
                assertThat(e.detail()).contains(detail);
            }
        });
    }

    @Test
    void newSlotsArePlannedWithNewIdsInStartOrderAndLocalTimesInTheSalonsZone() {
        List<SlotInput> reversed = new ArrayList<>(standard().reversed());

        Programme programme = programme(SHANGHAI_SALON, reversed);

        assertThat(programme.slots()).extracting(SessionSlot::title).containsExactly("Talk", "Panel", "Clinic");
        assertThat(programme.slots()).extracting(SessionSlot::state).containsOnly(State.PLANNED);
        assertThat(programme.slots()).extracting(SessionSlot::id).containsExactly("slot-3", "slot-2", "slot-1");
        assertThat(programme.slots()).extracting(SessionSlot::version).containsOnly(1L);
        assertThat(programme.slots().getFirst().startsAt()).isEqualTo(Instant.parse("2026-06-12T06:00:00Z"));
        assertThat(programme.salonId()).isEqualTo("salon-1");
        assertThat(programme.clusterId()).isEqualTo("lighting");
        assertThat(programme.updatedAt()).isEqualTo(NOW);
    }

    @Test
    void aSlotNamedByItsIdKeepsItAndOnlyAChangedSlotGetsANewVersion() {
        Programme programme = standardProgramme();

        programme.replace(List.of(input("slot-1", Kind.TALK, "Talk", START, START.plusMinutes(45)),
                input("slot-2", Kind.PANEL, "Panel on pricing", START.plusHours(1), START.plusHours(2)),
                input(null, Kind.CLINIC, "Another clinic", START.plusHours(2), START.plusHours(3))),
                SHANGHAI_SALON, () -> "slot-new", "secretariat", NOW);

        assertThat(programme.slots()).extracting(SessionSlot::id).containsExactly("slot-1", "slot-2", "slot-new");
        assertThat(programme.slots()).extracting(SessionSlot::version).containsExactly(1L, 2L, 1L);
        assertThat(programme.slots().get(1).title()).isEqualTo("Panel on pricing");
    }

    @Test
    void slotsOutsideTheSalonBackwardsOrOverlappingAreRefusedNamingTheSlot() {
        Programme programme = standardProgramme();
        List<SessionSlot> before = programme.slots();

        refused(() -> programme(SHANGHAI_SALON, List.of(
                input(null, Kind.TALK, "Early", START.minusMinutes(1), START.plusMinutes(30)))),
                422, "invalid-programme", "Slot 1 ('Early') must lie within the salon, 2026-06-12T14:00 to "
                        + "2026-06-12T17:00 (Asia/Shanghai)");
        refused(() -> programme(SHANGHAI_SALON, List.of(standard().get(0),
                input(null, Kind.CLINIC, "Late", START.plusHours(2), START.plusHours(3).plusMinutes(1)))),
                422, "invalid-programme", "Slot 2 ('Late') must lie within the salon");
        refused(() -> programme(SHANGHAI_SALON, List.of(input(null, Kind.TALK, "Empty", START, START))),
                422, "invalid-programme", "Slot 1 ('Empty') must end after it starts.");
        refused(() -> programme(SHANGHAI_SALON, List.of(standard().get(1),
                input(null, Kind.TALK, "Clash", START.plusMinutes(90), START.plusMinutes(150)))),
                422, "invalid-programme", "Slot 2 ('Clash') overlaps Slot 1 ('Panel').");
        refused(() -> programme.replace(List.of(input("slot-9", Kind.TALK, "Talk", START, START.plusMinutes(45))),
                        SHANGHAI_SALON, () -> "x", "s", NOW), 422, "invalid-programme",
                "names the id 'slot-9', which this programme does not have");
        refused(() -> programme.replace(List.of(input("slot-1", Kind.TALK, "Talk", START, START.plusMinutes(45)),
                        input("slot-1", Kind.PANEL, "Again", START.plusHours(1), START.plusHours(2))),
                SHANGHAI_SALON, () -> "x", "s", NOW), 422, "invalid-programme", "another slot names too");

        assertThat(programme.slots()).isEqualTo(before);
        assertThat(programme(SHANGHAI_SALON, List.of(
                input(null, Kind.TALK, "Back to back", START, START.plusHours(1)),
                input(null, Kind.TALK, "Whole salon end", START.plusHours(1), START.plusHours(3))))
                .slots()).as("touching slots do not overlap").hasSize(2);
    }

    @Test
    void localTimesFollowTheSalonsZoneAcrossDaylightSavingChanges() {
        LocalDateTime berlinNight = LocalDateTime.parse("2026-10-25T00:00");
        Salon berlin = salon("Europe/Berlin", berlinNight, berlinNight.plusHours(6));
        Programme fallBack = programme(berlin, List.of(input(null, Kind.PANEL, "Through the night",
                berlinNight.plusMinutes(90), berlinNight.plusMinutes(210))));
        assertThat(Duration.between(fallBack.slots().getFirst().startsAt(), fallBack.slots().getFirst().endsAt()))
                .as("01:30 to 03:30 on the night the clocks go back is three hours").hasHours(3);

        LocalDateTime springNight = LocalDateTime.parse("2027-03-28T00:00");
        refused(() -> programme(salon("Europe/Berlin", springNight, springNight.plusHours(6)), List.of(
                input(null, Kind.TALK, "In the gap", springNight.plusMinutes(150), springNight.plusHours(4)))),
                422, "invalid-programme", "The start of Slot 1 ('In the gap'), 2027-03-28T02:30, does not exist in "
                        + "Europe/Berlin");
        LocalDateTime newYork = LocalDateTime.parse("2027-03-14T00:00");
        refused(() -> programme(salon("America/New_York", newYork, newYork.plusHours(6)), List.of(
                input(null, Kind.TALK, "Ends in the gap", newYork.plusHours(1), newYork.plusMinutes(150)))),
                422, "invalid-programme", "The end of Slot 1 ('Ends in the gap')");
    }

    @Test
    void aSlotGoesFromPlannedToOpenToBookedToConfirmedEachChangeAVersion() {
        Programme programme = standardProgramme();

        SessionSlot open = programme.open("slot-2", SHANGHAI_SALON, NOW);
        SessionSlot booked = programme.book("slot-2", "expert-1", SHANGHAI_SALON, NOW.plusSeconds(1));
        SessionSlot confirmed = programme.confirm("slot-2", SHANGHAI_SALON, NOW.plusSeconds(2));

        assertThat(open.state()).isEqualTo(State.OPEN);
        assertThat(open.version()).isEqualTo(2);
        assertThat(booked.state()).isEqualTo(State.BOOKED);
        assertThat(booked.expertId()).isEqualTo("expert-1");
        assertThat(booked.bookedAt()).isEqualTo(NOW.plusSeconds(1));
        assertThat(booked.version()).isEqualTo(3);
        assertThat(confirmed.state()).isEqualTo(State.CONFIRMED);
        assertThat(confirmed.expertId()).isEqualTo("expert-1");
        assertThat(confirmed.confirmedAt()).isEqualTo(NOW.plusSeconds(2));
        assertThat(confirmed.version()).isEqualTo(4);
        assertThat(programme.slot("slot-2")).isEqualTo(confirmed);
        assertThat(programme.slot("slot-1").state()).isEqualTo(State.PLANNED);
    }

    @Test
    void illegalTransitionsAreConflictsNamingTheCurrentState() {
        Programme programme = standardProgramme();

        refused(() -> programme.book("slot-1", "expert-1", SHANGHAI_SALON, NOW), 409, "session-slot-state",
                "PLANNED");
        refused(() -> programme.confirm("slot-1", SHANGHAI_SALON, NOW), 409, "session-slot-state", null);
        refused(() -> programme.release("slot-1", SHANGHAI_SALON, NOW), 409, "session-slot-state", null);
        programme.open("slot-1", SHANGHAI_SALON, NOW);
        refused(() -> programme.open("slot-1", SHANGHAI_SALON, NOW), 409, "session-slot-state", "OPEN");
        refused(() -> programme.withdraw("slot-1", "expert-1", SHANGHAI_SALON, NOW), 409, "session-slot-state", null);
        refused(() -> programme.book("no-slot", "expert-1", SHANGHAI_SALON, NOW), 404, "not-found", null);

        programme.book("slot-1", "expert-1", SHANGHAI_SALON, NOW);
        refused(() -> programme.book("slot-1", "expert-2", SHANGHAI_SALON, NOW), 409, "session-slot-taken", null);
        refused(() -> programme.book("slot-1", "expert-1", SHANGHAI_SALON, NOW), 409, "session-slot-taken", null);
        refused(() -> programme.open("slot-1", SHANGHAI_SALON, NOW), 409, "session-slot-state", "BOOKED");
        assertThat(programme.slot("slot-1").expertId()).isEqualTo("expert-1");
    }

    @Test
    void onlyTheBookingExpertWithdrawsAndOnlyBeforeConfirmation() {
        Programme programme = standardProgramme();
        programme.open("slot-1", SHANGHAI_SALON, NOW);
        programme.book("slot-1", "expert-1", SHANGHAI_SALON, NOW);

        refused(() -> programme.withdraw("slot-1", "expert-2", SHANGHAI_SALON, NOW), 403, "forbidden", null);
        SessionSlot withdrawn = programme.withdraw("slot-1", "expert-1", SHANGHAI_SALON, NOW);
        assertThat(withdrawn.state()).isEqualTo(State.OPEN);
        assertThat(withdrawn.expertId()).isNull();
        assertThat(withdrawn.bookedAt()).isNull();

        programme.book("slot-1", "expert-2", SHANGHAI_SALON, NOW);
        programme.confirm("slot-1", SHANGHAI_SALON, NOW);
        refused(() -> programme.withdraw("slot-1", "expert-2", SHANGHAI_SALON, NOW), 409, "session-slot-state",
                "ask the secretariat");
        SessionSlot released = programme.release("slot-1", SHANGHAI_SALON, NOW);
        assertThat(released.state()).isEqualTo(State.OPEN);
        assertThat(released.expertId()).isNull();
        assertThat(released.confirmedAt()).isNull();
    }

    @Test
    void aSlotAnExpertHoldsIsNeitherRemovedNorMovedButItsTextMayChange() {
        Programme programme = standardProgramme();
        programme.open("slot-2", SHANGHAI_SALON, NOW);
        programme.book("slot-2", "expert-1", SHANGHAI_SALON, NOW);
        List<SlotInput> standard = standard();

        refused(() -> programme.replace(List.of(input("slot-1", Kind.TALK, "Talk", START, START.plusMinutes(45))),
                SHANGHAI_SALON, () -> "x", "s", NOW), 409, "session-slot-taken", "removed");
        refused(() -> programme.replace(List.of(input("slot-2", Kind.PANEL, "Panel", START.plusMinutes(45),
                START.plusHours(2))), SHANGHAI_SALON, () -> "x", "s", NOW), 409, "session-slot-taken", "moved");

        programme.replace(List.of(input("slot-2", Kind.CLINIC, "Pricing clinic", START.plusHours(1),
                START.plusHours(2)), standard.get(0)), SHANGHAI_SALON, () -> "slot-new", "s", NOW);
        SessionSlot kept = programme.slot("slot-2");
        assertThat(kept.state()).isEqualTo(State.BOOKED);
        assertThat(kept.expertId()).isEqualTo("expert-1");
        assertThat(kept.kind()).isEqualTo(Kind.CLINIC);
        assertThat(kept.version()).isEqualTo(4);
        assertThat(programme.slots()).extracting(SessionSlot::id).containsExactly("slot-new", "slot-2");
    }

    @Test
    void nothingChangesOnceTheSalonHasStarted() {
        Programme programme = standardProgramme();
        programme.open("slot-1", SHANGHAI_SALON, NOW);
        Instant started = SHANGHAI_SALON.startsAt();

        refused(() -> programme.book("slot-1", "expert-1", SHANGHAI_SALON, started), 422, "salon-started", null);
        refused(() -> programme.open("slot-2", SHANGHAI_SALON, started), 422, "salon-started", null);
        refused(() -> programme.replace(standard(), SHANGHAI_SALON, () -> "x", "s", started), 422, "salon-started",
                null);
        assertThat(programme.book("slot-1", "expert-1", SHANGHAI_SALON, started.minusMillis(1)).state())
                .isEqualTo(State.BOOKED);
    }
}
