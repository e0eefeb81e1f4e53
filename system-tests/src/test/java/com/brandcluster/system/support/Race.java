package com.brandcluster.system.support;

import com.brandcluster.testsupport.ApiClient;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** Many requests fired at the same moment: each on its own virtual thread, released together by one start gate. */
public final class Race {

    private Race() {
    }

    /** Runs {@code request} for contenders 0 .. {@code contenders - 1} at once; the responses in contender order. */
    public static List<ApiClient.Response> of(int contenders, IntFunction<ApiClient.Response> request)
            throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<ApiClient.Response>> futures = new ArrayList<>();
            for (int i = 0; i < contenders; i++) {
                int contender = i;
                futures.add(threads.submit(() -> {
                    gate.await();
                    return request.apply(contender);
                }));
            }
            gate.countDown();
            List<ApiClient.Response> responses = new ArrayList<>();
            for (Future<ApiClient.Response> future : futures) {
                responses.add(future.get());
            }
            return responses;
        }
    }
}
