package com.brandcluster.testsupport;

import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Records the shape of every query a service's own code sends to MongoDB in this JVM: the collection, the fields its
 * filter names and the fields it sorts by, with the service method that sent it. The queries of test code (classes
 * compiled to {@code test-classes}) are left out: a test may look its data up however it likes. {@link IndexCoverage}
 * then checks the shapes against the indexes the service declared.
 * <p>
 * Registered in every Spring test context of a JVM that has test-support on its class path, by
 * {@link QueryRecorderAutoConfiguration}; reads ({@code find}, {@code aggregate}, {@code count}, {@code distinct}) and
 * the filters of writes ({@code update}, {@code delete}, {@code findAndModify}) count alike.
 */
public final class QueryRecorder implements CommandListener {

    /** One kind of query: the same collection, filter fields and sort fields, from the same place. */
    public record Shape(String collection, Set<String> filter, List<String> sort, String origin) {

        @Override
        public String toString() {
            return collection + " " + filter + (sort.isEmpty() ? "" : " sorted by " + sort) + " from " + origin;
        }
    }

    static final QueryRecorder INSTANCE = new QueryRecorder();

    private static final Set<String> OPERATORS_OF_BRANCHES = Set.of("$or", "$nor");
    private static final StackWalker STACK = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    private final Map<Shape, BsonDocument> shapes = new ConcurrentHashMap<>();
    private final Map<Class<?>, Boolean> testClasses = new ConcurrentHashMap<>();

    private QueryRecorder() {
    }

    /** The shapes recorded so far in this JVM. */
    public static Set<Shape> shapes() {
        return Set.copyOf(INSTANCE.shapes.keySet());
    }

    /** The first command of each shape, without its session and routing fields (to explain it). */
    static Map<Shape, BsonDocument> samples() {
        return Map.copyOf(INSTANCE.shapes);
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        if (!event.getDatabaseName().equals(MongoExtension.databaseName())) {
            return;
        }
        BsonDocument command = event.getCommand();
        String name = event.getCommandName();
        List<BsonDocument> filters = new ArrayList<>();
        BsonDocument sort = null;
        switch (name) {
            case "find" -> {
                filters.add(document(command, "filter"));
                sort = document(command, "sort");
            }
            case "count", "distinct", "findAndModify" -> {
                filters.add(document(command, "query"));
                sort = document(command, "sort");
            }
            case "aggregate" -> {
                BsonArray pipeline = command.getArray("pipeline", new BsonArray());
                BsonDocument first = pipeline.isEmpty() ? new BsonDocument() : pipeline.get(0).asDocument();
                filters.add(document(first, "$match"));
                sort = pipeline.stream().map(BsonValue::asDocument).filter(stage -> stage.containsKey("$sort"))
                        .map(stage -> stage.getDocument("$sort")).findFirst().orElse(null);
            }
            case "update" -> command.getArray("updates").forEach(u -> filters.add(document(u.asDocument(), "q")));
            case "delete" -> command.getArray("deletes").forEach(d -> filters.add(document(d.asDocument(), "q")));
            default -> {
                return;
            }
        }
        String collection = command.get(name).isString() ? command.getString(name).getValue() : null;
        if (collection == null || collection.startsWith("system.")) {
            return;
        }
        Optional<String> origin = origin();
        if (origin.isEmpty()) {
            return;
        }
        List<String> sortFields = sort == null ? List.of() : List.copyOf(sort.keySet());
        for (BsonDocument filter : filters) {
            for (Set<String> fields : branches(filter)) {
                shapes.computeIfAbsent(new Shape(collection, fields, sortFields, origin.get()),
                        shape -> withoutSession(command));
            }
        }
    }

    private static BsonDocument withoutSession(BsonDocument command) {
        // a copy: the event's document is only valid while the listener runs
        BsonDocument sample = BsonDocument.parse(command.toJson());
        sample.keySet().removeIf(key -> key.startsWith("$") || key.equals("lsid") || key.equals("txnNumber"));
        return sample;
    }

