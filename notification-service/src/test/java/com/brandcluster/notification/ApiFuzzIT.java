package com.brandcluster.notification;

import com.brandcluster.platform.security.Roles;
import com.brandcluster.testsupport.ApiFuzzer;
import com.brandcluster.testsupport.FuzzRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.Map;

/**
 * Every operation of {@code openapi/notification-service.json} with generated malformed requests ({@link ApiFuzzer}),
 * sent by a signed-in enterprise user (every operation is about the caller's own inbox); and every write operation
 * with each sensitive field its request schema does not have (mass assignment).
 */
class ApiFuzzIT extends NotificationIntegrationTest {

    /** Sensitive fields that are properties of a request schema, and why the operation may take them. */
    private static final Map<String, String> LEGITIMATE_FIELDS = Map.of();

    @LocalServerPort
    private int port;

    private ApiFuzzer fuzzer;
    private FuzzRun run;

    @BeforeEach
    void fixtures() {
        String token = tokenOf(newId("fuzzer"), Roles.ENTERPRISE);
        fuzzer = ApiFuzzer.forService("notification-service", ApiFuzzer.seedFromSystemProperty()).rounds(4);
        run = FuzzRun.local(port, FuzzRun.OUTBOX_COLLECTIONS, request -> token);
    }

    @Test
    void answersMalformedRequestsWithProblemDetailsAndChangesNothing() {
        run.assertRefusesMalformedRequests("notification-service", fuzzer, 100);
    }

    @Test
    void refusesPagesAboveTheMaximumSize() {
        run.assertRefusesOversizedPages("notification-service", fuzzer);
    }

    @Test
    void refusesSensitiveFieldsOnEveryWriteOperationNamingThem() {
        run.assertRefusesMassAssignment("notification-service", fuzzer, LEGITIMATE_FIELDS);
    }
}
