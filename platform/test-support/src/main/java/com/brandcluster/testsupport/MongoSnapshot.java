package com.brandcluster.testsupport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.mongodb.client.MongoDatabase;
import org.bson.RawBsonDocument;

/**
 * Every document of every collection of a database (but the excluded ones), to compare before and after requests
 * that must not change stored data.
 */
public final class MongoSnapshot {

    private final Map<String, Map<Object, RawBsonDocument>> collections;

    private MongoSnapshot(Map<String, Map<Object, RawBsonDocument>> collections) {
        this.collections = collections;
    }

    /** Reads every collection of {@code database} whose name is not in {@code excluded}. */
    public static MongoSnapshot of(MongoDatabase database, Set<String> excluded) {
        Map<String, Map<Object, RawBsonDocument>> collections = new TreeMap<>();
        for (String name : database.listCollectionNames()) {
            if (excluded.contains(name) || name.startsWith("system.")) {
                continue;
            }
            Map<Object, RawBsonDocument> documents = new LinkedHashMap<>();
            for (RawBsonDocument document : database.getCollection(name, RawBsonDocument.class).find()
                    .batchSize(1_000)) {
                documents.put(document.get("_id"), document);
            }
            collections.put(name, documents);
        }
        return new MongoSnapshot(collections);
    }

    /** The number of documents in the snapshot. */
    public int documents() {
        return collections.values().stream().mapToInt(Map::size).sum();
    }

    /**
     * The updates and deletions from this snapshot to {@code later} of documents that held one of {@code values}
     * (in any field, as text): {@code updated|deleted <collection>/<_id>}.
     */
    public List<String> changesHolding(MongoSnapshot later, Set<String> values) {
        List<String> changes = new ArrayList<>();
        collections.forEach((name, before) -> {
            Map<Object, RawBsonDocument> after = later.collections.getOrDefault(name, Map.of());
            before.forEach((id, document) -> {
                RawBsonDocument now = after.get(id);
                if (!document.equals(now) && holdsAny(document, values)) {
                    changes.add((now == null ? "deleted " : "updated ") + name + "/" + id);
                }
            });
        });
        return changes;
    }

    private static boolean holdsAny(RawBsonDocument document, Set<String> values) {
        String json = document.toJson();
        return values.stream().anyMatch(json::contains);
    }

    /** What changed from this snapshot to {@code later}: {@code inserted|updated|deleted <collection>/<_id>}. */
    public List<String> changesTo(MongoSnapshot later) {
        List<String> changes = new ArrayList<>();
        Set<String> names = new TreeSet<>(collections.keySet());
        names.addAll(later.collections.keySet());
        for (String name : names) {
            Map<Object, RawBsonDocument> before = collections.getOrDefault(name, Map.of());
            Map<Object, RawBsonDocument> after = later.collections.getOrDefault(name, Map.of());
            before.forEach((id, document) -> {
                RawBsonDocument now = after.get(id);
                if (now == null) {
                    changes.add("deleted " + name + "/" + id);
                }
                else if (!now.equals(document)) {
                    changes.add("updated " + name + "/" + id);
                }
            });
            after.keySet().stream().filter(id -> !before.containsKey(id))
                    .forEach(id -> changes.add("inserted " + name + "/" + id));
        }
        return changes;
    }
}
