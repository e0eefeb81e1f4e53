package com.brandcluster.salons.salon;

import com.brandcluster.platform.security.Caller;
import com.brandcluster.platform.security.Roles;
import com.brandcluster.testsupport.ApiClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The last seat under concurrency. Both variants run against the one service instance of the shared test context
 * (a second Spring context is not allowed in the shared cache): 200 simultaneous HTTP requests, and 200 threads
 * calling the application service directly. Either way the only guard is the conditional writes in MongoDB, which is
 * what several instances sharing the database rely on too; the two-instance run belongs in system-tests.
 */
class SalonConcurrencyIT extends SalonIntegrationTest {

    private static final int CONTENDERS = 200;

    @Autowired
    Registrations registrations;

    private ExecutorService pool;
    private final AtomicInteger maxSeatsSeen = new AtomicInteger();
    private final AtomicBoolean watching = new AtomicBoolean();

    @BeforeEach
    void threads() {
        pool = Executors.newFixedThreadPool(64);
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void twoHundredSimultaneousHttpRegistrationsForTheLastSeatGiveExactlyOneConfirmation() throws Exception {
        String cluster = uniqueCluster();
        String salon = lastSeatLeft(cluster);
        List<String> enterprises = members(cluster, CONTENDERS);

        List<Integer> statuses = new ArrayList<>();
        List<String> states = new ArrayList<>();
        for (ApiClient.Response response : race(salon, enterprises, enterprise -> register(salon, enterprise, 1))) {
            statuses.add(response.status());
            states.add(response.at("/status"));
        }

        assertThat(statuses).containsOnly(201);
        assertThat(states).filteredOn("CONFIRMED"::equals).hasSize(1);
        assertThat(states).filteredOn("WAITLISTED"::equals).hasSize(CONTENDERS - 1);
        assertSeatsNeverExceeded(salon);
    }

    @Test
    void twoHundredThreadsCallingTheServiceForTheLastSeatGiveExactlyOneConfirmation() throws Exception {
        String cluster = uniqueCluster();
        String salon = lastSeatLeft(cluster);
        List<String> enterprises = members(cluster, CONTENDERS);
        SalonRequests.Register request = new SalonRequests.Register(
                List.of(new SalonRequests.AttendeeRequest("Li Ming", "li@example.com", null)));

        List<Registration> results = race(salon, enterprises, enterprise -> registrations.register(salon, request,
                new Caller("user-of-" + enterprise, null, null, Set.of(Roles.ENTERPRISE), enterprise, Set.of())));

        assertThat(results).extracting(Registration::status).filteredOn(Registration.Status.CONFIRMED::equals).hasSize(1);
        assertThat(results).extracting(Registration::status).filteredOn(Registration.Status.WAITLISTED::equals)
                .hasSize(CONTENDERS - 1);
        assertSeatsNeverExceeded(salon);
    }

    @Test
    void oneEnterpriseRegisteringFromManyThreadsNeverExceedsItsSeats() throws Exception {
        String cluster = uniqueCluster();
        String salon = createSalon(cluster, 100, 2);
        String enterprise = member(cluster);

        List<ApiClient.Response> responses = race(salon, java.util.Collections.nCopies(50, enterprise),
                e -> register(salon, e, 1));

        assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(2);
        assertThat(responses).filteredOn(r -> r.status() == 422)
                .allSatisfy(r -> assertThat(r.at("/type")).endsWith(":enterprise-seats-exceeded")).hasSize(48);
        assertThat(salon(salon).seatsTaken()).isEqualTo(2);
        assertThat(mongo.findById(EnterpriseSeats.key(salon, enterprise), EnterpriseSeats.class).seats()).isEqualTo(2);
        assertThat(maxSeatsSeen.get()).isLessThanOrEqualTo(2);
    }

    @Test
    void aRegistrationCancelledFromManyThreadsFreesItsSeatsOnce() throws Exception {
        String cluster = uniqueCluster();
        String salon = createSalon(cluster, 5, 2);
        String enterprise = member(cluster);
        String other = member(cluster);
        register(salon, other, 2);
        String registration = register(salon, enterprise, 2).at("/id");
        String secretariat = secretariatOf(cluster);

        List<ApiClient.Response> responses = race(salon, java.util.Collections.nCopies(30, enterprise),
                e -> api.as(secretariat).post("/api/salons/registrations/" + registration + "/cancellation", null));

        assertThat(responses).filteredOn(r -> r.status() == 200).hasSize(1);
        assertThat(responses).filteredOn(r -> r.status() == 409).hasSize(29);
        assertThat(salon(salon).seatsTaken()).isEqualTo(2);
        assertThat(mongo.findById(EnterpriseSeats.key(salon, enterprise), EnterpriseSeats.class).seats()).isZero();
    }

    /** A salon with capacity 3 of which 2 seats are taken. */
    private String lastSeatLeft(String cluster) {
        String salon = createSalon(cluster, 3, 1);
        assertThat(register(salon, member(cluster), 1).at("/status")).isEqualTo("CONFIRMED");
        assertThat(register(salon, member(cluster), 1).at("/status")).isEqualTo("CONFIRMED");
        return salon;
    }

    private List<String> members(String cluster, int count) {
        List<String> enterprises = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            enterprises.add(member(cluster));
        }
        return enterprises;
    }

    /** Starts one task per enterprise at the same moment while a watcher samples the salon's seat count. */
    private <T> List<T> race(String salon, List<String> enterprises, Function<String, T> task) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (String enterprise : enterprises) {
            Callable<T> call = () -> {
                start.await();
                return task.apply(enterprise);
            };
            futures.add(pool.submit(call));
        }
        watching.set(true);
        Thread watcher = Thread.ofVirtual().start(() -> {
            while (watching.get()) {
                maxSeatsSeen.accumulateAndGet(salon(salon).seatsTaken(), Math::max);
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

    private void assertSeatsNeverExceeded(String salon) {
        Salon stored = salon(salon);
        assertThat(stored.seatsTaken()).isEqualTo(stored.capacity());
        assertThat(maxSeatsSeen.get()).isLessThanOrEqualTo(stored.capacity());
        assertThat(mongo.count(Query.query(Criteria.where("salonId").is(salon).and("status").is("CONFIRMED")),
                Registration.class)).isEqualTo(stored.capacity());
        assertThat(mongo.count(Query.query(Criteria.where("salonId").is(salon).and("status").is("WAITLISTED")),
                Registration.class)).isEqualTo(CONTENDERS - 1);
    }
}
