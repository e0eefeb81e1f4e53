package com.brandcluster.events.registration;

import com.brandcluster.events.EventsIntegrationTest;
import com.brandcluster.events.event.ExchangeEvent;
import com.brandcluster.testsupport.ApiClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seat limits under concurrency, in this JVM's one service instance: the only guard is the conditional writes in
 * MongoDB, which instances sharing the database rely on just the same (the two-instance run is a system test). A
 * watcher samples the event's seat count throughout, so an over-fill that is later undone would still be seen.
 */
class RegistrationConcurrencyIT extends EventsIntegrationTest {

    private static final int CONTENDERS = 200;

    private ExecutorService pool;
    private final AtomicInteger maxSeatsSeen = new AtomicInteger();

    @BeforeEach
    void threads() {
        pool = Executors.newFixedThreadPool(64);
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void twoHundredMembersRacingForTheLastSeatsNeverOverfillTheEventAndTheRestAreWaitlisted() throws Exception {
        String cluster = cluster();
        String event = published(cluster, 10, 1);
        for (int i = 0; i < 7; i++) {
            assertThat(register(event, member(cluster), 1).at("/status")).isEqualTo("CONFIRMED");
        }
        List<String> enterprises = new ArrayList<>();
        for (int i = 0; i < CONTENDERS; i++) {
            enterprises.add(member(cluster));
        }

        List<ApiClient.Response> responses = race(event, enterprises.stream()
                .<Callable<ApiClient.Response>>map(enterprise -> () -> register(event, enterprise, 1)).toList());

        assertThat(responses).extracting(ApiClient.Response::status).containsOnly(201);
        assertThat(responses).filteredOn(r -> r.at("/status").equals("CONFIRMED")).hasSize(3);
        assertThat(responses).filteredOn(r -> r.at("/status").equals("WAITLISTED")).hasSize(CONTENDERS - 3);
        ExchangeEvent stored = event(event);
        assertThat(stored.seatsTaken()).isEqualTo(10);
        assertThat(maxSeatsSeen.get()).isLessThanOrEqualTo(10);
        assertThat(count(event, Registration.Status.CONFIRMED)).isEqualTo(10);
        assertThat(count(event, Registration.Status.WAITLISTED)).isEqualTo(CONTENDERS - 3);
    }

    @Test
    void oneEnterpriseRegisteringFromManyThreadsNeverExceedsItsSeats() throws Exception {
        String cluster = cluster();
        String event = published(cluster, 100, 2);
        String enterprise = member(cluster);

        List<ApiClient.Response> responses = race(event, Collections.nCopies(50,
                () -> register(event, enterprise, 1)));

        assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(2);
        assertThat(responses).filteredOn(r -> r.status() == 422)
                .allSatisfy(r -> assertThat(r.at("/type")).endsWith(":enterprise-seats-exceeded")).hasSize(48);
        assertThat(event(event).seatsTaken()).isEqualTo(2);
        assertThat(mongo.findById(EnterpriseSeats.key(event, enterprise), EnterpriseSeats.class).seats()).isEqualTo(2);
        assertThat(maxSeatsSeen.get()).isLessThanOrEqualTo(2);
    }

    @Test
    void aPendingRegistrationApprovedFromManyThreadsTakesItsSeatsOnce() throws Exception {
        String cluster = cluster();
        String event = published(cluster, Map.of("registrationPolicy", "APPROVAL", "capacity", 10));
        String registration = register(event, member(cluster), 3).at("/id");
        String secretariat = secretariatOf(cluster);

        List<ApiClient.Response> responses = race(event, Collections.nCopies(30, () -> api.as(secretariat)
                .post("/api/events/registrations/" + registration + "/approval", null)));

        assertThat(responses).filteredOn(r -> r.status() == 200).hasSize(1);
        assertThat(responses).filteredOn(r -> r.status() == 409).hasSize(29);
        assertThat(event(event).seatsTaken()).isEqualTo(3);
        assertThat(maxSeatsSeen.get()).isLessThanOrEqualTo(10);
    }

    @Test
    void anApprovalRunningElsewhereRefusesASecondOneUntilItsClaimIsStale() {
        String cluster = cluster();
        String event = published(cluster, Map.of("registrationPolicy", "APPROVAL", "capacity", 10));
        String registration = register(event, member(cluster), 3).at("/id");
        String secretariat = secretariatOf(cluster);
        String claim = registration + ":" + mongo.findById(registration, Registration.class).version();
        mongo.insert(new ApprovalClaims.Claim(claim, Instant.now()));

        ApiClient.Response refused = api.as(secretariat).post("/api/events/registrations/" + registration + "/approval",
                null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.at("/type")).endsWith(":approval-in-progress");
        assertThat(event(event).seatsTaken()).isZero();

        mongo.save(new ApprovalClaims.Claim(claim, Instant.now().minus(ApprovalClaims.STALE).minusSeconds(1)));
        ApiClient.Response approved = api.as(secretariat).post("/api/events/registrations/" + registration
                + "/approval", null);
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.at("/status")).isEqualTo("CONFIRMED");
        assertThat(event(event).seatsTaken()).isEqualTo(3);
        assertThat(mongo.findById(claim, ApprovalClaims.Claim.class)).as("the claim is given back").isNull();
    }

    @Test
    void aConfirmedRegistrationCancelledFromManyThreadsFreesItsSeatsOnce() throws Exception {
        String cluster = cluster();
        String event = published(cluster, 5, 2);
        String enterprise = member(cluster);
        register(event, member(cluster), 2);
        String registration = register(event, enterprise, 2).at("/id");
        String user = enterpriseUser(enterprise);

        List<ApiClient.Response> responses = race(event, Collections.nCopies(30, () -> api.as(user)
                .post("/api/events/registrations/" + registration + "/cancellation", null)));

        assertThat(responses).filteredOn(r -> r.status() == 200).hasSize(1);
        assertThat(responses).filteredOn(r -> r.status() == 409).hasSize(29);
        assertThat(event(event).seatsTaken()).isEqualTo(2);
        assertThat(mongo.findById(EnterpriseSeats.key(event, enterprise), EnterpriseSeats.class).seats()).isZero();
    }

    /** Starts every task at the same moment while a watcher samples the event's seat count. */
    private <T> List<T> race(String event, List<? extends Callable<T>> tasks) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (Callable<T> task : tasks) {
            futures.add(pool.submit(() -> {
                start.await();
                return task.call();
            }));
        }
        AtomicBoolean watching = new AtomicBoolean(true);
        Supplier<Integer> seats = () -> event(event).seatsTaken();
        Thread watcher = Thread.ofVirtual().start(() -> {
            while (watching.get()) {
                maxSeatsSeen.accumulateAndGet(seats.get(), Math::max);
            }
        });
        start.countDown();
        List<T> results = new ArrayList<>();
        try {
            for (Future<T> future : futures) {
                results.add(future.get());
            }
        } finally {
            watching.set(false);
            watcher.join();
        }
        return results;
    }

    private long count(String event, Registration.Status status) {
        return mongo.count(Query.query(Criteria.where("exchangeEventId").is(event).and("status").is(status)),
                Registration.class);
    }
}
