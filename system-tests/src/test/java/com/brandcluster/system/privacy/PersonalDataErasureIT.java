package com.brandcluster.system.privacy;

import com.brandcluster.system.support.Experts;
import com.brandcluster.system.support.Members;
import com.brandcluster.system.support.Members.Member;
import com.brandcluster.system.support.Portal;
import com.brandcluster.system.support.PortalSystemTest;
import com.brandcluster.system.support.Users;
import com.brandcluster.testsupport.ApiClient;
import com.brandcluster.testsupport.KeycloakExtension;
import com.brandcluster.testsupport.RabbitExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Personal data erasure end to end, through the gateway, against the real Keycloak and RabbitMQ and every service as
 * its own process: a new colleague of a member enterprise registers for an event, books a consultation, downloads the
 * cluster logo and is told of it all in their inbox; each service's export shows it. They ask for the erasure of their
 * data: their account is deleted, membership-service's {@code membership.person.erased.v1} reaches every service, and
 * every export comes back empty while the statistics (consultations, attendance, downloads, the register) keep their
 * numbers and no erasure ends in a dead-letter queue.
 */
@PortalSystemTest
class PersonalDataErasureIT {

    private static final String CLUSTER = "lighting";
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String PASSWORD = KeycloakExtension.DEMO_PASSWORD;
    private static final List<String> EXPORTS = List.of("/api/membership/me/personal-data",
            "/api/events/me/personal-data", "/api/salons/me/personal-data", "/api/assets/me/personal-data",
            "/api/notifications/me/personal-data");
    private static final List<String> PRIVACY_QUEUES = List.of("events-service.privacy",
            "expert-salon-service.privacy", "branding-assets-service.privacy", "notification-service.privacy");

    private static ApiClient portal;
    private static Member member;
    private static String person;
    private static String personToken;
    private static String eventId;
    private static String logoId;

