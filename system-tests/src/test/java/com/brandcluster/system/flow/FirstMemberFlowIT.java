package com.brandcluster.system.flow;

import com.brandcluster.contracts.EventFixtures;
import com.brandcluster.contracts.Exchanges;
import com.brandcluster.contracts.membership.MemberAdmitted;
import com.brandcluster.system.support.Portal;
import com.brandcluster.system.support.PortalSystemTest;
import com.brandcluster.testsupport.ApiClient;
import com.brandcluster.testsupport.KeycloakExtension;
import com.brandcluster.testsupport.RabbitExtension;
import com.rabbitmq.client.AMQP;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The first end-to-end flow, through the gateway, against the real Keycloak and RabbitMQ and every service as its own
 * process: a new enterprise registers and applies, the right secretariat admits it, and membership-service's
 * {@code membership.member.admitted.v1} makes it an ACTIVE member in the other three services' projections, once, and
 * tells the applicant by e-mail and in its portal inbox, once.
 */
@PortalSystemTest
@Order(2)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FirstMemberFlowIT {

    private static final String PASSWORD = KeycloakExtension.DEMO_PASSWORD;
    private static final List<String> CONSUMER_APIS = List.of("/api/events", "/api/salons", "/api/assets");
    private static final String NEWCO_EMAIL = "enterprise-newco@demo.brandcluster.test";

    private static ApiClient portal;
    private static String enterpriseId;
    private static String applicationId;
    private static String admittedEvent;

    @BeforeAll
    static void startPortalAndFoundLighting() {
        portal = Portal.get().viaGateway();
        ApiClient.Response founded = portal.as(KeycloakExtension.passwordToken("alliance-admin", PASSWORD))
                .post("/api/membership/clusters", Map.of(
                        "id", "lighting", "name", "China Lighting Brand Cluster", "industry", "Lighting",
                        "region", "Guangdong", "memberNumberPrefix", "LIGHT",
                        "tiers", List.of(Map.of("code", "member", "name", "Member", "rank", 1, "annualFee", 20000,
                                "consultationHoursPerYear", 4, "seatsPerEvent", 2, "assetAccessRank", 1))));
        // 409: the demo data (DemoDataIT, in the same portal) founded it already; either way it exists now.
        assertThat(founded.status()).as(founded.toString()).isIn(201, 409);
    }

    @Test
    @Order(1)
    void newcoRegistersItsEnterpriseAndItsNextTokenCarriesIt() {
        ApiClient newco = portal.as(KeycloakExtension.freshPasswordToken("enterprise-newco", PASSWORD));

        ApiClient.Response registered = newco.post("/api/membership/enterprises", Map.of(
                "legalName", "Newco Lighting Technology Co., Ltd.", "creditCode", "91440101MA59NEW00A",
                "region", "Guangdong", "industry", "Lighting", "size", "SMALL"));

        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        enterpriseId = registered.at("/enterprise/id");
        String refreshed = KeycloakExtension.freshPasswordToken("enterprise-newco", PASSWORD);
        assertThat(KeycloakExtension.claims(refreshed).path("enterprise_id").asString()).isEqualTo(enterpriseId);
        assertThat(portal.as(refreshed).get("/api/membership/enterprises/me").at("/id")).isEqualTo(enterpriseId);
    }

    @Test
    @Order(2)
    void newcoAppliesToJoinLighting() {
        ApiClient.Response applied = newco().post("/api/membership/clusters/lighting/applications",
                Map.of("motivation", "We make LED street lights and want to build the cluster brand."));

        assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
        assertThat(applied.at("/status")).isEqualTo("SUBMITTED");
        applicationId = applied.at("/id");
    }

    @Test
    @Order(3)
    void onlyTheSecretariatOfLightingMayApproveIt() {
        String approve = "/api/membership/applications/" + applicationId + "/approval";

        ApiClient.Response byCoal = portal.as(KeycloakExtension.passwordToken("secretariat-coal", PASSWORD)).post(approve, null);
        assertThat(byCoal.status()).as(byCoal.toString()).isEqualTo(403);
        assertThat(byCoal.contentType()).startsWith("application/problem+json");

        ApiClient.Response bySelf = newco().post(approve, null);
        assertThat(bySelf.status()).as(bySelf.toString()).isEqualTo(403);

        ApiClient.Response byLighting = portal.as(KeycloakExtension.passwordToken("secretariat-lighting", PASSWORD))
                .post(approve, null);
        assertThat(byLighting.status()).as(byLighting.toString()).isEqualTo(200);
        assertThat(byLighting.at("/status")).isEqualTo("APPROVED");
    }

    @Test
    @Order(4)
    void theAdmissionReachesEveryConsumingServiceWhoseProjectionShowsTheMemberActive() {
        ApiClient.Response membership = newco().get("/api/membership/clusters/lighting/members/" + enterpriseId);
        assertThat(membership.status()).as(membership.toString()).isEqualTo(200);
        assertThat(membership.at("/memberNumber")).matches("LIGHT-\\d{4}-\\d{4}");
        for (String api : CONSUMER_APIS) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                ApiClient.Response standing = newco().get(standingPath(api));
                assertThat(standing.status()).as(standing.toString()).isEqualTo(200);
                assertThat(standing.at("/status")).isEqualTo("ACTIVE");
                assertThat(standing.at("/memberNumber")).isEqualTo(membership.at("/memberNumber"));
                assertThat(standing.at("/version")).isEqualTo("1");
            });
        }
        admittedEvent = EventFixtures.json(MemberAdmitted.ROUTING_KEY, Map.of(
                "clusterId", "lighting", "enterpriseId", enterpriseId, "membershipId", membership.at("/id"),
                "memberNumber", membership.at("/memberNumber"), "tier", "altered-by-a-duplicate",
                "validFrom", membership.at("/validFrom"), "validUntil", membership.at("/validUntil")));
    }

    @Test
    @Order(5)
    void theApplicantIsToldOfTheApprovalByEmailAndInItsInbox() throws Exception {
        String memberNumber = newco().get("/api/membership/clusters/lighting/members/" + enterpriseId)
                .at("/memberNumber");

        MimeMessage mail = await().atMost(Duration.ofSeconds(60)).until(() -> mailsTo(NEWCO_EMAIL).stream()
                .filter(message -> subjectOf(message).contains(memberNumber)).findFirst(),
                Optional::isPresent).orElseThrow();

        assertThat(mail.getAllRecipients()).extracting(address -> ((InternetAddress) address).getAddress())
                .containsExactly(NEWCO_EMAIL);
        // told once, though the admission reached notification-service on two queues (notifications, reminders)
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(mailsTo(NEWCO_EMAIL)).hasSize(1));
        String subject = mail.getSubject();
        assertThat(subject).isNotBlank();
        ApiClient.Response inbox = newco().get("/api/notifications/me");
        assertThat(inbox.status()).as(inbox.toString()).isEqualTo(200);
        assertThat(inbox.json().path("notifications").path("content").valueStream()
                .filter(item -> item.path("subject").asString().equals(subject)).count()).isEqualTo(1);
        assertThat(inbox.at("/unreadCount")).isNotEqualTo("0");
    }

    @Test
    @Order(6)
    void theSameEventDeliveredAgainChangesNothing() throws Exception {
        // The duplicate carries an altered tier: were it applied again, the tier would show it. A sentinel admission
        // of another enterprise follows it; each queue delivers in order to its consumer, so once the sentinel is
        // applied, the duplicate has been processed.
        String sentinel = "ent-sentinel-" + System.nanoTime();
        publish(admittedEvent);
        publish(EventFixtures.json(MemberAdmitted.ROUTING_KEY, Map.of("clusterId", "lighting",
                "enterpriseId", sentinel, "membershipId", "m-" + sentinel)));

        ApiClient secretariat = portal.as(KeycloakExtension.passwordToken("secretariat-lighting", PASSWORD));
        for (String api : CONSUMER_APIS) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                    secretariat.get(api + "/clusters/lighting/members/" + sentinel + "/standing").status()).isEqualTo(200));
            ApiClient.Response standing = newco().get(standingPath(api));
            assertThat(standing.at("/tier")).as(api).isEqualTo("member");
            assertThat(standing.at("/status")).as(api).isEqualTo("ACTIVE");
            assertThat(standing.at("/version")).as(api).isEqualTo("1");
            assertThat(RabbitExtension.management().messageCount(queueOf(api) + ".dlq")).as(api).isZero();
        }
    }

    private static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }

    private static List<MimeMessage> mailsTo(String address) {
        return List.of(Portal.get().mail().getReceivedMessagesForDomain(address));
    }

    private static void publish(String json) throws Exception {
        try (Connection connection = RabbitExtension.info().connectionFactory().newConnection();
             Channel channel = connection.createChannel()) {
            channel.confirmSelect();
            channel.basicPublish(Exchanges.MEMBERSHIP, MemberAdmitted.ROUTING_KEY, true,
                    new AMQP.BasicProperties.Builder().contentType("application/json").deliveryMode(2).build(),
                    json.getBytes(StandardCharsets.UTF_8));
            channel.waitForConfirmsOrDie(10_000);
        }
    }

    private static ApiClient newco() {
        return portal.as(KeycloakExtension.passwordToken("enterprise-newco", PASSWORD));
    }

    private static String standingPath(String api) {
        return api + "/clusters/lighting/members/" + enterpriseId + "/standing";
    }

    private static String queueOf(String api) {
        return switch (api) {
            case "/api/events" -> "events-service.members";
            case "/api/salons" -> "expert-salon-service.members";
            case "/api/assets" -> "branding-assets-service.members";
            default -> throw new IllegalArgumentException(api);
        };
    }
}
