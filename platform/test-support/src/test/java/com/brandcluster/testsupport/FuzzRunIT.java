package com.brandcluster.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link FuzzRun} against a small HTTP service in this JVM whose database is {@link MongoExtension}'s: it finds a
 * refused write and a read that changed stored data, between runs of requests that changed nothing (and let it skip
 * reading the database again).
 */
@ExtendWith(MongoExtension.class)
class FuzzRunIT {

    private static final String PROBLEM = "{\"status\":400,\"type\":\"urn:test:problem:validation\",\"title\":\"Bad\"}";

    private HttpServer server;

    @BeforeEach
    void service() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/things", exchange -> answer(exchange, 200, "application/json", "[]"));
        server.createContext("/refused", exchange -> answer(exchange, 400, "application/problem+json", PROBLEM));
        server.createContext("/refused-but-stored", exchange -> {
            MongoExtension.database().getCollection("things").insertOne(new Document("kind", "stored anyway"));
            answer(exchange, 400, "application/problem+json", PROBLEM);
        });
        server.createContext("/counted-read", exchange -> {
            MongoExtension.database().getCollection("reads").insertOne(new Document("kind", "a read that writes"));
            answer(exchange, 200, "application/json", "[]");
        });
        server.start();
        MongoExtension.database().getCollection("things").insertOne(new Document("kind", "there before"));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aRunOfRefusedWritesAndReadsThatChangeNothingPasses() {
        FuzzRun.Report report = run().run("clean", 1, List.of(get("/things"), post("/refused"), get("/things"),
                get("/things"), post("/refused"), post("/refused"), get("/things")));

        assertThat(report.failures()).isEmpty();
        assertThat(report.sent()).isEqualTo(7);
    }

    @Test
    void findsARefusedWriteThatStoredData() {
        FuzzRun.Report report = run().run("refused but stored", 1, List.of(get("/things"), post("/refused"),
                get("/things"), post("/refused-but-stored"), get("/things"), post("/refused")));

        assertThat(report.failures()).singleElement().asString()
                .contains("POST /refused-but-stored").contains("refused with 400 but changed stored data")
                .contains("inserted things/");
    }

    @Test
    void findsAReadThatChangedStoredData() {
        FuzzRun.Report report = run().run("counted read", 1, List.of(post("/refused"), get("/things"),
                get("/counted-read"), post("/refused")));

        assertThat(report.failures()).singleElement().asString()
                .contains("reads changed stored data").contains("inserted reads/");
    }

    private FuzzRun run() {
        return FuzzRun.local(server.getAddress().getPort(), Set.of(), request -> null);
    }

    private static ApiFuzzer.Request get(String path) {
        return new ApiFuzzer.Request("GET " + path, "test", "GET", path, null, null);
    }

    private static ApiFuzzer.Request post(String path) {
        return new ApiFuzzer.Request("POST " + path, "test", "POST", path, "application/json",
                "{}".getBytes(StandardCharsets.UTF_8));
    }

    private static void answer(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getRequestBody().readAllBytes();
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
