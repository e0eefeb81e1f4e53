package com.brandcluster.perf.driver;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * Times membership changes from their commit to the moment they are visible in every consumer's projection. Each
 * change is handed over as membership-service answered it: the membership's id, its version after the change and the
 * history entry's timestamp (taken as the change is made, just before its one-document write). A thread polls the
 * consumers' {@code member_standings} collections every {@value #POLL_MILLIS} ms for the memberships with changes not
 * yet seen everywhere ({@code version} and {@code updatedAt}, the consumer's clock when it applied the event, stored
 * to the millisecond). A change is visible in a projection once its document holds the change's version; its time
 * there is that document's {@code updatedAt}, so the poll interval does not add to the figure. When a later change of
 * the same membership overtook it before a poll saw it, the poll's time stands in (an upper bound; counted as
 * overtaken). A change is visible everywhere at the latest of its projections' times.
 */
public final class Propagation implements AutoCloseable {

    public static final long POLL_MILLIS = 10;

    private final MongoClient client;
    private final List<String> databases;
    private final Map<String, Map<Long, Change>> pending = new ConcurrentHashMap<>();
    private final List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong committed = new AtomicLong();
    private final AtomicLong overtaken = new AtomicLong();
    private final Thread poller;
    private volatile boolean running = true;

    private static final class Change {
        final Instant committedAt;
        final Map<String, Instant> visible = new HashMap<>();

        Change(Instant committedAt) {
            this.committedAt = committedAt;
        }
    }

    /** Starts polling the projections of {@code databases} (each a consumer's database) in the portal's MongoDB. */
    public Propagation(PortalProcess mongo, List<String> databases) {
        this.client = MongoClients.create("mongodb://127.0.0.1:" + mongo.port());
        this.databases = List.copyOf(databases);
        this.poller = Thread.ofPlatform().daemon().name("propagation-poller").start(this::poll);
    }

    /** A change membership-service committed: the membership, its version after it, its history entry's time. */
    public void committed(String membershipId, long version, Instant committedAt) {
        committed.incrementAndGet();
        pending.computeIfAbsent(membershipId, ignored -> new ConcurrentHashMap<>())
                .put(version, new Change(committedAt));
    }

    /** Changes handed over so far. */
    public long changes() {
        return committed.get();
    }

    /** Changes not yet visible in every projection. */
    public long unseen() {
        return pending.values().stream().mapToLong(Map::size).sum();
    }

    /** Changes whose time in a projection is the poll's, a later change having overtaken them. */
    public long overtaken() {
        return overtaken.get();
    }

    /** Milliseconds from commit to visible everywhere, of every change seen so far, in ascending order. */
    public List<Double> latencies() {
        synchronized (latencies) {
            List<Double> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            return sorted;
        }
    }

    /** The {@code percent} percentile of sorted values (nearest rank); NaN when there are none. */
    public static double percentile(List<Double> sorted, double percent) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(sorted.size() * percent / 100.0);
        return sorted.get(Math.min(Math.max(rank, 1), sorted.size()) - 1);
    }

    private void poll() {
        while (running) {
            try {
                pollOnce();
                Thread.sleep(POLL_MILLIS);
            }
            catch (InterruptedException ex) {
                return;
            }
            catch (RuntimeException ex) {
                if (running) {
                    System.err.println("Propagation poll failed: " + ex);
                }
            }
        }
    }

    private void pollOnce() {
        List<String> ids = pending.entrySet().stream().filter(e -> !e.getValue().isEmpty()).map(Map.Entry::getKey)
                .toList();
        if (ids.isEmpty()) {
            return;
        }
        List<Object> stored = new ArrayList<>(ids);
        ids.stream().filter(ObjectId::isValid).map(ObjectId::new).forEach(stored::add);
        for (String database : databases) {
            Instant polled = Instant.now();
            for (Document standing : client.getDatabase(database).getCollection("member_standings")
                    .find(Filters.in("_id", stored)).projection(Projections.include("version", "updatedAt"))) {
                Object rawId = standing.get("_id");
                String id = rawId instanceof ObjectId objectId ? objectId.toHexString() : String.valueOf(rawId);
                long version = standing.get("version", Number.class).longValue();
                Date updatedAt = standing.getDate("updatedAt");
                Map<Long, Change> changes = pending.getOrDefault(id, Map.of());
                changes.forEach((expected, change) -> {
                    if (version >= expected && !change.visible.containsKey(database)) {
                        if (version == expected && updatedAt != null) {
                            change.visible.put(database, updatedAt.toInstant());
                        }
                        else {
                            overtaken.incrementAndGet();
                            change.visible.put(database, polled);
                        }
                    }
                });
            }
        }
        pending.forEach((id, changes) -> changes.entrySet().removeIf(entry -> {
            Change change = entry.getValue();
            if (change.visible.size() < databases.size()) {
                return false;
            }
            Instant last = Collections.max(change.visible.values());
            latencies.add(Duration.between(change.committedAt, last).toNanos() / 1e6);
            return true;
        }));
    }

    @Override
    public void close() {
        running = false;
        poller.interrupt();
        try {
            poller.join(5000);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        client.close();
    }
}
