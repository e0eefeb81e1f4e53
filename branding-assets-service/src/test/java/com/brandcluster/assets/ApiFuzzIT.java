package com.brandcluster.assets;

import com.brandcluster.platform.security.Roles;
import com.brandcluster.testsupport.ApiFuzzer;
import com.brandcluster.testsupport.FuzzRun;
import com.brandcluster.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.Map;
import java.util.Set;

/**
 * Every operation of {@code openapi/branding-assets-service.json} with generated malformed requests
 * ({@link ApiFuzzer}), JSON bodies and the JSON metadata part of uploads alike, plus hostile upload filenames, sent by
 * a caller that passes authentication and the role checks (secretariat of the cluster, user of a member enterprise,
 * expert and alliance admin at once), so that they reach validation; and every write operation with each sensitive
 * field its request schema does not have (mass assignment).
 */
class ApiFuzzIT extends AssetsIntegrationTest {

    /**
     * Left out of the stored-data comparison besides the outbox's collections: the download records, which every
     * accepted download (a GET of content, a badge or the kit) writes by design.
     */
    private static final Set<String> CHANGING_ON_THEIR_OWN = union(FuzzRun.OUTBOX_COLLECTIONS, Set.of("downloads"));

    /** Sensitive fields that are properties of a request schema, and why the operation may take them. */
    private static final Map<String, String> LEGITIMATE_FIELDS = Map.of(
            "POST /api/assets/assets/{assetId}/share-links version",
            "the version of the asset the link shares, chosen by the cluster's secretariat, the only callers who may "
                    + "create links (ShareLinkAuthorisationIT); only a published version of the asset may be "
                    + "shared (ShareLinks)");

    @LocalServerPort
    private int port;

    private ApiFuzzer fuzzer;
    private FuzzRun run;

    @BeforeEach
    void fixtures() {
        String clusterId = cluster();
        String enterpriseId = member(clusterId, ACTIVE, COUNCIL_TIER);
        String assetId = published(clusterId, Map.of());
        String token = TestTokens.user("fuzzer-" + clusterId)
                .roles(Roles.SECRETARIAT, Roles.ENTERPRISE, Roles.EXPERT, Roles.ALLIANCE_ADMIN)
                .secretariatOf(clusterId).enterpriseId(enterpriseId).issue();
        fuzzer = ApiFuzzer.forService("branding-assets-service", ApiFuzzer.seedFromSystemProperty()).rounds(3)
                .pathValue("clusterId", clusterId).propertyValue("clusterId", clusterId)
                .pathValue("enterpriseId", enterpriseId)
                .pathValue("assetId", assetId).pathValue("version", "1").pathValue("size", "256");
        run = FuzzRun.local(port, CHANGING_ON_THEIR_OWN, request -> token);
    }

    @Test
    void answersMalformedRequestsWithProblemDetailsAndChangesNothing() {
        run.assertRefusesMalformedRequests("branding-assets-service", fuzzer, 1_000);
    }

    @Test
    void refusesPagesAboveTheMaximumSize() {
        run.assertRefusesOversizedPages("branding-assets-service", fuzzer);
    }

    @Test
    void refusesSensitiveFieldsOnEveryWriteOperationNamingThem() {
        run.assertRefusesMassAssignment("branding-assets-service", fuzzer, LEGITIMATE_FIELDS);
    }

    private static Set<String> union(Set<String> first, Set<String> second) {
        Set<String> union = new java.util.HashSet<>(first);
        union.addAll(second);
        return Set.copyOf(union);
    }
}
