package com.brandcluster.salons.consultation;

import com.brandcluster.platform.web.ConflictException;
import com.brandcluster.platform.web.UnprocessableException;
import com.brandcluster.salons.availability.SlotCalendar;
import com.brandcluster.salons.expert.Topic;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConsultationTest {

    static final Instant START = Instant.parse("2026-06-03T01:00:00Z");
    static final SlotCalendar.Slot SLOT = new SlotCalendar.Slot(START, START.plus(Duration.ofHours(1)));
    static final Instant BOOKED_AT = START.minus(Duration.ofDays(5));
    static final Duration CUTOFF = Duration.ofHours(24);

    static Consultation booked(boolean autoConfirm) {
        return Consultation.book("c-1", new Consultation.Booking("lighting", "ent-1", "expert-1", "Wang Lei",
                        "Asia/Shanghai", Topic.BRAND_EVALUATION, "Our brand index"), SLOT, autoConfirm, CUTOFF,
                "lighting/ent-1/2027-03-17", "user-1", BOOKED_AT);
    }

    @Test
    void aBookingWaitsForTheExpertUnlessTheyConfirmAutomaticallyAndHoldsItsSlot() {
        Consultation pending = booked(false);
        Consultation confirmed = booked(true);

        assertThat(pending.state()).isEqualTo(Consultation.State.PENDING);
        assertThat(confirmed.state()).isEqualTo(Consultation.State.CONFIRMED);
        assertThat(pending.slotKey()).isEqualTo("expert-1@2026-06-03T01:00:00Z");
        assertThat(pending.minutes()).isEqualTo(60);
        assertThat(pending.cutoffAt()).isEqualTo(Instant.parse("2026-06-02T01:00:00Z"));
        assertThat(pending.nextVersion()).isZero();
        assertThat(pending.history()).singleElement()
                .satisfies(change -> assertThat(change.by()).isEqualTo("user-1"));
    }

    @Test
    void theExpertConfirmsAPendingBookingOnceAndNotAfterItStarted() {
        Consultation consultation = booked(false);

        consultation.confirm("expert-1", BOOKED_AT.plusSeconds(60));

        assertThat(consultation.state()).isEqualTo(Consultation.State.CONFIRMED);
        assertIllegal(() -> consultation.confirm("expert-1", BOOKED_AT), "CONFIRMED");
        assertThatThrownBy(() -> booked(false).confirm("expert-1", START))
                .isInstanceOfSatisfying(UnprocessableException.class,
                        e -> assertThat(e.type()).isEqualTo("consultation-started"));
    }

    @Test
    void aCancellationBeforeTheCutoffReturnsTheHoursAndFreesTheSlot() {
        Consultation consultation = booked(true);

        Consultation.Cancellation cancellation = consultation.cancel(Consultation.Party.ENTERPRISE, "user-1",
                "Travelling", START.minus(CUTOFF).minusSeconds(1));

        assertThat(cancellation.late()).isFalse();
        assertThat(cancellation.hoursReturned()).isTrue();
        assertThat(consultation.state()).isEqualTo(Consultation.State.CANCELLED);
        assertThat(consultation.slotKey()).isNull();
        assertThat(consultation.previousState()).isEqualTo(Consultation.State.CONFIRMED);
        assertIllegal(() -> consultation.cancel(Consultation.Party.EXPERT, "expert-1", "again", BOOKED_AT),
                "CANCELLED");
    }

    @Test
    void theEnterprisesCancellationAtOrAfterTheCutoffIsLateAndKeepsTheHours() {
        Consultation atCutoff = booked(true);
        Consultation afterStart = booked(false);

        assertThat(atCutoff.cancel(Consultation.Party.ENTERPRISE, "user-1", "Ill", START.minus(CUTOFF)))
                .satisfies(c -> {
                    assertThat(c.late()).isTrue();
                    assertThat(c.hoursReturned()).isFalse();
                });
        assertThat(afterStart.cancel(Consultation.Party.ENTERPRISE, "user-1", "Forgot", START.plusSeconds(60)).late())
                .isTrue();
    }

    @Test
    void aLateCancellationByTheExpertOrTheSecretariatIsRecordedLateButReturnsTheHours() {
        for (Consultation.Party party : new Consultation.Party[] {Consultation.Party.EXPERT,
                Consultation.Party.SECRETARIAT}) {
            Consultation.Cancellation cancellation = booked(true).cancel(party, "someone", "Unavailable",
                    START.minusSeconds(60));

            assertThat(cancellation.late()).isTrue();
            assertThat(cancellation.hoursReturned()).isTrue();
            assertThat(cancellation.by()).isEqualTo(party);
        }
    }

    @Test
    void theOutcomeIsRecordedForAConfirmedConsultationOnceItStarted() {
        Consultation completed = booked(true);
        Consultation noShow = booked(true);

        assertThatThrownBy(() -> completed.complete("expert-1", START.minusSeconds(1)))
                .isInstanceOfSatisfying(UnprocessableException.class,
                        e -> assertThat(e.type()).isEqualTo("consultation-not-started"));
        completed.complete("expert-1", START);
        noShow.noShow("expert-1", START.plusSeconds(600));

        assertThat(completed.state()).isEqualTo(Consultation.State.COMPLETED);
        assertThat(noShow.state()).isEqualTo(Consultation.State.NO_SHOW);
        assertThat(completed.slotKey()).as("a past session keeps its slot").isNotNull();
        assertIllegal(() -> completed.noShow("expert-1", START.plusSeconds(700)), "COMPLETED");
        assertIllegal(() -> noShow.cancel(Consultation.Party.ENTERPRISE, "user-1", "x", START), "NO_SHOW");
        assertIllegal(() -> booked(false).complete("expert-1", START.plusSeconds(60)), "PENDING");
        assertIllegal(() -> booked(false).noShow("expert-1", START.plusSeconds(60)), "PENDING");
    }

    @Test
    void aRescheduleMovesTimesAndSlotKeyAndAsksForConfirmationAgainUnlessAutomatic() {
        Consultation consultation = booked(false);
        consultation.confirm("expert-1", BOOKED_AT);
        Instant later = START.plus(Duration.ofDays(1));

        consultation.reschedule(new SlotCalendar.Slot(later, later.plus(Duration.ofMinutes(30))), false, "user-1",
                BOOKED_AT.plusSeconds(60));

        assertThat(consultation.start()).isEqualTo(later);
        assertThat(consultation.minutes()).isEqualTo(30);
        assertThat(consultation.slotKey()).isEqualTo("expert-1@" + later);
        assertThat(consultation.state()).isEqualTo(Consultation.State.PENDING);
        assertThat(consultation.cutoffAt()).isEqualTo(later.minus(CUTOFF));
        consultation.reschedule(SLOT, true, "user-1", BOOKED_AT.plusSeconds(120));
        assertThat(consultation.state()).isEqualTo(Consultation.State.CONFIRMED);
    }

    @Test
    void noRescheduleAfterTheCutoffOrOnceTheOutcomeIsKnown() {
        Consultation late = booked(true);
        Consultation cancelled = booked(true);
        cancelled.cancel(Consultation.Party.EXPERT, "expert-1", "Ill", BOOKED_AT);

        assertThatThrownBy(() -> late.reschedule(SLOT, true, "user-1", START.minus(CUTOFF)))
                .isInstanceOfSatisfying(UnprocessableException.class,
                        e -> assertThat(e.type()).isEqualTo("reschedule-cutoff-passed"));
        assertIllegal(() -> cancelled.checkReschedulable(BOOKED_AT), "CANCELLED");
        assertThat(late.start()).isEqualTo(START);
    }

    private static void assertIllegal(Runnable transition, String currentState) {
        assertThatThrownBy(transition::run).isInstanceOfSatisfying(ConflictException.class, e -> {
            assertThat(e.type()).isEqualTo("consultation-state");
            assertThat(e.properties()).containsEntry("currentState", currentState);
        });
    }
}
