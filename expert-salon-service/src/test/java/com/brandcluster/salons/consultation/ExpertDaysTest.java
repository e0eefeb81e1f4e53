package com.brandcluster.salons.consultation;

import com.brandcluster.salons.availability.AvailabilityRules;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ExpertDaysTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** 10:00 in Shanghai. */
    static final Instant TEN = Instant.parse("2026-06-03T02:00:00Z");

    static AvailabilityRules rules(int before, int after, Integer max) {
        return new AvailabilityRules(List.of(), List.of(), 60, before, after, 0, max);
    }

    static ExpertDays.Session session(String id, Instant start, int minutes) {
        return new ExpertDays.Session(id, start, start.plus(Duration.ofMinutes(minutes)), TEN.minusSeconds(3600));
    }

    @Test
    void aSessionWhoseBufferedSpanTouchesAnotherOverlapsIt() {
        AvailabilityRules buffered = rules(0, 15, null);
        ExpertDays.Session booked = session("a", TEN, 60);

        assertThat(ExpertDays.verdict(List.of(booked), session("b", TEN.plusSeconds(3600), 60), buffered, SHANGHAI))
                .isEqualTo(ExpertDays.Verdict.OVERLAPS);
        assertThat(ExpertDays.verdict(List.of(booked), session("b", TEN.plusSeconds(4500), 60), buffered, SHANGHAI))
                .isEqualTo(ExpertDays.Verdict.FREE);
        assertThat(ExpertDays.verdict(List.of(booked), session("b", TEN.plusSeconds(3600), 60), rules(0, 0, null),
                SHANGHAI)).as("back to back without buffers").isEqualTo(ExpertDays.Verdict.FREE);
        assertThat(ExpertDays.verdict(List.of(booked), session("b", TEN.minusSeconds(3600), 60), rules(10, 0, null),
                SHANGHAI)).as("a buffer before").isEqualTo(ExpertDays.Verdict.OVERLAPS);
    }

    @Test
    void theSameConsultationAtTheSameStartIsHeldAlreadyAndItsOtherSessionsDoNotCount() {
        ExpertDays.Session held = session("a", TEN, 60);

        assertThat(ExpertDays.verdict(List.of(held), session("a", TEN, 60), rules(0, 15, 1), SHANGHAI))
                .isEqualTo(ExpertDays.Verdict.HELD_ALREADY);
        assertThat(ExpertDays.verdict(List.of(held), session("a", TEN.plusSeconds(3600), 60), rules(0, 15, 1),
                SHANGHAI)).as("a reschedule next to itself, on a day with one session at most")
                .isEqualTo(ExpertDays.Verdict.FREE);
    }

    @Test
    void theDailyMaximumCountsOtherSessionsStartingOnTheSameLocalDay() {
        List<ExpertDays.Session> two = List.of(session("a", TEN, 60), session("b", TEN.plusSeconds(7200), 60));
        // 23:00 in Shanghai the day before: another local day, although the same UTC date
        Instant eveningBefore = Instant.parse("2026-06-02T15:00:00Z");

        assertThat(ExpertDays.verdict(two, session("c", TEN.plusSeconds(4 * 3600), 60), rules(0, 0, 2), SHANGHAI))
                .isEqualTo(ExpertDays.Verdict.DAY_FULL);
        assertThat(ExpertDays.verdict(two, session("c", TEN.plusSeconds(4 * 3600), 60), rules(0, 0, 3), SHANGHAI))
                .isEqualTo(ExpertDays.Verdict.FREE);
        assertThat(ExpertDays.verdict(two, session("c", eveningBefore, 60), rules(0, 0, 2), SHANGHAI))
                .isEqualTo(ExpertDays.Verdict.FREE);
    }

    @Test
    void aSessionTouchesTheLocalDaysOfItsBufferedSpan() {
        Instant elevenPm = Instant.parse("2026-06-03T15:00:00Z"); // 23:00 in Shanghai

        assertThat(ExpertDays.daysTouched(TEN, TEN.plusSeconds(3600), rules(30, 30, null), SHANGHAI))
                .containsExactly(LocalDate.parse("2026-06-03"));
        assertThat(ExpertDays.daysTouched(elevenPm, elevenPm.plusSeconds(3600), rules(0, 0, null), SHANGHAI))
                .as("ending at midnight").containsExactly(LocalDate.parse("2026-06-03"));
        assertThat(ExpertDays.daysTouched(elevenPm, elevenPm.plusSeconds(3600), rules(0, 15, null), SHANGHAI))
                .containsExactly(LocalDate.parse("2026-06-03"), LocalDate.parse("2026-06-04"));
    }
}
