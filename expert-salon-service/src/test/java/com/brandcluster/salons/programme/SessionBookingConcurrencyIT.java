package com.brandcluster.salons.programme;

import com.brandcluster.testsupport.ApiClient;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
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
        List<Callable<ApiClient.Response>> bookings = new ArrayList<>();
        for (int i = 0; i < EXPERTS; i++) {
            String token = expertToken(expertServing(cluster));
            bookings.add(() -> api.as(token).post(slotPath(salon, slot) + "/booking", null));
        }

        List<ApiClient.Response> responses = race(bookings);

        List<ApiClient.Response> won = responses.stream().filter(r -> r.status() == 200).toList();
        assertThat(won).hasSize(1);
        assertThat(responses).filteredOn(r -> r.status() != 200).hasSize(EXPERTS - 1)
                .allSatisfy(r -> assertThat(r.at("/type")).isEqualTo("urn:brandcluster:problem:session-slot-taken"));
        String winner = won.getFirst().at("/expert/id");
        assertThat(api.as(secretariatOf(cluster)).get(programmePath(salon)).at("/slots/1/expert/id")).isEqualTo(winner);
        Document stored = mongo.getCollection("salon_programmes").find(new Document("slots._id", slot)).first();
        assertThat(stored).isNotNull();
        assertThat(stored.getList("outbox", Document.class)).as("one booked event, no more").singleElement()
                .satisfies(entry -> assertThat(entry.getString("routingKey")).isEqualTo("salons.session.booked.v1"));
        assertThat(stored.getList("slots", Document.class).get(1).getLong("version")).isEqualTo(3L);
    }

    @Test
    void programmeEditsRacingWithABookingNeverUndoIt() throws Exception {
        String cluster = uniqueCluster();
        String salon = salonWithOpenSlots(cluster);
        LocalDateTime start = startOf(salon);
        List<String> ids = List.of(slotId(salon, cluster, 0), slotId(salon, cluster, 1), slotId(salon, cluster, 2));
        String secretariat = secretariatOf(cluster);
        List<Callable<ApiClient.Response>> changes = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            List<Map<String, Object>> slots = threeSlots(start);
            List<Map<String, Object>> renamed = new ArrayList<>();
            for (int s = 0; s < 3; s++) {
                Map<String, Object> slot = kept(ids.get(s), slots.get(s));
                slot.put("title", "Edit " + i);
                renamed.add(slot);
            }
            changes.add(() -> api.as(secretariat).put(programmePath(salon), Map.of("slots", renamed)));
            String token = expertToken(expertServing(cluster));
            changes.add(() -> api.as(token).post(slotPath(salon, ids.get(1)) + "/booking", null));
        }

        List<ApiClient.Response> responses = race(changes);

        List<ApiClient.Response> bookings = responses.stream().filter(r -> r.raw().request().method().equals("POST"))
                .toList();
        assertThat(bookings).filteredOn(r -> r.status() == 200).hasSize(1);
        assertThat(responses.stream().filter(r -> r.raw().request().method().equals("PUT")).map(ApiClient.Response::status))
                .isSubsetOf(200, 409).contains(200);
        String winner = bookings.stream().filter(r -> r.status() == 200).findFirst().orElseThrow().at("/expert/id");
        ApiClient.Response programme = api.as(secretariat).get(programmePath(salon));
        assertThat(programme.at("/slots/1/state")).as("no PUT read before the booking wrote after it").isEqualTo("BOOKED");
        assertThat(programme.at("/slots/1/expert/id")).isEqualTo(winner);
        assertThat(programme.json().get("slots")).hasSize(3);
    }

    /** Starts all calls at the same moment and returns their answers, in order. */
    private static List<ApiClient.Response> race(List<Callable<ApiClient.Response>> calls) throws Exception {
        List<ApiClient.Response> responses = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<ApiClient.Response>> futures = new ArrayList<>();
            for (Callable<ApiClient.Response> call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            for (Future<ApiClient.Response> future : futures) {
                responses.add(future.get());
            }
        }
        return responses;
    }
}
