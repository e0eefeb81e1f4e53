package com.brandcluster.salons.reminder;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Rounds of the reminder job in integration tests, which run with the default lead time of 24 hours and drive the job
 * as of instants they choose.
 */
public final class ReminderRounds {

    /** How long before a start a round finds the booking due. */
    public static final Duration WITHIN_LEAD_TIME = Duration.ofHours(23);
    /** How long before a start a round finds the booking not due yet. */
    public static final Duration BEYOND_LEAD_TIME = Duration.ofHours(25);

    private ReminderRounds() {
    }

    /**
     * Runs {@code rounds} rounds as of the same instant, released at the same moment as several instances would run
     * them; returns how many reminders each queued.
     */
    public static List<Integer> atOnce(ReminderJob job, Instant now, int rounds) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(rounds)) {
            for (int i = 0; i < rounds; i++) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return job.remind(now);
                }));
            }
            go.countDown();
            List<Integer> queued = new ArrayList<>();
            for (Future<Integer> future : futures) {
                queued.add(future.get(2, TimeUnit.MINUTES));
            }
            return queued;
        }
    }
}
