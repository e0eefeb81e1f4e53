package com.brandcluster.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link AccessMatrix} against a small service of its own whose checks can be broken one at a time: a correct service
 * passes, and each hole (a read anyone may make, a refused write that stores anyway, a private value in a refusal, a
 * forgotten operation, a right caller who is refused) fails the run, naming the operation and the caller.
 */
class AccessMatrixTest {

    private static final JsonNode DOCUMENT = Json.parse("""
            {"openapi": "3.1.0", "paths": {
              "/api/things/{id}": {"get": {}},
              "/api/things/{id}/notes": {"post": {}},
              "/api/public": {"get": {}}}}
            """);
    private static final String SECRET = "Alice's secret plan";
    private static final AccessMatrix.Identity ALICE = AccessMatrix.Identity.enterpriseUser("alice", "enterprise-a");

    private MongoServer mongoServer;
    private MongoClient mongoClient;
    private MongoDatabase database;
    private HttpServer http;
    private boolean anyoneReads;
    private boolean storesBeforeChecking;
    private boolean refusalNamesTheTitle;
    private boolean publicPageCountsVisits;

    @BeforeEach
    void start() throws IOException {
        mongoServer = new MongoServer(new MemoryBackend());
        mongoClient = MongoClients.create("mongodb://" + hostAndPort(mongoServer.bind()));
        database = mongoClient.getDatabase("matrix");
        database.getCollection("things").insertOne(new Document("_id", "t1").append("owner", "alice")
                .append("title", SECRET));
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/api/", this::handle);
        http.start();
    }

    @AfterEach
    void stop() {
        http.stop(0);
        mongoClient.close();
        mongoServer.shutdown();
    }

    @Test
    void aServiceThatChecksEveryCallerPasses() {
        AccessMatrix.Report report = matrix(true).run();

        assertThat(report.failures()).isEmpty();
        assertThat(report.cases()).isEqualTo(3 * AccessMatrix.Caller.values().length);
        assertThat(report.operations()).isEqualTo(3);
        assertThat(report.leaks()).isZero();
        assertThat(report.changedDocuments()).isZero();
        assertThat(database.getCollection("notes").countDocuments()).as("the right caller's note only").isEqualTo(1);
    }

    @Test
    void aReadAnyoneMayMakeFailsForEveryOtherCallerAndCountsTheLeaks() {
        anyoneReads = true;

        AccessMatrix.Report report = matrix(true).run();

        assertThat(report.failures()).anySatisfy(f -> assertThat(f)
                .startsWith("GET /api/things/{id} as OTHER_ENTERPRISE: the answer holds the tenant's private values"));
        assertThat(report.failures()).anySatisfy(f -> assertThat(f)
                .startsWith("GET /api/things/{id} as WRONG_ROLE: expected 403 or 404"));
        assertThat(report.leaks()).isEqualTo(4);
    }

    @Test
    void aRefusedWriteThatStoresAnywayFails() {
        storesBeforeChecking = true;

        AccessMatrix.Report report = matrix(true).run();

        assertThat(report.failures()).anySatisfy(f -> assertThat(f).startsWith(
                "POST /api/things/{id}/notes: requests of callers that may not change anything changed stored data"));
        assertThat(report.changedDocuments()).as("the four callers with valid tokens").isEqualTo(4);
    }

    @Test
    void aPrivateValueInARefusalIsALeak() {
        refusalNamesTheTitle = true;

        AccessMatrix.Report report = matrix(true).run();

        assertThat(report.leaks()).isEqualTo(4);
        assertThat(report.failures()).allSatisfy(f -> assertThat(f).startsWith("GET /api/things/{id} as "));
    }

    @Test
    void aReadThatChangesStoredDataFailsUnlessItsCaseNamesTheCollection() {
        publicPageCountsVisits = true;

        AccessMatrix.Report unnamed = matrix(true).run();

        assertThat(unnamed.failures()).singleElement().asString()
                .startsWith("GET /api/public: requests of callers that may not change anything changed stored data");

        AccessMatrix named = matrix(false);
        named.operation("GET /api/things/{id}").by(ALICE).path("id", "t1");
        named.operation("POST /api/things/{id}/notes").by(ALICE).path("id", "t1").json("{\"text\": \"hi\"}")
                .expect(201);
        named.operation("GET /api/public").by(ALICE).publicRead("the public page")
                .updates("the public page counts its visits", "visits");

        assertThat(named.run().failures()).isEmpty();
    }

