package com.brandcluster.salons.matching;

import com.brandcluster.platform.membership.MembershipServiceStub;
import com.brandcluster.platform.membership.MemberStanding;
import com.brandcluster.salons.expert.ExpertIntegrationTest;
import com.brandcluster.testsupport.ApiClient;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared context of this service's integration tests (no configuration of its own), with what matching needs:
 * memberships written straight into the standing projection (as membership-service's events leave it), experts with
 * profiles and availability, salons, and a membership-service stand-in for memberships not projected yet.
 */
@ExtendWith(MembershipServiceStub.class)
abstract class MatchingIntegrationTest extends ExpertIntegrationTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    MongoOperations mongo;

    @Autowired
    CircuitBreakerRegistry circuitBreakers;

    WireMockServer membershipService;

    @BeforeEach
    void membershipService() {
        membershipService = MembershipServiceStub.server();
        membershipService.resetAll();
        circuitBreakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
    }

    static String uniqueCluster(String base) {
        return base + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String newEnterprise() {
        return "ent-" + new ObjectId().toHexString();
    }

    /** Records the enterprise's membership of the cluster with this status in the local standing projection. */
    void standing(String clusterId, String enterpriseId, String status) {
        LocalDate today = LocalDate.now(SHANGHAI);
        mongo.save(new MemberStanding(clusterId + ":" + enterpriseId, clusterId, enterpriseId,
                "Enterprise " + enterpriseId, "T-2026-0001", "member", status, today.minusMonths(1),
                today.plusMonths(11), 1, Instant.now()));
    }

    /** membership-service knows a membership the local projection does not know yet. */
    void onlyMembershipServiceKnows(String clusterId, String enterpriseId, String status) {
        membershipService.stubFor(get(urlEqualTo("/api/membership/clusters/" + clusterId + "/members/" + enterpriseId))
                .willReturn(okJson("""
                        {"id":"m-%s","clusterId":"%s","enterpriseId":"%s","tier":"member","status":"%s",
                         "validUntil":"2030-12-31","version":1}""".formatted(enterpriseId, clusterId, enterpriseId,
                        status))));
    }

    static Map<String, Object> needs(List<String> topics, String description, List<String> languages,
                                     List<String> clusters) {
        Map<String, Object> needs = new LinkedHashMap<>();
        needs.put("topics", topics);
        needs.put("description", description);
        needs.put("languages", languages);
        needs.put("clusters", clusters);
        return needs;
    }

    ApiClient.Response stateNeeds(String enterpriseId, Map<String, Object> needs) {
        return api.as(enterpriseUser(enterpriseId)).put("/api/salons/needs", needs);
    }

    void stated(String enterpriseId, Map<String, Object> needs) {
        ApiClient.Response response = stateNeeds(enterpriseId, needs);
        assertThat(response.status()).as(response.toString()).isIn(200, 201);
    }

    /** An expert with these topics, languages and clusters; returns its id. */
    String expertWith(String name, List<String> topics, List<String> languages, List<String> clusters) {
        Map<String, Object> profile = profileRequest(name);
        profile.put("topics", topics);
        profile.put("languages", languages);
        profile.put("clusters", clusters);
        return createExpert(profile);
    }

    /** Free every day, all day, in hour slots, from now. */
    void availableAllWeek(String expertId) {
        setAvailability(expertId, Arrays.stream(DayOfWeek.values())
                .map(day -> Map.<String, Object>of("day", day.name(), "start", "00:00", "end", "00:00")).toList(),
                List.of());
    }

    /** Free only on one date (in the expert's zone, Shanghai), 09:00-12:00. */
    void availableOnlyOn(String expertId, LocalDate date) {
        setAvailability(expertId, List.of(), List.of(Map.of("date", date.toString(),
                "windows", List.of(Map.of("start", "09:00", "end", "12:00")))));
    }

    private void setAvailability(String expertId, List<Map<String, Object>> weekly,
                                 List<Map<String, Object>> overrides) {
        Map<String, Object> body = new HashMap<>();
        body.put("weekly", weekly);
        body.put("overrides", overrides);
        body.put("slotMinutes", 60);
        ApiClient.Response response = api.as(expert(expertId))
                .put("/api/salons/experts/" + expertId + "/availability", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    /** A salon in Shanghai {@code days} ahead whose registration opened yesterday and closes the day before. */
    static Map<String, Object> salon(int days, String theme, String title, String description,
                                     List<String> expertIds) {
        LocalDateTime start = LocalDateTime.now(SHANGHAI).plusDays(days).truncatedTo(ChronoUnit.HOURS).withHour(14);
        Map<String, Object> salon = new HashMap<>();
        salon.put("theme", theme);
        salon.put("title", title);
        salon.put("description", description);
        salon.put("expertIds", expertIds);
        salon.put("startsAt", start.toString());
        salon.put("endsAt", start.plusHours(3).toString());
        salon.put("timeZone", "Asia/Shanghai");
        salon.put("venue", "Guangzhou Lighting Centre, Hall 3");
        salon.put("capacity", 30);
        salon.put("seatsPerEnterprise", 3);
        salon.put("registrationOpensAt", LocalDateTime.now(SHANGHAI).minusDays(1).withNano(0).toString());
        salon.put("registrationClosesAt", start.minusDays(1).toString());
        return salon;
    }

    String publish(String clusterId, Map<String, Object> salon) {
        ApiClient.Response response = api.as(secretariatOf(clusterId))
                .post("/api/salons/clusters/" + clusterId + "/salons", salon);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.at("/id");
    }
}