    private static BsonDocument document(BsonDocument parent, String key) {
        BsonValue value = parent.get(key);
        return value != null && value.isDocument() ? value.asDocument() : new BsonDocument();
    }

    /**
     * The field sets of a filter: one, or one per branch of an {@code $or} (each branch must find an index of its
     * own); {@code $and} merges its parts; other top-level operators ({@code $expr}) name no field. A field matched
     * with {@code $elemMatch} on its elements' own fields names those ({@code outbox.sentAt}), as a multikey index
     * on them serves it.
     */
    static List<Set<String>> branches(BsonDocument filter) {
        return branches(filter, "");
    }

    private static List<Set<String>> branches(BsonDocument filter, String prefix) {
        List<Set<String>> branches = new ArrayList<>();
        branches.add(new LinkedHashSet<>());
        for (Map.Entry<String, BsonValue> entry : filter.entrySet()) {
            String key = entry.getKey();
            if (key.equals("$and")) {
                for (BsonValue part : entry.getValue().asArray()) {
                    branches = cross(branches, branches(part.asDocument(), prefix));
                }
            }
            else if (OPERATORS_OF_BRANCHES.contains(key)) {
                List<Set<String>> alternatives = new ArrayList<>();
                for (BsonValue alternative : entry.getValue().asArray()) {
                    alternatives.addAll(cross(branches, branches(alternative.asDocument(), prefix)));
                }
                branches = alternatives.isEmpty() ? branches : alternatives;
            }
            else if (!key.startsWith("$")) {
                List<Set<String>> elements = elementBranches(entry.getValue(), prefix + key);
                if (elements != null) {
                    branches = cross(branches, elements);
                }
                else {
                    branches.forEach(branch -> branch.add(prefix + key));
                }
            }
        }
        return branches;
    }

    /**
     * The field sets of an {@code $elemMatch} on the fields of an array's elements, prefixed with the array's path;
     * {@code null} when the condition is anything else (an {@code $elemMatch} on plain values names the array).
     */
    private static List<Set<String>> elementBranches(BsonValue condition, String path) {
        if (!condition.isDocument() || !condition.asDocument().containsKey("$elemMatch")
                || !condition.asDocument().get("$elemMatch").isDocument()) {
            return null;
        }
        List<Set<String>> elements = branches(condition.asDocument().getDocument("$elemMatch"), path + ".");
        return elements.stream().anyMatch(Set::isEmpty) ? null : elements;
    }

    /** Every branch merged with every other branch. */
    private static List<Set<String>> cross(List<Set<String>> branches, List<Set<String>> others) {
        List<Set<String>> merged = new ArrayList<>();
        for (Set<String> branch : branches) {
            for (Set<String> other : others) {
                Set<String> both = new LinkedHashSet<>(branch);
                both.addAll(other);
                merged.add(both);
            }
        }
        return merged;
    }

    /**
     * The service method that sent the command: the nearest frame of the portal's own main code, or nothing when the
     * nearest portal frame is test code (a test inspecting its data).
     */
    private Optional<String> origin() {
        return STACK.walk(frames -> frames
                .filter(frame -> frame.getClassName().startsWith("com.brandcluster.")
                        && !frame.getClassName().startsWith("com.brandcluster.testsupport."))
                .findFirst()
                .filter(frame -> !isTestClass(frame.getDeclaringClass()))
                .map(frame -> frame.getDeclaringClass().getSimpleName() + "." + frame.getMethodName()));
    }

    private boolean isTestClass(Class<?> type) {
        return testClasses.computeIfAbsent(type, t -> {
            CodeSource source = t.getProtectionDomain().getCodeSource();
            return source != null && source.getLocation() != null
                    && source.getLocation().toString().contains("/test-classes/");
        });
    }
}
