package com.brandcluster.system.faults;

import com.brandcluster.system.faults.Deliveries.Counts;
import com.brandcluster.system.support.Members;
import com.brandcluster.system.support.Members.Member;
import com.brandcluster.system.support.Portal;
import com.brandcluster.system.support.PortalSystemTest;
import com.brandcluster.testsupport.ApiClient;
import com.brandcluster.testsupport.FaultProxy;
import com.brandcluster.testsupport.KeycloakExtension;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * RabbitMQ unreachable while the secretariat changes members: {@value #DEFAULT_CHANGES} suspensions and reinstatements
 * of {@value #DEFAULT_MEMBERS} members from {@value #THREADS} threads, with the broker gone for 20 s in the middle. Afterwards
 * every consumer's copy of every membership holds its last change, every change reached every consumer and none was
 * applied twice.
 * <p>
 * By default the broker is "gone" because every service's connection to it is cut (the fault proxies), which is safe
 * on a machine whose broker other builds use. The real broker restart ({@code rabbitmqctl stop_app} and
 * {@code start_app}) runs where nothing else uses the broker: with {@code CI=true} or
 * {@code -Dfaults.broker-restart=true}. The long variant ({@code -Pfaults-long}) makes more changes
 * ({@code faults.changes}) of more members ({@code faults.members}, so that each membership sees about a hundred
 * changes, not a thousand) through several outages ({@code faults.outages}).
 */
@PortalSystemTest
@Order(Integer.MAX_VALUE - 4)
class BrokerOutageIT {

    static final int DEFAULT_CHANGES = 2_000;
    static final int DEFAULT_MEMBERS = 20;
    static final int THREADS = 4;
    private static final int CHANGES = Integer.getInteger("faults.changes", DEFAULT_CHANGES);
    private static final int MEMBERS = Integer.getInteger("faults.members", DEFAULT_MEMBERS);
    private static final int OUTAGES = Integer.getInteger("faults.outages", 1);
    private static final Duration OUTAGE = Duration.ofSeconds(Integer.getInteger("faults.outage-seconds", 20));
    private static final Duration CONVERGENCE = Duration.ofMinutes(3);

    private final Portal portal = Portal.get();
    private final MembershipCopies copies = new MembershipCopies(portal);

    /** How the broker goes away and comes back. */
    private interface Outage {

        void begin();

        void end();
    }

    @AfterEach
    void restore() {
        portal.restoreFaults();
    }

    @Test
    void everyChangeReachesEveryConsumerOnceAcrossABrokerOutage() {
        Map<String, FaultProxy> proxies = portal.rabbitProxies();
        run("connections to RabbitMQ cut", new Outage() {
            @Override
            public void begin() {
                proxies.values().forEach(FaultProxy::cut);
            }

            @Override
            public void end() {
                proxies.values().forEach(FaultProxy::restore);
            }
        });
    }

    @Test
    @EnabledIf("brokerRestartAllowed")
    void everyChangeReachesEveryConsumerOnceAcrossABrokerRestart() {
        run("rabbitmqctl stop_app / start_app", new Outage() {
            @Override
            public void begin() {
                rabbitmqctl("stop_app");
            }

            @Override
            public void end() {
                rabbitmqctl("start_app");
                rabbitmqctl("await_startup");
            }
        });
    }

    /** The real broker is stopped only where nothing else uses it: in CI, or when asked for. */
    static boolean brokerRestartAllowed() {
        return "true".equals(System.getenv("CI")) || Boolean.getBoolean("faults.broker-restart");
    }

    private void run(String fault, Outage outage) {
        List<Member> members = Members.newInLighting(portal, MEMBERS);
        Map<String, Member> byMembership = new HashMap<>();
        members.forEach(m -> byMembership.put(MembershipCopies.id(copies.membership("lighting", m.enterpriseId())), m));
        Set<String> ids = byMembership.keySet();
        awaitEveryCopyAtItsLastVersion(ids, Duration.ofSeconds(60));
        List<Deliveries> deliveries = List.of(
                Deliveries.from(portal.events(), Deliveries.STANDING),
                Deliveries.from(portal.salons(), Deliveries.STANDING),
                Deliveries.from(portal.assets(), Deliveries.STANDING),
                Deliveries.from(portal.notifications(), Deliveries.DIRECTORY));

        Instant started = Instant.now();
        AtomicInteger made = new AtomicInteger();
        AtomicInteger madeDuringOutages = new AtomicInteger();
        ConcurrentLinkedQueue<String> refused = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            List<Member> own = new ArrayList<>();
            for (int i = t; i < members.size(); i += THREADS) {
                own.add(members.get(i));
            }
            int quota = CHANGES / THREADS + (t < CHANGES % THREADS ? 1 : 0);
            workers.add(pool.submit(() -> change(own, quota, made, refused)));
        }
        List<Duration> outages = new ArrayList<>();
        for (int o = 1; o <= OUTAGES; o++) {
            int startAt = CHANGES * o / (OUTAGES + 1) - CHANGES / (4 * (OUTAGES + 1));
            await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(50))
                    .until(() -> made.get() >= startAt || workers.stream().allMatch(Future::isDone));
            int atStart = made.get();
            Instant down = Instant.now();
            outage.begin();
            try {
                hold(OUTAGE);
            } finally {
                outage.end();
            }
            madeDuringOutages.addAndGet(made.get() - atStart);
            outages.add(Duration.between(down, Instant.now()));
        }
        workers.forEach(BrokerOutageIT::join);
        pool.shutdown();
        Duration changing = Duration.between(started, Instant.now());
        assertThat(refused).as("changes refused while the broker was away").isEmpty();
        assertThat(made.get()).isEqualTo(CHANGES);
        assertThat(madeDuringOutages.get()).as("changes made while the broker was away").isPositive();

        Instant restored = Instant.now();
        awaitEveryCopyAtItsLastVersion(ids, CONVERGENCE);
        Duration converged = Duration.between(restored, Instant.now());

        Map<String, Document> committed = copies.memberships(ids);
        List<String> changeEvents = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (Document membership : committed.values()) {
            keys.add(membership.getString("memberNumber"));
            keys.add(MembershipCopies.id(membership));
            for (Document entry : MembershipCopies.outbox(membership)) {
                if (entry.getString("routingKey").equals("membership.member.status-changed.v1")) {
                    changeEvents.add(MembershipCopies.eventId(entry));
                }
            }
        }
        assertThat(changeEvents).as("status events committed").hasSize(CHANGES);
        long published = portal.database("membership").getCollection("outbox_sent")
                .countDocuments(new Document("_id", new Document("$in", changeEvents)));
        await().atMost(CONVERGENCE).pollInterval(Duration.ofSeconds(1))
                .until(() -> copies.notificationsBySource(changeEvents).size()
                == changeEvents.size());
        Map<String, Integer> notified = copies.notificationsBySource(changeEvents);

        StringBuilder report = new StringBuilder(String.format(
                "BrokerOutageIT (%s): %d changes of %d members in %d s from %d threads, %d of them during %d outage(s) "
                        + "of %s; %d status events committed, %d published (confirmed); every copy at the last version "
                        + "%d ms after the last change%n",
                fault, made.get(), MEMBERS, changing.toSeconds(), THREADS, madeDuringOutages.get(), OUTAGES,
                outages.stream().map(d -> d.toMillis() / 1000.0 + " s").collect(Collectors.joining(", ")),
                changeEvents.size(), published, converged.toMillis()));
        for (Deliveries consumer : deliveries) {
            Counts counts = consumer.count(keys);
            report.append(String.format("  %-24s deliveries handled %5d, applied %5d, lost 0 (copy at the last "
                            + "version), applied twice %d%n", consumer.consumer(), counts.handled(),
                    counts.applications(), counts.appliedTwice()));
            assertThat(counts.appliedTwice()).as(consumer.consumer() + ": versions applied twice").isZero();
        }
        long duplicated = notified.values().stream().filter(n -> n > 1).count();
        report.append(String.format("  %-24s inbox notifications %5d of %d events, lost %d, twice %d%n",
                "notification-service", notified.size(), changeEvents.size(),
                changeEvents.size() - notified.size(), duplicated));
        System.out.print(report);
        assertThat(published).as("status events published").isEqualTo(changeEvents.size());
        assertThat(notified).as("one inbox notification per event").hasSize(changeEvents.size());
        assertThat(duplicated).isZero();
    }

    private void change(List<Member> own, int quota, AtomicInteger made, ConcurrentLinkedQueue<String> refused) {
        ApiClient gateway = portal.viaGateway();
        Map<String, Boolean> suspended = new HashMap<>();
        for (int i = 0; i < quota; i++) {
            Member member = own.get(i % own.size());
            boolean suspend = !suspended.getOrDefault(member.enterpriseId(), false);
            ApiClient secretariat = gateway.as(KeycloakExtension.passwordToken("secretariat-lighting",
                    KeycloakExtension.DEMO_PASSWORD));
            ApiClient.Response response = secretariat.post("/api/membership/clusters/lighting/members/"
                            + member.enterpriseId() + (suspend ? "/suspension" : "/reinstatement"),
                    Map.of("reason", suspend ? "Fault test: suspended" : "Fault test: reinstated"));
            if (response.status() == 200) {
                suspended.put(member.enterpriseId(), suspend);
                made.incrementAndGet();
            } else {
                refused.add(response.toString());
                return;
            }
        }
    }

    /** Waits until each consumer's copy of each membership holds the membership's version in membership-service. */
    private void awaitEveryCopyAtItsLastVersion(Set<String> ids, Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Map<String, Long> last = versions(copies.memberships(ids));
            for (MembershipCopies.Copy copy : MembershipCopies.COPIES) {
                Map<String, Long> copied = copies.versions(copy, ids);
                Map<String, Long> expected = new HashMap<>(last);
                if (copy.collection().equals("membership_status_seen")
                        || copy.collection().equals("member_booking_flags")) {
                    // these copies keep only status changes: no entry before the first one
                    expected.values().removeIf(version -> version == 1);
                }
                assertThat(copied).as("%s: lost changes (membership id -> version)", copy).containsAllEntriesOf(expected);
            }
        });
    }

    private static Map<String, Long> versions(Map<String, Document> memberships) {
        Map<String, Long> versions = new HashMap<>();
        memberships.forEach((id, membership) -> versions.put(id, MembershipCopies.version(membership)));
        return versions;
    }

    private static void hold(Duration outage) {
        try {
            Thread.sleep(outage);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void join(Future<?> worker) {
        try {
            worker.get(10, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new IllegalStateException("A worker failed", e);
        }
    }

    private static void rabbitmqctl(String command) {
        try {
            Process process = new ProcessBuilder("rabbitmqctl", command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException("rabbitmqctl " + command + " failed (it needs root or the rabbitmq "
                        + "user's Erlang cookie on this machine): " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("rabbitmqctl is not on the PATH", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