    @BeforeAll
    static void aColleagueWithDataInEveryService() {
        portal = Portal.get().viaGateway();
        ApiClient.Response founded = portal.as(KeycloakExtension.passwordToken("alliance-admin", PASSWORD))
                .post("/api/membership/clusters", Map.of(
                        "id", CLUSTER, "name", "China Lighting Brand Cluster", "industry", "Lighting",
                        "region", "Guangdong", "memberNumberPrefix", "LIGHT",
                        "tiers", List.of(Map.of("code", "member", "name", "Member", "rank", 1, "annualFee", 20000,
                                "consultationHoursPerYear", 4, "seatsPerEvent", 2, "assetAccessRank", 1))));
        // 409: the demo data founded it already; either way it exists now
        assertThat(founded.status()).as(founded.toString()).isIn(201, 409);
        member = Members.admitted(portal, CLUSTER, "secretariat-lighting", 1, 1).getFirst();

        person = Users.create("privacy", "enterprise");
        ApiClient.Response invited = portal.as(member.token()).post("/api/membership/enterprises/"
                + member.enterpriseId() + "/colleagues", Map.of("email", person + "@example.test", "role", "STAFF"));
        assertThat(invited.status()).as(invited.toString()).isEqualTo(201);
        personToken = Users.token(person);
        assertThat(KeycloakExtension.claims(personToken).path("enterprise_id").asString())
                .isEqualTo(member.enterpriseId());
        for (String api : List.of("/api/events", "/api/salons", "/api/assets")) {
            Members.awaitStanding(portal, api, CLUSTER, member, "ACTIVE");
        }
        ApiClient secretariat = portal.as(KeycloakExtension.passwordToken("secretariat-lighting", PASSWORD));
        ApiClient.Response drafted = secretariat.post("/api/events/clusters/" + CLUSTER + "/events", meeting());
        assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
        eventId = drafted.at("/id");
        assertThat(secretariat.post("/api/events/events/" + eventId + "/publication", null).status()).isEqualTo(200);
        JsonNode assets = secretariat.get("/api/assets/clusters/" + CLUSTER + "/assets").json().get("content");
        logoId = assets.valueStream().filter(asset -> asset.path("title").asString().equals("Cluster logo"))
                .findFirst().orElseThrow().path("id").asString();

        ApiClient colleague = portal.as(personToken);
        ApiClient.Response registered = colleague.post("/api/events/events/" + eventId + "/registrations",
                Map.of("attendees", List.of(Map.of("name", "System Test", "email", person + "@example.test",
                        "jobTitle", "Brand manager", "consentToAttendeeList", true))));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        String expertId = Experts.withHourlySlots(portal, CLUSTER);
        ApiClient.Response slots = portal.get("/api/salons/experts/" + expertId + "/slots?from="
                + Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS) + "&to="
                + Instant.now().plus(Duration.ofDays(4)).truncatedTo(ChronoUnit.SECONDS));
        ApiClient.Response booked = colleague.post("/api/salons/consultations", Map.of("expertId", expertId,
                "clusterId", CLUSTER, "start", slots.at("/slots/0/start"), "topic", "BRAND_STRATEGY",
                "note", "Pricing under the cluster brand"));
        assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
        assertThat(colleague.get("/api/assets/assets/" + logoId + "/content").status()).isEqualTo(200);
    }

    @Test
    void anErasureReachesEveryServiceAndTheStatisticsKeepTheirNumbers() {
        for (String export : EXPORTS) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                ApiClient.Response mine = portal.as(personToken).get(export);
                assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
                assertThat(mine.json().path("records").isEmpty()).as(export).isFalse();
            });
        }
        Map<String, String> before = statistics();

        ApiClient.Response erasure = portal.as(personToken).post("/api/membership/me/erasure", null);

        assertThat(erasure.status()).as(erasure.toString()).isEqualTo(202);
        assertThat(erasure.at("/state")).isEqualTo("ERASED");
        assertThat(KeycloakExtension.admin().findUser(person)).as("the account is deleted").isEmpty();
        for (String export : EXPORTS) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                ApiClient.Response mine = portal.as(personToken).get(export);
                assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
                assertThat(mine.json().path("records").isEmpty()).as(export + ": " + mine.body()).isTrue();
            });
        }
        assertThat(statistics()).isEqualTo(before);
        ApiClient.Response colleagues = portal.as(member.token())
                .get("/api/membership/enterprises/" + member.enterpriseId() + "/colleagues");
        assertThat(colleagues.body()).doesNotContain(person);
        for (String queue : PRIVACY_QUEUES) {
            assertThat(RabbitExtension.management().messageCount(queue + ".dlq")).as(queue).isZero();
        }
        ApiClient.Response again = portal.as(personToken).post("/api/membership/me/erasure", null);
        assertThat(again.status()).as(again.toString()).isEqualTo(202);
        assertThat(again.at("/requestId")).isEqualTo(erasure.at("/requestId"));
    }

    /** The figures an erasure must not change; experts' ids and names left out (an erased expert's become others). */
    private static Map<String, String> statistics() {
        ApiClient secretariat = portal.as(KeycloakExtension.passwordToken("secretariat-lighting", PASSWORD));
        Map<String, String> figures = new LinkedHashMap<>();
        ApiClient.Response consultations = secretariat.get("/api/salons/clusters/" + CLUSTER
                + "/statistics/consultations");
        assertThat(consultations.status()).as(consultations.toString()).isEqualTo(200);
        figures.put("consultations", consultations.json().path("experts").valueStream()
                .map(e -> e.path("total").asLong() + " " + e.path("byState")).sorted().toList().toString());
        ApiClient.Response attendance = secretariat.get("/api/events/events/" + eventId + "/attendance");
        assertThat(attendance.status()).as(attendance.toString()).isEqualTo(200);
        figures.put("attendance", attendance.body());
        ApiClient.Response downloads = secretariat.get("/api/assets/clusters/" + CLUSTER + "/downloads?by=ASSET");
        assertThat(downloads.status()).as(downloads.toString()).isEqualTo(200);
        figures.put("downloads", downloads.json().path("content").toString());
        ApiClient.Response register = secretariat.get("/api/membership/clusters/" + CLUSTER
                + "/statistics/members?months=1");
        assertThat(register.status()).as(register.toString()).isEqualTo(200);
        figures.put("register", register.body());
        return figures;
    }


    private static Map<String, Object> meeting() {
        LocalDateTime start = LocalDateTime.now(SHANGHAI).plusDays(30).truncatedTo(ChronoUnit.HOURS).withHour(9);
        Map<String, Object> request = new HashMap<>();
        request.put("kind", "WORKSHOP");
        request.put("title", "Brand data workshop");
        request.put("description", "Members learn what the portal keeps about them.");
        request.put("startsAt", start.toString());
        request.put("endsAt", start.plusHours(4).toString());
        request.put("timeZone", SHANGHAI.getId());
        request.put("venue", "Zhongshan Guzhen Lighting Expo Centre, Room 3");
        request.put("capacity", 20);
        request.put("seatsPerEnterprise", 2);
        request.put("registrationOpensAt", LocalDateTime.now(SHANGHAI).minusHours(1).withNano(0).toString());
        request.put("registrationClosesAt", start.minusDays(2).toString());
        request.put("visibility", "PUBLIC");
        request.put("registrationPolicy", "AUTOMATIC");
        return request;
    }
}
