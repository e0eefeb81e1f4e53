package com.brandcluster.salons.programme;

import com.brandcluster.testsupport.ApiClient;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One expert per session slot under concurrency: many experts book the same slot at the same moment through the one
 * service instance of the shared test context. The only guard is the conditional update in MongoDB, which is what
 * several instances sharing the database rely on too.
 */
class SessionBookingConcurrencyIT extends ProgrammeIntegrationTest {

    private static final int EXPERTS = 120;

    @Test
    void ofAHundredAndTwentyExpertsBookingOneSlotAtOnceExactlyOneGetsIt() throws Exception {
        String cluster = uniqueCluster();
        String salon = salonWithOpenSlots(cluster);
        String slot = slotId(salon, cluster, 1);
        List<String> experts = new ArrayList<>();
        for (int i = 0; i < EXPERTS; i++) {
            experts.add(expertServing(cluster));
        }

        List<ApiClient.Response> responses = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<ApiClient.Response>> futures = new ArrayList<>();
            for (String expert : experts) {
                String token = expertToken(expert);
                futures.add(pool.submit(() -> {
                    start.await();
                    return api.as(token).post(slotPath(salon, slot) + "/booking", null);
                }));
            }
            start.countDown();
            for (Future<ApiClient.Response> future : futures) {
                responses.add(future.get());
            }
        }

        List<ApiClient.Response> won = responses.stream().filter(r -> r.status() == 200).toList();
        assertThat(won).hasSize(1);
        assertThat(responses).filteredOn(r -> r.status() != 200).hasSize(EXPERTS - 1)
                .allSatisfy(r -> assertThat(r.at("/type")).isEqualTo("urn:brandcluster:problem:session-slot-taken"));
        String winner = won.getFirst().at("/expert/id");
        assertThat(api.as(secretariatOf(cluster)).get(programmePath(salon)).at("/slots/1/expert/id")).isEqualTo(winner);
        Document stored = mongo.getCollection("salon_programmes")
                .find(new Document("slots._id", slot)).first();
        assertThat(stored).isNotNull();
        List<Document> outbox = stored.getList("outbox", Document.class);
        assertThat(outbox).as("one booked event, no more").singleElement()
                .satisfies(entry -> assertThat(entry.getString("routingKey")).isEqualTo("salons.session.booked.v1"));
        assertThat(stored.getList("slots", Document.class).get(1).getLong("version")).isEqualTo(3L);
    }
}
