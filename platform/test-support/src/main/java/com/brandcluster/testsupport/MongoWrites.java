package com.brandcluster.testsupport;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.mongodb.event.CommandFailedEvent;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.event.CommandSucceededEvent;
import org.bson.BsonArray;
import org.bson.BsonValue;

/**
 * Counts the commands that may change stored data, per database and collection, as the MongoDB clients it listens to
 * finish them. Every command but the known reads counts, so a command this list does not know can only make a check
 * look again, never miss a change. A command counts when it has finished (succeeded or failed: a failed
 * {@code insert} of many documents may have stored some), so a count read before a snapshot of the data and unchanged
 * after it proves that nothing those clients sent changed the data since.
 * <p>
 * {@link #INSTANCE} listens to the client of every Spring Boot context in a JVM with test-support on its class path
 * ({@link QueryRecorderAutoConfiguration}): it is how {@link FuzzRun#local} knows, without reading the whole database
 * again, that a refused request wrote nothing.
 */
public final class MongoWrites implements CommandListener {

    /** The counter of every Spring test context's MongoDB client in this JVM. */
    public static final MongoWrites INSTANCE = new MongoWrites();

    /** Commands that never change stored data (the drivers' reads, cursors, sessions and handshakes). */
    private static final Set<String> READS = Set.of("find", "getMore", "killCursors", "count", "distinct",
            "listCollections", "listIndexes", "listDatabases", "dbStats", "collStats", "explain", "hello", "isMaster",
            "ismaster", "ping", "buildInfo", "buildinfo", "endSessions", "saslStart", "saslContinue", "getLastError",
            "serverStatus", "connectionStatus");
    /** The key of a command that names no collection: it counts for every collection. */
    private static final String ANY_COLLECTION = "*";

    private final Map<Integer, String> inFlight = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> finished = new ConcurrentHashMap<>();

    /** A counter of its own, for a client built by hand (add it to the client's settings). */
    public MongoWrites() {
    }

    /**
     * The writes finished so far to {@code database}, in every collection but {@code excluded} and the
     * {@code system.} ones; a write that names no collection counts too.
     */
    public long count(String database, Set<String> excluded) {
        String prefix = database + '.';
        long count = 0;
        for (Map.Entry<String, AtomicLong> entry : finished.entrySet()) {
            if (!entry.getKey().startsWith(prefix)) {
                continue;
            }
            String collection = entry.getKey().substring(prefix.length());
            if (collection.equals(ANY_COLLECTION)
                    || !(excluded.contains(collection) || collection.startsWith("system."))) {
                count += entry.getValue().get();
            }
        }
        return count;
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        String name = event.getCommandName();
        if (READS.contains(name) || (name.equals("aggregate") && !writesOut(event))) {
            return;
        }
        BsonValue target = event.getCommand().get(name);
        String collection = target != null && target.isString() ? target.asString().getValue() : ANY_COLLECTION;
        // the driver numbers the requests of all its clients in a JVM from one counter
        inFlight.put(event.getRequestId(), event.getDatabaseName() + '.' + collection);
    }

    @Override
    public void commandSucceeded(CommandSucceededEvent event) {
        finish(event.getRequestId());
    }

    @Override
    public void commandFailed(CommandFailedEvent event) {
        finish(event.getRequestId());
    }

    private void finish(int requestId) {
        String target = inFlight.remove(requestId);
        if (target != null) {
            finished.computeIfAbsent(target, t -> new AtomicLong()).incrementAndGet();
        }
    }

    /** An aggregation writes only with an {@code $out} or {@code $merge} stage. */
    private static boolean writesOut(CommandStartedEvent event) {
        String pipeline = event.getCommand().getArray("pipeline", new BsonArray()).toString();
        return pipeline.contains("\"$out\"") || pipeline.contains("\"$merge\"");
    }
}
