package com.brandcluster.salons;

import com.brandcluster.platform.membership.MembershipServiceStub;
import com.brandcluster.platform.security.Roles;
import com.brandcluster.salons.salon.SalonIntegrationTest;
import com.brandcluster.testsupport.ApiFuzzer;
import com.brandcluster.testsupport.FuzzRun;
import com.brandcluster.testsupport.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/**
 * Every operation of {@code openapi/expert-salon-service.json} with generated malformed requests ({@link ApiFuzzer}),
 * sent by a caller that passes authentication and the role checks (secretariat of the cluster, user of a member
 * enterprise, expert and alliance admin at once), so that they reach validation; and every write operation with each
 * sensitive field its request schema does not have (mass assignment).
 */
@ExtendWith(MembershipServiceStub.class)
class ApiFuzzIT extends SalonIntegrationTest {

    /** Sensitive fields that are properties of a request schema, and why the operation may take them. */
    private static final Map<String, String> LEGITIMATE_FIELDS = Map.of(
            "POST /api/salons/consultations clusterId",
            "the cluster whose membership pays for the consultation: the caller's enterprise must be a member in good "
                    + "standing there (ConsultationBookingIT.onlyAMemberInGoodStandingBooks)",
            "POST /api/salons/consultations expertId",
            "the expert the enterprise chooses; only one of the expert's own free slots can be booked "
                    + "(ConsultationBookingIT.aStartThatIsNotOneOfTheExpertsFutureSlotsIsA422AndBooksNothing)");

    @LocalServerPort
    private int port;

    private String token;
    private ApiFuzzer fuzzer;
    private FuzzRun run;

    @BeforeEach
    void fixtures() {
        // membership-service knows no other member: a lookup of a cluster or enterprise made up by the fuzzer is
        // "not a member", as in production, and never a failing call that would open the lookup's circuit
        MembershipServiceStub.server().stubFor(get(urlPathMatching("/api/membership/clusters/.*"))
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"type\":\"urn:brandcluster:problem:not-found\",\"status\":404}")));
        String clusterId = uniqueCluster();
        String enterpriseId = member(clusterId);
        String salonId = createSalon(clusterId, 20, 2);
        String registrationId = register(salonId, enterpriseId, 1).at("/id");
        String subject = "fuzzer-" + clusterId;
        token = TestTokens.user(subject).roles(Roles.SECRETARIAT, Roles.ENTERPRISE, Roles.EXPERT, Roles.ALLIANCE_ADMIN)
                .secretariatOf(clusterId).enterpriseId(enterpriseId).issue();
        fuzzer = ApiFuzzer.forService("expert-salon-service", ApiFuzzer.seedFromSystemProperty()).rounds(3)
                .pathValue("clusterId", clusterId).pathValue("enterpriseId", enterpriseId)
                .pathValue("salonId", salonId).pathValue("registrationId", registrationId)
                .pathValue("expertId", subject).propertyValue("start", "09:00").propertyValue("end", "17:00")
                .propertyValue("clusterId", clusterId).propertyValue("clusters", "[\"" + clusterId + "\"]")
                .propertyValue("enterpriseId", enterpriseId);
        run = FuzzRun.local(port, FuzzRun.OUTBOX_COLLECTIONS, request -> token);
    }

    @AfterEach
    void forgetTheStub() {
        MembershipServiceStub.server().resetAll();
    }

    @Test
    void answersMalformedRequestsWithProblemDetailsAndChangesNothing() {
        run.assertRefusesMalformedRequests("expert-salon-service", fuzzer, 1_500);
    }

    @Test
    void refusesPagesAboveTheMaximumSize() {
        run.assertRefusesOversizedPages("expert-salon-service", fuzzer);
    }

    @Test
    void refusesSensitiveFieldsOnEveryWriteOperationNamingThem() {
        run.assertRefusesMassAssignment("expert-salon-service", fuzzer, LEGITIMATE_FIELDS);
    }
}
