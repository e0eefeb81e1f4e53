package com.brandcluster.perf.scenario;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.brandcluster.perf.driver.BookingPortal;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The booking scenario's check, which fails the run unless the burst left exactly one booking per slot and a 409 for
 * every other attempt, by the answers, the database and the public slots alike.
 */
class BookingContentionTest {

    private final BookingContention scenario = new BookingContention();

    @Test
    void printsTheRowsWhenEverySlotHoldsOneBookingAndEveryOtherAttemptWasRefused() {
        List<TableRow> rows = scenario.rows(List.of(burst(5, 35, 0, held(5, 5, 1, 0))));

        assertThat(rows).extracting(TableRow::measure).containsExactly("attempts: booked / refused (409)",
                "throughput (attempts/s)", "CPU-bound capacity (attempts/s per core)",
                "median / p99 latency (ms): refused -> booked");
        assertThat(rows.getFirst().figure()).isEqualTo("5 booked / 35 refused (35 slot-taken)");
        assertThat(rows.getFirst().cpu()).isEqualTo("20.00 (10.00 + 10.00), MongoDB 5.00");
    }

    @Test
    void failsWhenASlotWasNotBooked() {
        assertThatIllegalStateException().isThrownBy(() -> scenario.rows(List.of(burst(4, 36, 0, held(4, 4, 1, 1)))))
                .withMessageContaining("4 attempts booked").withMessageContaining("slots still free 1, not 0");
    }

    @Test
    void failsWhenTheDatabaseHoldsTwoBookingsOfOneSlotWhateverTheAnswersSaid() {
        assertThatIllegalStateException().isThrownBy(() -> scenario.rows(List.of(burst(5, 35, 0, held(6, 5, 2, 0)))))
                .withMessageContaining("consultations 6, not 5").withMessageContaining("most on one slot 2, not 1");
    }

    @Test
    void failsWhenAnAttemptWentUnanswered() {
        assertThatIllegalStateException().isThrownBy(() -> scenario.rows(List.of(burst(5, 34, 0, held(5, 5, 1, 0)))))
                .withMessageContaining("34 attempts refused with a 409").withMessageContaining("39 attempts answered");
    }

    /** 40 attempts on 5 slots in two seconds, each instance 400 ms of CPU and MongoDB 200 ms. */
    private static ArmFigures burst(long booked, long refused, long failed, Map<String, Long> held) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put(BookingContention.CONFLICT + "slot-taken", refused);
        counts.put(BookingContention.ATTEMPTS, 40L);
        counts.put(BookingContention.SLOTS, 5L);
        counts.putAll(held);
        long answered = booked + refused;
        return new ArmFigures("40 attempts on 5 slots", answered, failed, answered / 2.0, 30, 50,
                Map.of("salons-1", 400.0 * answered / 40, "salons-2", 400.0 * answered / 40,
                        "mongodb", 200.0 * answered / 40),
                List.of("salons-1", "salons-2"), 0, Map.of(),
                Map.of(BookingContention.BOOKED, new ArmFigures.Outcome(booked, 20, 40),
                        BookingContention.REFUSED, new ArmFigures.Outcome(refused, 30, 50)), counts, 0, Map.of(),
                Map.of());
    }

    private static Map<String, Long> held(long consultations, long slotsHeld, long mostOnOneSlot, long stillFree) {
        Map<String, Long> held = new LinkedHashMap<>();
        held.put(BookingPortal.CONSULTATIONS, consultations);
        held.put(BookingPortal.SLOTS_HELD, slotsHeld);
        held.put(BookingPortal.MOST_ON_ONE_SLOT, mostOnOneSlot);
        held.put(BookingPortal.SLOTS_STILL_FREE, stillFree);
        return held;
    }
}
