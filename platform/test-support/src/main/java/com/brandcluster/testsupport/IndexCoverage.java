package com.brandcluster.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.mongodb.client.MongoDatabase;
import org.bson.BsonDocument;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks every query shape {@link QueryRecorder} saw in this JVM against the indexes of its collection: a query is
 * covered when an index starts with one of the fields its filter names, or, for a filter that names none, with the
 * field it sorts by first (MongoDB then reads the index instead of every document). A query that reads a whole
 * collection without sorting needs a reason (e.g. a collection with one document per cluster). With a real MongoDB
 * ({@code MONGODB_URI}) each shape's first query is also explained, and a plan with a collection scan fails; the
 * embedded server cannot explain.
 * <p>
 * Run it after a service's other integration tests, in the same JVM (their queries are what it checks).
 */
public final class IndexCoverage {

    private static final Logger log = LoggerFactory.getLogger(IndexCoverage.class);

    private IndexCoverage() {
    }

    /**
     * Fails listing each recorded shape that no index covers and that {@code exempted} does not give a reason for
     * (keys {@code <collection> from <Class.method>}), each exemption that matched nothing, and a run that recorded
     * fewer than {@code minimumShapes} (the check run alone, without the tests whose queries it checks).
     */
    public static void assertEveryQueryIndexed(int minimumShapes, Map<String, String> exempted) {
        MongoDatabase database = MongoExtension.client().getDatabase(MongoExtension.databaseName());
        List<QueryRecorder.Shape> shapes = QueryRecorder.shapes().stream()
                .sorted(Comparator.comparing(QueryRecorder.Shape::toString)).toList();
        Map<String, List<List<String>>> indexes = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        Set<String> usedExemptions = new TreeSet<>();
        int covered = 0;
        StringBuilder table = new StringBuilder("# Queries and their indexes\n\n| query | served by |\n|---|---|\n");
        for (QueryRecorder.Shape shape : shapes) {
            List<List<String>> keys = indexes.computeIfAbsent(shape.collection(), c -> indexKeys(database, c));
            String exemption = shape.collection() + " from " + shape.origin();
            List<String> index = keys.stream().filter(key -> covers(key, shape)).findFirst().orElse(null);
            table.append("| ").append(shape).append(" | ").append(index != null ? "index " + index
                    : exempted.getOrDefault(exemption, "NONE")).append(" |\n");
            if (index != null) {
                covered++;
            }
            else if (exempted.containsKey(exemption)) {
                usedExemptions.add(exemption);
            }
            else {
                failures.add(shape + ": no index of " + shape.collection() + " " + keys + " starts with "
                        + (shape.filter().isEmpty() ? "its sort field" : "one of its fields")
                        + (shape.filter().isEmpty() && shape.sort().isEmpty() ? " (it reads the whole collection: "
                        + "give the reason in the exemptions)" : ""));
            }
        }
        if (System.getenv(MongoExtension.MONGODB_URI_ENV) != null) {
            QueryRecorder.samples().forEach((shape, command) -> {
                String plan = explain(database, command);
                if (plan.contains("COLLSCAN") && !usedExemptions.contains(shape.collection() + " from "
                        + shape.origin())) {
                    failures.add(shape + ": MongoDB plans a collection scan: " + plan);
                }
            });
        }
        Set<String> unused = new TreeSet<>(exempted.keySet());
        unused.removeAll(usedExemptions);
        unused.forEach(key -> failures.add("exemption " + key + " matched no uncovered query: remove it"));
        write(table.toString());
        log.info("index coverage: {} query shapes recorded, {} covered by an index, {} exempted with a reason, "
                + "{} failures", shapes.size(), covered, usedExemptions.size(), failures.size());
        if (shapes.size() < minimumShapes) {
            failures.add("only " + shapes.size() + " query shapes recorded, expected at least " + minimumShapes
                    + ": run this check after the module's other integration tests, in the same JVM");
        }
        if (!failures.isEmpty()) {
            throw new AssertionError("queries without an index:\n  " + String.join("\n  ", failures));
        }
    }

    /** Whether an index with these keys serves the query (see the class comment). */
    static boolean covers(List<String> indexKey, QueryRecorder.Shape shape) {
        return shape.filter().contains(indexKey.getFirst()) || shape.filter().isEmpty() && !shape.sort().isEmpty()
                && shape.sort().getFirst().equals(indexKey.getFirst());
    }

    /** The table of queries and indexes in {@code target/index-coverage.md}, for review. */
    private static void write(String table) {
        try {
            Path file = Path.of("target", "index-coverage.md");
            Files.createDirectories(file.getParent());
            Files.writeString(file, table);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static List<List<String>> indexKeys(MongoDatabase database, String collection) {
        List<List<String>> keys = new ArrayList<>();
        for (Document index : database.getCollection(collection).listIndexes()) {
            keys.add(List.copyOf(index.get("key", Document.class).keySet()));
        }
        return keys;
    }

    private static String explain(MongoDatabase database, BsonDocument command) {
        Document plan = database.runCommand(new Document("explain", command).append("verbosity", "queryPlanner"));
        return plan.toJson();
    }
}
