package com.brandcluster.salons.consultation;

import com.brandcluster.salons.availability.SlotCalendar;
import com.brandcluster.salons.expert.Topic;
import com.brandcluster.testsupport.ApiClient;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bookings racing for the same expert time or the same hours, as simultaneous HTTP requests against the one instance
 * of the shared test context. The only guards are MongoDB's unique index and conditional writes, which is what
 * several instances sharing the database rely on as well; the run against two instances belongs in system-tests.
 */
class ConsultationConcurrencyIT extends ConsultationIntegrationTest {

    private static final int CONTENDERS = 200;

    private ExecutorService pool;

    @BeforeEach
    void threads() {
        pool = Executors.newFixedThreadPool(64);
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void twoHundredEnterprisesBookingTheSameSlotAtOnceGiveExactlyOneBooking() throws Exception {
        String cluster = cluster();
        String expertId = expertIn(cluster);
        Instant start = at(3, 10);
        List<String> enterprises = IntStream.range(0, CONTENDERS).mapToObj(i -> member(cluster)).toList();

        List<ApiClient.Response> responses = race(enterprises.stream()
                .map(enterprise -> (Callable<ApiClient.Response>) () -> book(enterprise, expertId, cluster, start))
                .toList());

        assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
        assertThat(responses).filteredOn(r -> r.status() == 409).hasSize(CONTENDERS - 1)
                .allSatisfy(r -> assertThat(r.at("/type")).isEqualTo("urn:brandcluster:problem:slot-taken"));
        assertThat(standing(expertId)).isEqualTo(1);
        String winner = responses.stream().filter(r -> r.status() == 201).findFirst().orElseThrow()
                .at("/enterpriseId");
        assertThat(enterprises).allSatisfy(enterprise -> assertThat(usedMinutes(cluster, enterprise))
                .as("hours of %s", enterprise).isEqualTo(enterprise.equals(winner) ? 60 : 0));
        assertThat(mongo.findById(ExpertDays.id(expertId, start.atZone(SHANGHAI).toLocalDate()),
                ExpertDays.Ledger.class).sessions()).singleElement();
    }

    @Test
    void parallelBookingsOfOneEnterpriseNeverUseMoreThanItsHours() throws Exception {
        String cluster = uniqueCluster();
        tiers(cluster, 3);
        String enterprise = member(cluster);
        String expertId = expertIn(cluster);
        List<Instant> slots = IntStream.range(0, 20).mapToObj(i -> at(2 + i / 10, 8 + i % 10)).toList();

        List<ApiClient.Response> responses = race(slots.stream()
                .map(slot -> (Callable<ApiClient.Response>) () -> book(enterprise, expertId, cluster, slot))
                .toList());

        assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(3);
        assertThat(responses).filteredOn(r -> r.status() == 422).hasSize(17).allSatisfy(r -> assertThat(r.at("/type"))
                .isEqualTo("urn:brandcluster:problem:consultation-hours-exceeded"));
        assertThat(usedMinutes(cluster, enterprise)).isEqualTo(180);
        assertThat(standing(expertId)).isEqualTo(3);
    }

    @Test
    void parallelBookingsOfNeighbouringSlotsKeepBuffersAndTheDailyMaximum() throws Exception {
        String cluster = cluster();
        String expertId = expertIn(cluster, availability(60, 15, 3, false, 24 * 60));
        List<Instant> slots = IntStream.range(8, 20).mapToObj(hour -> at(3, hour)).toList();
        List<String> enterprises = slots.stream().map(slot -> member(cluster)).toList();

        List<ApiClient.Response> responses = race(IntStream.range(0, slots.size())
                .mapToObj(i -> (Callable<ApiClient.Response>) () ->
                        book(enterprises.get(i), expertId, cluster, slots.get(i)))
                .toList());

        // twelve slots in a row: at most three, no two next to each other, and three always fit
        List<Instant> booked = responses.stream().filter(r -> r.status() == 201)
                .map(r -> Instant.parse(r.at("/start"))).sorted().toList();
        assertThat(booked).hasSize(3);
        for (int i = 1; i < booked.size(); i++) {
            assertThat(Duration.between(booked.get(i - 1), booked.get(i))).isGreaterThanOrEqualTo(Duration.ofHours(2));
        }
        assertThat(responses).filteredOn(r -> r.status() != 201).hasSize(9).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(409);
            assertThat(r.at("/type")).isIn("urn:brandcluster:problem:slot-taken",
                    "urn:brandcluster:problem:expert-day-full");
        });
        assertThat(standing(expertId)).isEqualTo(3);
    }

    @Test
    void theSlotKeyAloneLetsOneOfManySimultaneousWritesHoldASlotUntilItIsCancelled() throws Exception {
        String cluster = cluster();
        Instant start = at(3, 10);
        SlotCalendar.Slot slot = new SlotCalendar.Slot(start, start.plus(Duration.ofHours(1)));

        List<Boolean> inserted = race(IntStream.range(0, CONTENDERS).mapToObj(i -> (Callable<Boolean>) () -> {
            try {
                mongo.insert(consultation(cluster, "expert-x", slot));
                return true;
            } catch (DuplicateKeyException taken) {
                return false;
            }
        }).toList());

        assertThat(inserted).filteredOn(Boolean::booleanValue).hasSize(1);
        Consultation holder = mongo.findOne(Query.query(Criteria.where("slotKey").is("expert-x@" + start)),
                Consultation.class);
        holder.cancel(Consultation.Party.EXPERT, "expert-x", "Ill", Instant.now());
        mongo.save(holder);
        Consultation next = mongo.insert(consultation(cluster, "expert-x", slot));
        next.cancel(Consultation.Party.EXPERT, "expert-x", "Ill again", Instant.now());
        mongo.save(next);
        assertThat(mongo.insert(consultation(cluster, "expert-x", slot)).slotKey())
                .as("cancelled bookings hold no key, so they never collide").isEqualTo("expert-x@" + start);
    }

    private static Consultation consultation(String cluster, String expertId, SlotCalendar.Slot slot) {
        return Consultation.book(new ObjectId().toHexString(), new Consultation.Booking(cluster, "ent-1", expertId,
                        "Wang Lei", "Asia/Shanghai", Topic.DESIGN, null), slot, true, Duration.ofHours(24),
                "account", "user", Instant.now());
    }

    /** Starts every call at the same moment and collects the answers. */
    private <T> List<T> race(List<Callable<T>> calls) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (Callable<T> call : calls) {
            futures.add(pool.submit(() -> {
                start.await();
                return call.call();
            }));
        }
        start.countDown();
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            results.add(future.get());
        }
        return Collections.unmodifiableList(results);
    }
}
