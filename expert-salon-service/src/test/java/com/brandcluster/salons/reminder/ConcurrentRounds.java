package com.brandcluster.salons.reminder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Rounds of the reminder job as of the same instant, released at the same moment, as several instances run them. */
public final class ConcurrentRounds {

    private ConcurrentRounds() {
    }

    /** Runs {@code rounds} rounds at once; returns how many reminders each queued. */
    public static List<Integer> run(ReminderJob job, Instant now, int rounds) throws Exception {
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
