package com.brandcluster.perf.scenario;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.brandcluster.perf.driver.BookingPortal;
import com.brandcluster.perf.driver.DirectoryPortal;

import static com.brandcluster.perf.scenario.BenchmarkScenario.millis;
import static com.brandcluster.perf.scenario.BenchmarkScenario.ratio;

/**
 * Scenario 3, booking contention: {@code -Dperf.bookingAttempts} member enterprises (1,000 in the benchmark) each try
 * to book one of an expert's {@code -Dperf.bookingSlots} consultation slots (50) at the same moment, spread round-robin
 * over the slots and over two instances of expert-salon-service on one database ({@link BookingPortal}), straight to
 * the instances (no gateway). Exactly one booking per slot may stand, every other attempt must be a 409 problem
 * detail, and no attempt may fail otherwise: the run checks that from the answers, from the database and from the
 * expert's public slots, and fails when it does not hold (a correctness check, not a timing one). Reported: the
 * throughput in attempts per second, the median and p99 of the successful bookings beside those of the refused
 * attempts, and the CPU time per attempt of the two instances (MongoDB beside it).
 * <p>
 * A warm-up burst of the same size on another expert's slots comes first (not measured), so that the measured one
 * finds both instances' code compiled, their connections open and the members' tokens validated once.
 */
public final class BookingContention implements BenchmarkScenario {

    public static final String NAME = "booking-contention";
    /** The outcomes of an attempt: a booking (201), or a refusal (409, a problem detail). */
    public static final String BOOKED = "booked", REFUSED = "refused";
    /** What the run counts beside the answers: attempts, slots, and the 409s of each problem type (by prefix). */
    public static final String ATTEMPTS = "attempts", SLOTS = "slots", CONFLICT = "409 ";

    @Override
    public String name() {
        return NAME;
    }

    /** Nothing of {@link DirectoryPortal}'s: its attempts go to {@link BookingPortal}, in one burst ({@link #arm}). */
    @Override
    public Set<DirectoryPortal.Part> parts() {
        return EnumSet.noneOf(DirectoryPortal.Part.class);
    }

    /** The burst of attempts as one arm, served by the two instances (MongoDB's CPU time is reported beside). */
    public static Arm arm(BookingPortal portal, int attempts, int slots) {
        return new Arm(attempts + " attempts on " + slots + " slots", portal.instances().getFirst().baseUrl(),
                BookingPortal.BOOKINGS, portal.instances());
    }

    @Override
    public List<TableRow> rows(List<ArmFigures> figures) {
        ArmFigures burst = figures.getFirst();
        long attempts = burst.count(ATTEMPTS);
        long slots = burst.count(SLOTS);
        ArmFigures.Outcome booked = burst.outcome(BOOKED);
        ArmFigures.Outcome refused = burst.outcome(REFUSED);
        String conflicts = burst.counts().entrySet().stream().filter(e -> e.getKey().startsWith(CONFLICT))
                .map(e -> e.getValue() + " " + e.getKey().substring(CONFLICT.length()))
                .collect(Collectors.joining(", "));
        check(burst, attempts, slots, booked, refused);
        double withDatabase = burst.cpuPerRequest() + burst.cpuPerRequest("mongodb");
        String cpu = millis(burst.cpuPerRequest()) + " ("
                + burst.servedBy().stream().map(p -> millis(burst.cpuPerRequest(p))).collect(Collectors.joining(" + "))
                + "), MongoDB " + millis(burst.cpuPerRequest("mongodb"));
        return List.of(
                new TableRow(NAME, "attempts: booked / refused (409)",
                        attempts + " attempts on " + slots + " slots, 2 instances",
                        booked.requests() + " booked / " + refused.requests() + " refused (" + conflicts + ")", "",
                        "exactly " + slots + " booked, the rest 409: met (" + burst.count(BookingPortal.CONSULTATIONS)
                                + " consultations stand, one per slot, " + burst.count(BookingPortal.SLOTS_STILL_FREE)
                                + " slots still free)", cpu),
                new TableRow(NAME, "throughput (attempts/s)", "", String.format("%.0f", burst.throughput()), "",
                        "reported", cpu),
                new TableRow(NAME, "CPU-bound capacity (attempts/s per core)", "",
                        String.format("%.0f instances and MongoDB", 1000 / withDatabase), "", "reported",
                        String.format("the portal got %.0f%% of its core", withDatabase * burst.throughput() / 10)),
                new TableRow(NAME, "median / p99 latency (ms): refused -> booked",
                        millis(refused.medianMillis()) + " / " + millis(refused.p99Millis()),
                        millis(booked.medianMillis()) + " / " + millis(booked.p99Millis()),
                        ratio(booked.medianMillis(), refused.medianMillis()) + " / "
                                + ratio(booked.p99Millis(), refused.p99Millis()), "reported", ""));
    }

    /**
     * Fails unless exactly one booking per slot stands and every other attempt was a 409: by the answers (booked and
     * refused), the database (consultations standing, slots they hold, most on one slot) and the public slots endpoint
     * (none of the slots still free). A failed attempt (5xx, another status, a 409 without a problem detail) has
     * failed the run already.
     */
    private static void check(ArmFigures burst, long attempts, long slots, ArmFigures.Outcome booked,
                              ArmFigures.Outcome refused) {
        List<String> wrong = new ArrayList<>();
        if (booked.requests() != slots) {
            wrong.add(booked.requests() + " attempts booked");
        }
        if (refused.requests() != attempts - slots) {
            wrong.add(refused.requests() + " attempts refused with a 409");
        }
        if (burst.requests() + burst.failed() != attempts) {
            wrong.add((burst.requests() + burst.failed()) + " attempts answered");
        }
        for (Map.Entry<String, Long> held : Map.of(BookingPortal.CONSULTATIONS, slots, BookingPortal.SLOTS_HELD, slots,
                BookingPortal.MOST_ON_ONE_SLOT, 1L, BookingPortal.SLOTS_STILL_FREE, 0L).entrySet()) {
            if (burst.count(held.getKey()) != held.getValue()) {
                wrong.add(held.getKey() + " " + burst.count(held.getKey()) + ", not " + held.getValue());
            }
        }
        if (!wrong.isEmpty()) {
            throw new IllegalStateException(NAME + ": " + attempts + " attempts on " + slots
                    + " slots must give exactly one booking per slot and a 409 for every other attempt; "
                    + String.join("; ", wrong) + " (" + burst.counts() + ")");
        }
    }
}
