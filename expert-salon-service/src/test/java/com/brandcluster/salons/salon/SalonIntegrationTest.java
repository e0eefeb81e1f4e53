package com.brandcluster.salons.salon;

import com.brandcluster.platform.membership.MemberStanding;
import com.brandcluster.platform.security.Roles;
import com.brandcluster.testsupport.ApiClient;
import com.brandcluster.testsupport.PlatformInfrastructure;
import com.brandcluster.testsupport.TestTokens;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The expert-salon-service context against MongoDB and RabbitMQ from test-support, with test tokens: the same
 * configuration as every other IT of this service (one cached context). Memberships are written straight into the
 * standing projection, which membership-service's events keep in production ({@code MemberStandingIT}).
 */
@PlatformInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class SalonIntegrationTest {

    protected static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @LocalServerPort
    private int port;

    @Autowired
    protected MongoOperations mongo;

    protected ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient("http://127.0.0.1:" + port);
    }

    protected static String uniqueCluster() {
        return "lighting-" + Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36 * 36), 36);
    }

    protected static String secretariatOf(String... clusterIds) {
        return TestTokens.user("secretariat-" + UUID.randomUUID()).roles(Roles.SECRETARIAT)
                .secretariatOf(clusterIds).issue();
    }

    protected static String enterpriseUser(String enterpriseId) {
        return TestTokens.user("user-of-" + enterpriseId).roles(Roles.ENTERPRISE).enterpriseId(enterpriseId).issue();
    }

    protected static String expert() {
        return TestTokens.user("expert-" + UUID.randomUUID()).roles(Roles.EXPERT).issue();
    }

    /** A new enterprise with the given standing in the cluster (as membership-service's events would leave it). */
    protected String member(String clusterId, String status) {
        return memberAs(clusterId, "ent-" + new ObjectId().toHexString(), status);
    }

    /** The enterprise with the given standing in the cluster (an enterprise may be a member of several clusters). */
    protected String memberAs(String clusterId, String enterpriseId, String status) {
        LocalDate today = LocalDate.now(SHANGHAI);
        mongo.save(new MemberStanding(new ObjectId().toHexString(), clusterId, enterpriseId, "Enterprise " + enterpriseId,
                "T-2026-0001", "member", status, today.minusMonths(1), today.plusMonths(11), 1, Instant.now()));
        return enterpriseId;
    }

    protected String member(String clusterId) {
        return member(clusterId, MemberStanding.ACTIVE);
    }

    /** A salon in Shanghai two weeks ahead whose registration is open now. */
    protected static Map<String, Object> salonRequest(int capacity, int seatsPerEnterprise) {
        LocalDateTime start = LocalDateTime.now(SHANGHAI).plusDays(14).truncatedTo(ChronoUnit.HOURS).withHour(14);
        Map<String, Object> request = new HashMap<>();
        request.put("theme", "Brand Home, Brand Price");
        request.put("title", "Pricing a lighting brand");
        request.put("description", "How members price under one cluster brand.");
        request.put("expertIds", List.of("expert-1", "expert-2"));
        request.put("startsAt", start.toString());
        request.put("endsAt", start.plusHours(3).toString());
        request.put("timeZone", "Asia/Shanghai");
        request.put("venue", "Guangzhou Lighting Centre, Hall 3");
        request.put("onlineLink", "https://meet.example.com/salon");
        request.put("capacity", capacity);
        request.put("seatsPerEnterprise", seatsPerEnterprise);
        request.put("registrationOpensAt", LocalDateTime.now(SHANGHAI).minusDays(1).withNano(0).toString());
        request.put("registrationClosesAt", start.minusDays(2).toString());
        return request;
    }

    protected String createSalon(String clusterId, int capacity, int seatsPerEnterprise) {
        ApiClient.Response response = api.as(secretariatOf(clusterId))
                .post("/api/salons/clusters/" + clusterId + "/salons", salonRequest(capacity, seatsPerEnterprise));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.at("/id");
    }

    protected static Map<String, Object> attendees(int count) {
        return Map.of("attendees", java.util.stream.IntStream.range(0, count)
                .mapToObj(i -> Map.of("name", "Attendee " + i, "email", "a" + i + "@example.com")).toList());
    }

    protected ApiClient.Response register(String salonId, String enterpriseId, int count) {
        return api.as(enterpriseUser(enterpriseId))
                .post("/api/salons/salons/" + salonId + "/registrations", attendees(count));
    }

    /** Moves the salon's start a minute into the past, as if it had begun. */
    protected void hasStarted(String salonId) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(salonId)),
                new Update().set("startsAt", Instant.now().minusSeconds(60)), Salon.class);
    }

    protected Salon salon(String salonId) {
        return mongo.findById(salonId, Salon.class);
    }

    protected static void assertProblem(ApiClient.Response response, int status, String typeSlug) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.at("/status")).isEqualTo(Integer.toString(status));
        if (typeSlug != null) {
            assertThat(response.at("/type")).isEqualTo("urn:brandcluster:problem:" + typeSlug);
        }
    }
}
