package com.brandcluster.events;

import com.brandcluster.platform.membership.MembershipServiceStub;
import com.brandcluster.contracts.EventFixtures;
import com.brandcluster.contracts.membership.ClusterCreated;
import com.brandcluster.events.event.ExchangeEvent;
import com.brandcluster.platform.membership.ClusterTiersProjector;
import com.brandcluster.platform.membership.MemberStanding;
import com.brandcluster.platform.security.Roles;
import com.brandcluster.testsupport.ApiClient;
import com.brandcluster.testsupport.PlatformInfrastructure;
import com.brandcluster.testsupport.TestTokens;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoOperations;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The events-service context against MongoDB and RabbitMQ from test-support, test tokens and a WireMock
 * membership-service that knows nobody: the one context configuration of every IT of this service. Memberships are
 * written straight into the standing projection and cluster tiers applied through the tiers projector, as
 * membership-service's events leave them in production (their consumption is proven by the projections' contracts).
 */
@PlatformInfrastructure
@ExtendWith(MembershipServiceStub.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class EventsIntegrationTest {

    protected static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** The tiers every test cluster has (the shared fixture): {@code member} 2 seats per event, {@code council} 4. */
    protected static final String MEMBER_TIER = "member";
    protected static final String COUNCIL_TIER = "council";

    @LocalServerPort
    private int port;

    @Autowired
    protected MongoOperations mongo;

    @Autowired
    private ClusterTiersProjector tiersProjector;

    protected ApiClient api;

    /** Everything this service publishes from the start of the test on. */
    protected PublishedEvents published;

    @BeforeEach
    void openClients() throws Exception {
        api = new ApiClient("http://127.0.0.1:" + port);
        published = new PublishedEvents();
    }

    @AfterEach
    void closeClients() throws Exception {
        published.close();
    }

    /** A new cluster whose tiers are known here. */
    protected String cluster() {
        String clusterId = "lighting-" + UUID.randomUUID().toString().substring(0, 8);
        tiersProjector.on(EventFixtures.event(ClusterCreated.class,
                Map.of("eventId", UUID.randomUUID().toString(), "clusterId", clusterId)));
        return clusterId;
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

    protected static String newEnterprise() {
        return "ent-" + new ObjectId().toHexString();
    }

    /** A new enterprise with this membership of the cluster, as membership-service's events would leave it. */
    protected String member(String clusterId, String status, String tier) {
        String enterpriseId = newEnterprise();
        LocalDate today = LocalDate.now(SHANGHAI);
        mongo.save(new MemberStanding(new ObjectId().toHexString(), clusterId, enterpriseId,
                "Enterprise " + enterpriseId, "LIGHT-2026-0001", tier, status, today.minusMonths(1),
                today.plusMonths(11), 1, Instant.now()));
        return enterpriseId;
    }

    /** An ACTIVE council member (4 seats per event). */
    protected String member(String clusterId) {
        return member(clusterId, MemberStanding.ACTIVE, COUNCIL_TIER);
    }

    /**
     * A public cooperation meeting in Shanghai three weeks ahead, registration open since yesterday: capacity 100, 4
     * seats per enterprise, automatic confirmation. Overrides replace fields (a null value removes one).
     */
    protected static Map<String, Object> eventRequest(Map<String, ?> overrides) {
        LocalDateTime start = LocalDateTime.now(SHANGHAI).plusWeeks(3).truncatedTo(ChronoUnit.DAYS).withHour(9);
        Map<String, Object> request = new HashMap<>();
        request.put("kind", "COOPERATION_MEETING");
        request.put("title", "Cooperation meeting: export channels for lighting brands");
        request.put("description", "Members discuss their development needs and plan the cluster's work.");
        request.put("agenda", List.of(
                Map.of("title", "Opening", "startsAt", start.toString(), "endsAt", start.plusMinutes(30).toString(),
                        "speakers", List.of(Map.of("name", "Wang Fang", "title", "Secretary-general",
                                "organisation", "China Lighting Brand Cluster"))),
                Map.of("title", "Export channels", "startsAt", start.plusMinutes(30).toString(),
                        "endsAt", start.plusHours(2).toString(), "speakers", List.of())));
        request.put("startsAt", start.toString());
        request.put("endsAt", start.plusHours(7).toString());
        request.put("timeZone", "Asia/Shanghai");
        request.put("venue", "Guzhen Lighting Expo Centre, Hall 3");
        request.put("onlineLink", "https://meet.example.com/lighting");
        request.put("capacity", 100);
        request.put("seatsPerEnterprise", 4);
        request.put("registrationOpensAt", LocalDateTime.now(SHANGHAI).minusDays(1).withNano(0).toString());
        request.put("registrationClosesAt", start.minusDays(2).toString());
        request.put("visibility", "PUBLIC");
        request.put("registrationPolicy", "AUTOMATIC");
        request.putAll(overrides);
        request.values().removeIf(Objects::isNull);
        return request;
    }

    protected String draft(String clusterId, Map<String, ?> overrides) {
        ApiClient.Response created = api.as(secretariatOf(clusterId))
                .post("/api/events/clusters/" + clusterId + "/events", eventRequest(overrides));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.at("/id");
    }

    protected String published(String clusterId, Map<String, ?> overrides) {
        String eventId = draft(clusterId, overrides);
        ApiClient.Response published = api.as(secretariatOf(clusterId))
                .post("/api/events/events/" + eventId + "/publication", null);
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        return eventId;
    }

    protected String published(String clusterId, int capacity, int seatsPerEnterprise) {
        return published(clusterId, Map.of("capacity", capacity, "seatsPerEnterprise", seatsPerEnterprise));
    }

    protected static Map<String, Object> attendees(int count) {
        return Map.of("attendees", IntStream.range(0, count).mapToObj(i -> Map.of("name", "Attendee " + i,
                "email", "attendee" + i + "@example.com", "jobTitle", "Export manager",
                "consentToAttendeeList", i % 2 == 0)).toList());
    }

    protected ApiClient.Response register(String eventId, String enterpriseId, int attendees) {
        return api.as(enterpriseUser(enterpriseId))
                .post("/api/events/events/" + eventId + "/registrations", attendees(attendees));
    }

    protected ExchangeEvent event(String eventId) {
        return mongo.findById(eventId, ExchangeEvent.class);
    }

    /** The ids of a page's items, in order. */
    protected static List<String> ids(ApiClient.Response page) {
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        page.json().get("content").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }

    /** A 400 validation problem that names the field among its errors. */
    protected static void assertInvalidField(ApiClient.Response response, String field) {
        assertProblem(response, 400, "validation");
        assertThat(response.json().get("errors").findValuesAsString("field")).contains(field);
    }

    protected static void assertProblem(ApiClient.Response response, int status, String typeSlug) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.at("/status")).isEqualTo(Integer.toString(status));
        assertThat(response.body()).doesNotContain("Exception", "at com.", "at org.");
        if (typeSlug != null) {
            assertThat(response.at("/type")).isEqualTo("urn:brandcluster:problem:" + typeSlug);
        }
    }
}
