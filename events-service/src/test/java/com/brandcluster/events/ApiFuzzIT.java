package com.brandcluster.events;

import com.brandcluster.platform.security.Roles;
import com.brandcluster.testsupport.ApiClient;
import com.brandcluster.testsupport.ApiFuzzer;
import com.brandcluster.testsupport.FuzzRun;
import com.brandcluster.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * Every operation of {@code openapi/events-service.json} with generated malformed requests ({@link ApiFuzzer}), sent
 * by a caller that passes authentication and the role checks (secretariat of the cluster, user of a member
 * enterprise, expert and alliance admin at once), so that they reach validation; and every write operation with each
 * sensitive field its request schema does not have (mass assignment).
 */
class ApiFuzzIT extends EventsIntegrationTest {

    /** Sensitive fields that are properties of a request schema, and why the operation may take them. */
    private static final Map<String, String> LEGITIMATE_FIELDS = Map.of();

    @LocalServerPort
    private int port;

    private String clusterId;
    private String token;
    private ApiFuzzer fuzzer;
    private FuzzRun run;

    @BeforeEach
    void fixtures() {
        clusterId = cluster();
        String enterpriseId = member(clusterId);
        String other = member(clusterId);
        String eventId = published(clusterId, Map.of());
        String registrationId = register(eventId, enterpriseId, 1).at("/id");
        String postId = api.as(enterpriseUser(enterpriseId)).post("/api/events/clusters/" + clusterId + "/posts",
                Map.of("kind", "NEED", "category", "SUPPLY", "title", "LED drivers wanted",
                        "description", "Constant-current drivers for street lamps.", "region", "CN-GD",
                        "validUntil", Instant.now().plus(30, ChronoUnit.DAYS).toString(), "tags", List.of("LED")))
                .at("/id");
        token = TestTokens.user("fuzzer").roles(Roles.SECRETARIAT, Roles.ENTERPRISE, Roles.EXPERT, Roles.ALLIANCE_ADMIN)
                .secretariatOf(clusterId).enterpriseId(enterpriseId).issue();
        fuzzer = ApiFuzzer.forService("events-service", ApiFuzzer.seedFromSystemProperty()).rounds(2)
                .pathValue("clusterId", clusterId).propertyValue("clusterId", clusterId)
                .pathValue("enterpriseId", enterpriseId, other)
                .pathValue("eventId", eventId).pathValue("registrationId", registrationId)
                .pathValue("postId", postId);
        run = FuzzRun.local(port, FuzzRun.OUTBOX_COLLECTIONS, request -> token);
    }

    @Test
    void answersMalformedRequestsWithProblemDetailsAndChangesNothing() {
        run.assertRefusesMalformedRequests("events-service", fuzzer, 1_500);
    }

    @Test
    void refusesPagesAboveTheMaximumSize() {
        run.assertRefusesOversizedPages("events-service", fuzzer);
    }

    @Test
    void refusesSensitiveFieldsOnEveryWriteOperationNamingThem() {
        run.assertRefusesMassAssignment("events-service", fuzzer, LEGITIMATE_FIELDS);
    }
}
