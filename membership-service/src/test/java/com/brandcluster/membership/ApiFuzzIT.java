package com.brandcluster.membership;

import com.brandcluster.membership.enterprise.KeycloakStub;
import com.brandcluster.platform.security.Roles;
import com.brandcluster.testsupport.ApiFuzzer;
import com.brandcluster.testsupport.FuzzRun;
import com.brandcluster.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.Map;

/**
 * Every operation of {@code openapi/membership-service.json} with generated malformed requests ({@link ApiFuzzer}),
 * sent by a caller that passes authentication and the role checks (secretariat of the cluster, user of a member
 * enterprise, expert and alliance admin at once), so that they reach validation; and every write operation with each
 * sensitive field its request schema does not have (mass assignment).
 */
class ApiFuzzIT extends MembershipIntegrationTest {

    /** Sensitive fields that are properties of a request schema, and why the operation may take them. */
    private static final Map<String, String> LEGITIMATE_FIELDS = Map.of(
            "POST /api/membership/clusters id",
            "the slug of the cluster being founded, chosen by the alliance admin, the only role that may found one "
                    + "(ClusterApiIT); a taken slug is a 409");

    @LocalServerPort
    private int port;

    private ApiFuzzer fuzzer;
    private FuzzRun run;

    @BeforeEach
    void fixtures() {
        new KeycloakStub(keycloak).realm().creates("someone@example.com", "new-colleague");
        String clusterId = foundCluster(uniqueSlug("fuzz"));
        String subject = "fuzzer-" + clusterId;
        String enterpriseId = registerEnterprise(subject);
        String applicationId = apply(clusterId, subject, enterpriseId);
        String memberNumber = approve(clusterId, applicationId).at("/memberNumber");
        String token = TestTokens.user(subject)
                .roles(Roles.SECRETARIAT, Roles.ENTERPRISE, Roles.EXPERT, Roles.ALLIANCE_ADMIN)
                .secretariatOf(clusterId).enterpriseId(enterpriseId).issue();
        fuzzer = ApiFuzzer.forService("membership-service", ApiFuzzer.seedFromSystemProperty()).rounds(2)
                .pathValue("clusterId", clusterId).propertyValue("clusterId", clusterId)
                .pathValue("enterpriseId", enterpriseId)
                .pathValue("applicationId", applicationId).pathValue("userId", subject);
        if (memberNumber != null) {
            fuzzer.pathValue("memberNumber", memberNumber);
        }
        run = FuzzRun.local(port, FuzzRun.OUTBOX_COLLECTIONS, request -> token);
    }

    @Test
    void answersMalformedRequestsWithProblemDetailsAndChangesNothing() {
        run.assertRefusesMalformedRequests("membership-service", fuzzer, 2_000);
    }

    @Test
    void refusesPagesAboveTheMaximumSize() {
        run.assertRefusesOversizedPages("membership-service", fuzzer);
    }

    @Test
    void refusesSensitiveFieldsOnEveryWriteOperationNamingThem() {
        run.assertRefusesMassAssignment("membership-service", fuzzer, LEGITIMATE_FIELDS);
    }
}
