package com.brandcluster.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link FuzzRun}'s mass-assignment probes against a small service of its own that refuses every probe naming the
 * field: the background work a test's fixtures started (an outbox relay marking their events sent) is not blamed on
 * the probes, while a refused probe that stores something still fails the run; both when the run reads the whole
 * database after every probe and when it reads it only after the client's {@link MongoWrites} counted a write.
 */
class FuzzRunTest {

    private static final JsonNode DOCUMENT = Json.parse("""
            {"openapi": "3.1.0", "paths": {
              "/api/things": {"post": {"requestBody": {"content": {"application/json": {
                "schema": {"type": "object", "properties": {"title": {"type": "string"}}}}}}}}}}
            """);
    private static final List<ApiFuzzer.Probe> PROBES = ApiFuzzer.forDocument(DOCUMENT, 1)
            .massAssignment(ApiFuzzer.SENSITIVE_FIELDS);

    private MongoServer mongoServer;
    private MongoClient mongoClient;
    private MongoDatabase database;
    private MongoWrites writes;
    private HttpServer http;
    private ScheduledExecutorService relay;
    private volatile boolean storesWhatItRefuses;

    @BeforeEach
    void start() throws IOException {
        mongoServer = new MongoServer(new MemoryBackend());
        InetSocketAddress mongoAddress = mongoServer.bind();
        writes = new MongoWrites();
        mongoClient = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://" + mongoAddress.getHostString() + ":"
                        + mongoAddress.getPort()))
                .addCommandListener(writes).build());
        database = mongoClient.getDatabase("fuzz");
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/api/", this::refuse);
        http.start();
        relay = Executors.newSingleThreadScheduledExecutor();
    }

    @AfterEach
    void stop() {
        relay.shutdownNow();
        http.stop(0);
        mongoClient.close();
        mongoServer.shutdown();
    }

    @ParameterizedTest(name = "writes counted: {0}")
    @ValueSource(booleans = {false, true})
    void theFixturesBackgroundWorkIsNotBlamedOnTheProbesThatFollow(boolean writesCounted) {
        FuzzRun run = run(writesCounted);
        fixtureWhoseEventIsRelayedShortlyAfter();

        FuzzRun.Report report = run.probe("things mass assignment", 1, PROBES);

        assertThat(report.failures()).isEmpty();
        assertThat(report.sent()).isEqualTo(ApiFuzzer.SENSITIVE_FIELDS.size());
        Document thing = database.getCollection("things").find().first();
        assertThat(thing.getList("outbox", Document.class).getFirst().get("sentAt")).as("relayed meanwhile")
                .isNotNull();
    }

    @ParameterizedTest(name = "writes counted: {0}")
    @ValueSource(booleans = {false, true})
    void aRefusedProbeThatStoresStillFailsTheRun(boolean writesCounted) {
        FuzzRun run = run(writesCounted);
        fixtureWhoseEventIsRelayedShortlyAfter();
        storesWhatItRefuses = true;

        FuzzRun.Report report = run.probe("things mass assignment", 1, PROBES);

        assertThat(report.failures()).hasSize(ApiFuzzer.SENSITIVE_FIELDS.size())
                .allSatisfy(failure -> assertThat(failure).contains("changed stored data"));
    }

    @Test
    void withWritesCountedTheDatabaseIsReadAgainOnlyAfterAWrite() {
        database.getCollection("things").insertOne(new Document("_id", "t1"));

        FuzzRun.Report quiet = run(true).probe("things mass assignment", 1, PROBES);
        storesWhatItRefuses = true;
        FuzzRun.Report storing = run(true).probe("things mass assignment", 1, PROBES);
        storesWhatItRefuses = false;
        FuzzRun.Report everyTime = run(false).probe("things mass assignment", 1, PROBES);

        assertThat(quiet.failures()).isEmpty();
        assertThat(quiet.snapshots()).as("the settling reads only").isEqualTo(2);
        assertThat(storing.snapshots()).isEqualTo(2 + ApiFuzzer.SENSITIVE_FIELDS.size());
        assertThat(everyTime.snapshots()).isEqualTo(2 + ApiFuzzer.SENSITIVE_FIELDS.size());
    }

    @Test
    void countsFinishedWritesPerCollectionButNotReadsOrExcludedCollections() {
        database.getCollection("things").insertOne(new Document("_id", "t1"));
        database.getCollection("things").updateOne(Filters.eq("_id", "t1"), Updates.set("title", "lamp"));
        database.getCollection("leases").insertOne(new Document("_id", "l1"));
        database.getCollection("things").find().first();
        database.getCollection("things").countDocuments();
        database.getCollection("things").aggregate(List.of(new Document("$match", new Document()))).first();
        mongoClient.getDatabase("other").getCollection("things").insertOne(new Document("_id", "o1"));

        assertThat(writes.count("fuzz", Set.of("leases"))).isEqualTo(2);
        assertThat(writes.count("fuzz", Set.of())).isEqualTo(3);
        assertThat(writes.count("other", Set.of())).isEqualTo(1);
    }

    /** A thing saved with a pending event, which a relay marks sent a moment later (while probes would run). */
    private void fixtureWhoseEventIsRelayedShortlyAfter() {
        database.getCollection("things").insertOne(new Document("_id", "t1")
                .append("outbox", List.of(new Document("eventId", "e1").append("sentAt", null))));
        relay.schedule(() -> database.getCollection("things").updateOne(Filters.eq("_id", "t1"),
                Updates.set("outbox.0.sentAt", "now")), 30, TimeUnit.MILLISECONDS);
    }

    private FuzzRun run(boolean writesCounted) {
        String url = "http://127.0.0.1:" + http.getAddress().getPort();
        return writesCounted ? new FuzzRun(url, database, Set.of(), request -> null, () -> writes.count("fuzz", Set.of()))
                : new FuzzRun(url, database, Set.of(), request -> null);
    }

    /** Answers 400 naming the request's first field, a little slowly, having stored it if told to. */
    private void refuse(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode body = Json.parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String field = body.propertyNames().iterator().next();
            if (storesWhatItRefuses) {
                database.getCollection("attempts").insertOne(new Document("field", field));
            }
            Thread.sleep(20);
            byte[] problem = ("{\"type\": \"about:blank\", \"title\": \"Bad Request\", \"status\": 400, "
                    + "\"errors\": [{\"field\": \"" + field + "\"}]}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
            exchange.sendResponseHeaders(400, problem.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(problem);
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
