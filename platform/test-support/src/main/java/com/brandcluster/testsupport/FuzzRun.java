package com.brandcluster.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.LongSupplier;

import com.mongodb.client.MongoDatabase;
import org.awaitility.Awaitility;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Sends {@link ApiFuzzer} requests to a running service, one after the other, and checks every answer: never a 5xx,
 * every 4xx an RFC 9457 problem detail ({@code application/problem+json} whose {@code status} is the answer's), and
 * no stored document changed by a request the service refused. The database ({@link MongoSnapshot}) is compared
 * after every refused write and after each run of reads with the one before. An accepted write may start background
 * work (the outbox relay, the service's own listeners) that changes data a little later: when a change shows up
 * after such a write, the run waits until the data stops changing and sends the suspect requests again, so only a
 * change they make themselves counts.
 * Collections that change on their own (the relay's leases and sent log) are excluded by name.
 * <p>
 * Reading the whole database after every request is what makes a run slow, so where the service's MongoDB client
 * counts its writes ({@link MongoWrites}: every Spring test context's client, so {@link #local} runs), the database is
 * read again only when a write has finished since the last reading; otherwise that reading is still the data.
 */
public final class FuzzRun {

    /**
     * Collections every service's comparison leaves out: the outbox relay's leases (renewed on their own schedule,
     * whatever the requests) and its log of sent events (written when it publishes what an earlier accepted request
     * saved).
     */
    public static final Set<String> OUTBOX_COLLECTIONS = Set.of("outbox_relay_leases", "outbox_sent");

    private static final Logger log = LoggerFactory.getLogger(FuzzRun.class);
    private static final int SHOWN_FAILURES = 25;
    private static final Duration SETTLE_POLL = Duration.ofMillis(100);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final MongoDatabase database;
    private final Set<String> excludedCollections;
    private final Function<ApiFuzzer.Request, String> tokens;
    /** The writes that may have changed the compared data so far, or null: read the database after every request. */
    private final LongSupplier writes;
    private MongoSnapshot lastSnapshot;
    private long writesAtLastSnapshot;
    private int snapshots;

    /**
     * @param baseUrl             the service, e.g. {@code http://127.0.0.1:8081}
     * @param database            its database
     * @param excludedCollections collections left out of the comparison (say why where this is called)
     * @param tokens              the bearer token for a request (null for none)
     */
    public FuzzRun(String baseUrl, MongoDatabase database, Set<String> excludedCollections,
            Function<ApiFuzzer.Request, String> tokens) {
        this(baseUrl, database, excludedCollections, tokens, null);
    }

    /**
     * A run that reads the database again only after {@code writes} counted a write to it: every client that writes
     * to {@code database} must be counted by {@code writes} (see {@link MongoWrites#count}).
     */
    public FuzzRun(String baseUrl, MongoDatabase database, Set<String> excludedCollections,
            Function<ApiFuzzer.Request, String> tokens, LongSupplier writes) {
        this.baseUrl = baseUrl;
        this.database = database;
        this.excludedCollections = Set.copyOf(excludedCollections);
        this.tokens = tokens;
        this.writes = writes;
    }

    /**
     * A run against the service on {@code port} of this JVM, whose database is {@link MongoExtension}'s and whose
     * writes {@link MongoWrites#INSTANCE} counts (as it does for every Spring test context).
     */
    public static FuzzRun local(int port, Set<String> excludedCollections, Function<ApiFuzzer.Request, String> tokens) {
        String databaseName = MongoExtension.databaseName();
        Set<String> excluded = Set.copyOf(excludedCollections);
        return new FuzzRun("http://127.0.0.1:" + port, MongoExtension.client().getDatabase(databaseName), excluded,
                tokens, () -> MongoWrites.INSTANCE.count(databaseName, excluded));
    }

    /**
     * Sends every malformed request {@code fuzzer} generates and fails on any failure (see {@link #run}) or when fewer
     * than {@code minimum} were sent (a document that lost its operations).
     */
    public Report assertRefusesMalformedRequests(String service, ApiFuzzer fuzzer, int minimum) {
        Report report = run(service + " fuzzing", fuzzer.seed(), fuzzer.requests());
        report.assertNoFailures();
        if (report.sent() < minimum) {
            throw new AssertionError(report.summary() + ": expected at least " + minimum + " requests");
        }
        return report;
    }

    /** Every paged operation answers a page above its maximum size with a 400 problem. */
    public Report assertRefusesOversizedPages(String service, ApiFuzzer fuzzer) {
        List<ApiFuzzer.Request> requests = fuzzer.oversizedPages();
        Report report = expect(service + " page sizes", fuzzer.seed(), requests, 400);
        report.assertNoFailures();
        return report;
    }

    /**
     * Every write operation refuses each {@link ApiFuzzer#SENSITIVE_FIELDS sensitive field} its request schema lacks
     * with a 400 naming it and stores nothing; the sensitive fields its schema has are exactly the keys of
     * {@code legitimate} (operation and field, e.g. {@code POST /api/things id}, with the reason the operation may
     * take it), so a new one cannot go unnoticed.
     */
    public Report assertRefusesMassAssignment(String service, ApiFuzzer fuzzer, Map<String, String> legitimate) {
        List<ApiFuzzer.Probe> probes = fuzzer.massAssignment(ApiFuzzer.SENSITIVE_FIELDS);
        Report report = probe(service + " mass assignment", fuzzer.seed(), probes);
        report.assertNoFailures();
        List<String> found = ApiFuzzer.legitimate(probes);
        log.info("{}: sensitive fields that request schemas have: {}", service, found);
        if (!new java.util.HashSet<>(found).equals(legitimate.keySet()) || report.sent() == 0) {
            throw new AssertionError(service + ": the sensitive fields in request schemas are " + found
                    + ", the reasoned ones " + legitimate.keySet() + " (" + report.sent() + " probes sent)");
        }
        return report;
    }

    /** Sends every request and checks its answer; the report lists what failed. */
    public Report run(String name, long seed, List<ApiFuzzer.Request> requests) {
        Report report = new Report(name, seed);
        snapshots = 0;
        // from settled data: the test's fixtures are accepted writes too, and their background work may still run
        MongoSnapshot baseline = settled();
        // true after an accepted write: what it started in the background (the outbox relay publishing, the
        // service's own listeners) may still change data
        boolean unsettled = false;
        List<ApiFuzzer.Request> reads = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < requests.size(); i++) {
            ApiFuzzer.Request request = requests.get(i);
            Answer answer = send(request);
            report.count(answer.status());
            check(report, i, request, answer);
            if (request.writes() && answer.status() < 400) {
                baseline = snapshot();
                unsettled = true;
                continue;
            }
            if (!request.writes()) {
                reads.add(request);
                if (i + 1 < requests.size() && !requests.get(i + 1).writes()) {
                    continue;
                }
            }
            List<ApiFuzzer.Request> suspects = request.writes() ? List.of(request) : List.copyOf(reads);
            reads.clear();
            MongoSnapshot after = current();
            List<String> changes = baseline.changesTo(after);
            if (!changes.isEmpty() && unsettled) {
                // the changes may be background work: let it finish, then send the suspects again and compare
                baseline = settled();
                unsettled = false;
                boolean refusedAgain = true;
                for (ApiFuzzer.Request suspect : suspects) {
                    Answer again = send(suspect);
                    check(report, i, suspect, again);
                    refusedAgain &= !suspect.writes() || again.status() >= 400;
                }
                after = current();
                changes = refusedAgain ? baseline.changesTo(after) : List.of();
            }
            if (!changes.isEmpty()) {
                report.fail(i, suspects.getFirst(), (request.writes() ? "refused with " + answer.status() + " but"
                        : "reads") + " changed stored data: " + abbreviate(changes));
                report.changedDocuments += changes.size();
            }
            baseline = after;
        }
        report.finish(started, snapshots);
        log.info("{}", report.summary());
        return report;
    }

    /**
     * Sends each mass-assignment probe and checks that it is refused with a 400 problem naming the field, with
     * nothing stored.
     */
    public Report probe(String name, long seed, List<ApiFuzzer.Probe> probes) {
        Report report = new Report(name, seed);
        snapshots = 0;
        // from settled data: the test's fixtures are accepted writes too, and their background work may still run
        MongoSnapshot baseline = settled();
        long started = System.nanoTime();
        for (int i = 0; i < probes.size(); i++) {
            ApiFuzzer.Probe probe = probes.get(i);
            if (probe.legitimate()) {
                continue;
            }
            Answer answer = send(probe.request());
            report.count(answer.status());
            check(report, i, probe.request(), answer);
            if (answer.status() != 400 || !namesField(answer.body(), probe.field())) {
                report.fail(i, probe.request(), "expected 400 naming " + probe.field() + ", got " + answer);
            }
            MongoSnapshot after = current();
            List<String> changes = baseline.changesTo(after);
            if (!changes.isEmpty()) {
                report.fail(i, probe.request(), "changed stored data: " + abbreviate(changes));
                report.changedDocuments += changes.size();
            }
            baseline = after;
        }
        report.finish(started, snapshots);
        log.info("{}", report.summary());
        return report;
    }

    /** Sends each request and checks that it is answered with {@code status} and a problem detail. */
    public Report expect(String name, long seed, List<ApiFuzzer.Request> requests, int status) {
        Report report = new Report(name, seed);
        long started = System.nanoTime();
        for (int i = 0; i < requests.size(); i++) {
            Answer answer = send(requests.get(i));
            report.count(answer.status());
            check(report, i, requests.get(i), answer);
            if (answer.status() != status) {
                report.fail(i, requests.get(i), "expected " + status + ", got " + answer);
            }
        }
        report.finish(started, 0);
        log.info("{}", report.summary());
        return report;
    }

    private void check(Report report, int index, ApiFuzzer.Request request, Answer answer) {
        if (answer.status() < 0) {
            report.fail(index, request, "no answer: " + answer.body());
        }
        else if (answer.status() >= 500) {
            report.fail(index, request, "answered " + answer);
        }
        else if (answer.status() >= 400 && !isProblem(answer)) {
            report.fail(index, request, "answered a 4xx that is not a problem detail: " + answer);
        }
    }

    private static boolean isProblem(Answer answer) {
        return Json.isProblem(answer.status(), answer.contentType(), answer.body());
    }

    private static boolean namesField(String body, String field) {
        try {
            JsonNode problem = Json.parse(body);
            for (JsonNode error : problem.path("errors")) {
                if (field.equals(error.path("field").asString())) {
                    return true;
                }
            }
            return false;
        }
        catch (JacksonException ex) {
            return false;
        }
    }

    /**
     * The data once the background work an accepted request started (the outbox relay publishing its events, the
     * service's own listeners consuming them) has finished: two snapshots in a row, {@link #SETTLE_POLL} apart, equal.
     */
    private MongoSnapshot settled() {
        MongoSnapshot[] last = {snapshot()};
        Awaitility.await("stored data settling after an accepted request").pollDelay(SETTLE_POLL)
                .pollInterval(SETTLE_POLL).atMost(Duration.ofSeconds(20)).until(() -> {
                    MongoSnapshot now = snapshot();
                    boolean stable = last[0].changesTo(now).isEmpty();
                    last[0] = now;
                    return stable;
                });
        return last[0];
    }

    private MongoSnapshot snapshot() {
        // the count first: a write that finishes while the data are read counts after it, and so is read next time
        writesAtLastSnapshot = writes == null ? 0 : writes.getAsLong();
        snapshots++;
        lastSnapshot = MongoSnapshot.of(database, excludedCollections);
        return lastSnapshot;
    }

    /** The data now: the last snapshot when no write has finished since it was taken, otherwise a new one. */
    private MongoSnapshot current() {
        if (writes != null && lastSnapshot != null && writes.getAsLong() == writesAtLastSnapshot) {
            return lastSnapshot;
        }
        return snapshot();
    }

    private Answer send(ApiFuzzer.Request request) {
        HttpRequest.Builder builder;
        try {
            builder = HttpRequest.newBuilder(URI.create(baseUrl + request.path()));
        }
        catch (IllegalArgumentException ex) {
            return new Answer(-1, "", "the client cannot send this URI: " + ex.getMessage());
        }
        builder.timeout(Duration.ofSeconds(30)).header("Accept", "application/json, application/problem+json")
                .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        if (request.contentType() != null) {
            builder.header("Content-Type", request.contentType());
        }
        String token = tokens.apply(request);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        }
        catch (IOException ex) {
            return new Answer(-1, "", ex.toString());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private static String abbreviate(List<String> changes) {
        return changes.size() <= 5 ? changes.toString()
                : changes.subList(0, 5) + " and " + (changes.size() - 5) + " more";
    }

    private record Answer(int status, String contentType, String body) {

        @Override
        public String toString() {
            return status + " " + contentType + " " + (body.length() > 300 ? body.substring(0, 300) + "..." : body);
        }
    }

    /** What a run sent, how the service answered and what failed. */
    public static final class Report {

        private final String name;
        private final long seed;
        private final Map<Integer, Integer> statuses = new TreeMap<>();
        private final List<String> failures = new ArrayList<>();
        private int sent;
        private int changedDocuments;
        private long millis;
        private int snapshots;

        Report(String name, long seed) {
            this.name = name;
            this.seed = seed;
        }

        private void count(int status) {
            sent++;
            statuses.merge(status, 1, Integer::sum);
        }

        private void fail(int index, ApiFuzzer.Request request, String what) {
            failures.add("#" + index + " " + request + ": " + what);
        }

        private void finish(long startedNanos, int snapshotsTaken) {
            millis = (System.nanoTime() - startedNanos) / 1_000_000;
            snapshots = snapshotsTaken;
        }

        public int sent() {
            return sent;
        }

        /** How often the whole database was read to compare it. */
        public int snapshots() {
            return snapshots;
        }

        /** Answers with a status of 500 or more (or none at all). */
        public int serverErrors() {
            return statuses.entrySet().stream().filter(e -> e.getKey() >= 500 || e.getKey() < 0)
                    .mapToInt(Map.Entry::getValue).sum();
        }

        /** Answers with a 2xx or 3xx status. */
        public int accepted() {
            return statuses.entrySet().stream().filter(e -> e.getKey() >= 200 && e.getKey() < 400)
                    .mapToInt(Map.Entry::getValue).sum();
        }

        /** Documents changed by requests that were refused. */
        public int changedDocuments() {
            return changedDocuments;
        }

        public List<String> failures() {
            return List.copyOf(failures);
        }

        public String summary() {
            return name + ": " + sent + " requests (seed " + seed + ") in " + millis + " ms, answers by status "
                    + statuses + ", " + serverErrors() + " server errors, " + accepted() + " accepted, "
                    + changedDocuments + " documents changed by refused requests (database read " + snapshots
                    + " times), " + failures.size() + " failures";
        }

        /** Fails listing the first failures, with the seed to replay them. */
        public void assertNoFailures() {
            if (failures.isEmpty()) {
                return;
            }
            StringBuilder message = new StringBuilder(summary()).append(". Replay with -D")
                    .append(ApiFuzzer.SEED_PROPERTY).append('=').append(seed).append(':');
            failures.stream().limit(SHOWN_FAILURES).forEach(f -> message.append("\n  ").append(f));
            if (failures.size() > SHOWN_FAILURES) {
                message.append("\n  ...");
            }
            throw new AssertionError(message.toString());
        }
    }
}