    @Test
    void anOperationWithoutACaseAndARefusedRightCallerFail() {
        AccessMatrix matrix = matrix(false);
        matrix.operation("GET /api/things/{id}").by(AccessMatrix.Identity.enterpriseUser("bob", "enterprise-b"))
                .path("id", "t1");

        AccessMatrix.Report report = matrix.run();

        assertThat(report.failures()).contains("GET /api/public: no case: every operation needs one",
                "POST /api/things/{id}/notes: no case: every operation needs one");
        assertThat(report.failures()).anySatisfy(f -> assertThat(f)
                .startsWith("GET /api/things/{id} as OWNER: the right caller's request must succeed"));
    }

    private AccessMatrix matrix(boolean everyCase) {
        AccessMatrix matrix = AccessMatrix.of("things", DOCUMENT, "http://127.0.0.1:" + http.getAddress().getPort(),
                database)
                .otherTenant(AccessMatrix.Identity.enterpriseUser("bob", "enterprise-b"),
                        AccessMatrix.Identity.secretariat("carol", "cluster-b"),
                        AccessMatrix.Identity.expert("dave"))
                .privateValues(SECRET).tenantValues("alice", "enterprise-a");
        if (everyCase) {
            matrix.operation("GET /api/things/{id}").by(ALICE).path("id", "t1");
            matrix.operation("POST /api/things/{id}/notes").by(ALICE).path("id", "t1").json("{\"text\": \"hi\"}")
                    .expect(201);
            matrix.operation("GET /api/public").by(ALICE).publicRead("the public page");
        }
        return matrix;
    }

    /**
     * The service: a thing belongs to an enterprise user; only they (with the role enterprise) read it or add notes
     * to it; others are told it does not exist (read) or that they may not (write); the public page is public.
     */
    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String subject;
            try {
                subject = subject(exchange);
            }
            catch (IllegalArgumentException invalid) {
                answer(exchange, 401, problem(401, "invalid token"));
                return;
            }
            String path = exchange.getRequestURI().getPath();
            boolean owner = "alice".equals(subject) && roles(exchange).contains("enterprise");
            if (path.equals("/api/public")) {
                if (publicPageCountsVisits) {
                    database.getCollection("visits").insertOne(new Document("page", "public"));
                }
                answer(exchange, 200, "{\"name\": \"public\"}");
            }
            else if (subject == null) {
                answer(exchange, 401, problem(401, "sign in"));
            }
            else if (path.equals("/api/things/t1") && (owner || anyoneReads)) {
                answer(exchange, 200, "{\"title\": \"" + SECRET + "\"}");
            }
            else if (path.equals("/api/things/t1")) {
                answer(exchange, 404, problem(404, refusalNamesTheTitle ? "no " + SECRET : "not found"));
            }
            else if (path.equals("/api/things/t1/notes")) {
                if (owner || storesBeforeChecking) {
                    database.getCollection("notes").insertOne(new Document("thing", "t1").append("by", subject));
                }
                answer(exchange, owner ? 201 : 403, owner ? "{}" : problem(403, "not yours"));
            }
            else {
                answer(exchange, 404, problem(404, "no such path"));
            }
        }
    }

    private static String subject(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null) {
            return null;
        }
        try {
            SignedJWT jwt = SignedJWT.parse(authorization.substring("Bearer ".length()));
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            if (!jwt.verify(new RSASSAVerifier(TestTokens.publicKey())) || claims.getExpirationTime().before(new Date())) {
                throw new IllegalArgumentException("invalid");
            }
            return claims.getSubject();
        }
        catch (java.text.ParseException | com.nimbusds.jose.JOSEException ex) {
            throw new IllegalArgumentException(ex);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> roles(HttpExchange exchange) {
        try {
            String token = exchange.getRequestHeaders().getFirst("Authorization").substring("Bearer ".length());
            Object realmAccess = SignedJWT.parse(token).getJWTClaimsSet().getClaim("realm_access");
            return (List<String>) ((java.util.Map<String, Object>) realmAccess).get("roles");
        }
        catch (java.text.ParseException ex) {
            throw new IllegalArgumentException(ex);
        }
    }

    private static String problem(int status, String detail) {
        return "{\"type\": \"about:blank\", \"title\": \"refused\", \"status\": " + status + ", \"detail\": \""
                + detail + "\"}";
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", status >= 400 ? "application/problem+json"
                : "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String hostAndPort(InetSocketAddress address) {
        return address.getHostString() + ":" + address.getPort();
    }
}
