package com.brandcluster.platform.membership;

import com.brandcluster.contracts.EventFixtures;
import com.brandcluster.contracts.membership.MemberAdmitted;
import com.brandcluster.contracts.membership.MemberSnapshot;
import com.brandcluster.contracts.membership.MemberTierChanged;
import com.brandcluster.contracts.membership.MembershipStatusChanged;
import com.brandcluster.testsupport.ApiClient;
import com.brandcluster.testsupport.RabbitExtension;
import com.brandcluster.testsupport.RabbitManagement;
import com.brandcluster.testsupport.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What every service that keeps the membership standing projection must do, run against that service's own context
 * (a subclass carries {@code @PlatformInfrastructure @SpringBootTest}): consume membership events from its own queue
 * using the shared fixtures, apply each once and in version order, dead-letter what it cannot read, and serve the
 * standing under its own API path to the right callers only.
 */
public abstract class MemberStandingContract {

    @LocalServerPort
    private int port;

    @Value("${brandcluster.member-standing.base-path}")
    private String basePath;

    @Value("${brandcluster.member-standing.queue}")
    private String queue;

    private ApiClient api;
    private MembershipEvents membershipEvents;

    @BeforeEach
    void connect() throws Exception {
        api = new ApiClient("http://127.0.0.1:" + port);
        membershipEvents = new MembershipEvents();
    }

    @AfterEach
    void disconnect() throws Exception {
        membershipEvents.close();
    }

    @Test
    void anAdmittedMemberIsActiveInThisServicesProjection() throws Exception {
        Member member = newMember();

        publish(MemberAdmitted.ROUTING_KEY, member.admitted(Map.of()));

        ApiClient.Response standing = awaitStanding(member, "ACTIVE");
        assertThat(standing.at("/memberNumber")).isEqualTo("LIGHT-2026-0042");
        assertThat(standing.at("/tier")).isEqualTo("council");
        assertThat(standing.at("/inGoodStanding")).isEqualTo("true");
        assertThat(standing.at("/version")).isEqualTo("1");
    }

    @Test
    void theSameEventDeliveredAgainChangesNothing() throws Exception {
        Member member = newMember();
        String eventId = UUID.randomUUID().toString();
        publish(MemberAdmitted.ROUTING_KEY, member.admitted(Map.of("eventId", eventId)));
        awaitStanding(member, "ACTIVE");

        // Redelivered with the same version; were it applied again, the altered tier would show.
        publish(MemberAdmitted.ROUTING_KEY, member.admitted(Map.of("eventId", eventId, "tier", "altered")));
        awaitQueueDrained();

        assertThat(standing(member).at("/tier")).isEqualTo("council");
        assertThat(standing(member).at("/version")).isEqualTo("1");
    }

    @Test
    void aSuspensionAndAReinstatementArrivingOutOfOrderOrTwiceLeaveTheLatestState() throws Exception {
        Member member = newMember();
        publish(MemberAdmitted.ROUTING_KEY, member.admitted(Map.of()));
        awaitStanding(member, "ACTIVE");

        publish(MembershipStatusChanged.ROUTING_KEY, member.statusChanged(3, "ACTIVE", "SUSPENDED"));
        publish(MembershipStatusChanged.ROUTING_KEY, member.statusChanged(2, "SUSPENDED", "ACTIVE"));
        publish(MembershipStatusChanged.ROUTING_KEY, member.statusChanged(3, "ACTIVE", "SUSPENDED"));
        awaitQueueDrained();

        ApiClient.Response standing = standing(member);
        assertThat(standing.at("/status")).isEqualTo("ACTIVE");
        assertThat(standing.at("/version")).isEqualTo("3");
    }

    @Test
    void anAdmissionOvertakenByALaterChangeOnlyFillsInWhatTheChangeLacks() throws Exception {
        Member member = newMember();

        publish(MembershipStatusChanged.ROUTING_KEY, member.statusChanged(2, "SUSPENDED", "ACTIVE"));
        awaitStanding(member, "SUSPENDED");
        publish(MemberAdmitted.ROUTING_KEY, member.admitted(Map.of()));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(standing(member).at("/tier")).isEqualTo("council"));

        ApiClient.Response standing = standing(member);
        assertThat(standing.at("/status")).isEqualTo("SUSPENDED");
        assertThat(standing.at("/inGoodStanding")).isEqualTo("false");
        assertThat(standing.at("/version")).isEqualTo("2");
    }

    @Test
    void aTierChangeMovesTheMemberToItsNewTier() throws Exception {
        Member member = newMember();
        publish(MemberAdmitted.ROUTING_KEY, member.admitted(Map.of()));
        awaitStanding(member, "ACTIVE");

        publish(MemberTierChanged.ROUTING_KEY, EventFixtures.json(MemberTierChanged.ROUTING_KEY, Map.of(
                "eventId", UUID.randomUUID().toString(), "clusterId", member.clusterId(),
                "enterpriseId", member.enterpriseId(), "membershipId", member.membershipId(), "version", 2)));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(standing(member).at("/tier")).isEqualTo("vice-chair"));
        assertThat(standing(member).at("/version")).isEqualTo("2");
    }

    @Test
    void aSnapshotRebuildsALostProjectionButNeverRollsANewerOneBack() throws Exception {
        Member member = newMember();
        Map<String, Object> snapshot = Map.of("eventId", UUID.randomUUID().toString(), "clusterId", member.clusterId(),
                "enterpriseId", member.enterpriseId(), "membershipId", member.membershipId(), "version", 3,
                "status", "SUSPENDED");

        publish(MemberSnapshot.ROUTING_KEY, EventFixtures.json(MemberSnapshot.ROUTING_KEY, snapshot));
        awaitStanding(member, "SUSPENDED");
        publish(MembershipStatusChanged.ROUTING_KEY, member.statusChanged(4, "ACTIVE", "SUSPENDED"));
        awaitStanding(member, "ACTIVE");
        publish(MemberSnapshot.ROUTING_KEY, EventFixtures.json(MemberSnapshot.ROUTING_KEY, snapshot));
        awaitQueueDrained();

        ApiClient.Response standing = standing(member);
        assertThat(standing.at("/status")).isEqualTo("ACTIVE");
        assertThat(standing.at("/tier")).isEqualTo("vice-chair");
        assertThat(standing.at("/version")).isEqualTo("4");
    }

    @Test
    void anUnreadableMessageIsDeadLetteredAndTheConsumerGoesOn() throws Exception {
        RabbitManagement management = RabbitExtension.management();
        long deadBefore = management.messageCount(queue + ".dlq");
        Member member = newMember();

        publish(MemberAdmitted.ROUTING_KEY, "{ this is not json");
        publish(MemberAdmitted.ROUTING_KEY, member.admitted(Map.of()));

        awaitStanding(member, "ACTIVE");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(management.messageCount(queue + ".dlq")).isEqualTo(deadBefore + 1));
    }

    @Test
    void theQueueIsADurableQuorumQueueWithItsDeadLetterQueue() {
        RabbitManagement management = RabbitExtension.management();

        assertThat(management.queue(queue)).hasValueSatisfying(q -> {
            assertThat(q.type()).isEqualTo("quorum");
            assertThat(q.durable()).isTrue();
        });
        assertThat(management.queueExists(queue + ".dlq")).isTrue();
    }

    @Test
    void theStandingIsForTheClustersSecretariatAndTheEnterpriseOnly() throws Exception {
        Member member = newMember();
        publish(MemberAdmitted.ROUTING_KEY, member.admitted(Map.of()));
        awaitStanding(member, "ACTIVE");
        String path = member.path(basePath);

        assertThat(api.as(secretariat(member.clusterId())).get(path).status()).isEqualTo(200);
        assertProblem(api.as(secretariat("coking-coal")).get(path), 403);
        assertProblem(api.as(enterprise("ent-someone-else")).get(path), 403);
        assertProblem(api.as(TestTokens.user("expert-1").roles("expert").issue()).get(path), 403);
        assertProblem(api.anonymous().get(path), 401);
        assertProblem(api.as(secretariat(member.clusterId()))
                .get(basePath + "/clusters/" + member.clusterId() + "/members/ent-unknown/standing"), 404);
    }

    @Test
    void anUnknownPathUnderThisServiceIsAProblemNotAStackTrace() {
        ApiClient.Response response = api.as(secretariat("lighting")).get(basePath + "/no-such-thing");

        assertProblem(response, 404);
    }

    @Test
    void healthIsPublicAndReadyWithMongoAndRabbit() {
        ApiClient.Response readiness = api.anonymous().get("/actuator/health/readiness");
        assertThat(readiness.status()).as(readiness.toString()).isEqualTo(200);
        assertThat(readiness.at("/status")).isEqualTo("UP");
        assertThat(api.anonymous().get("/actuator/health/liveness").status()).isEqualTo(200);
    }

    // ------------------------------------------------------------------------------------------------------------

    private record Member(String clusterId, String enterpriseId, String membershipId) {

        String admitted(Map<String, ?> overrides) {
            Map<String, Object> fields = new HashMap<>(Map.of("eventId", UUID.randomUUID().toString(),
                    "clusterId", clusterId, "enterpriseId", enterpriseId, "membershipId", membershipId));
            fields.putAll(overrides);
            return EventFixtures.json(MemberAdmitted.ROUTING_KEY, fields);
        }

        String statusChanged(long version, String status, String previous) {
            return EventFixtures.json(MembershipStatusChanged.ROUTING_KEY, Map.of("eventId", UUID.randomUUID().toString(),
                    "clusterId", clusterId, "enterpriseId", enterpriseId, "membershipId", membershipId,
                    "version", version, "status", status, "previousStatus", previous));
        }

        String path(String basePath) {
            return basePath + "/clusters/" + clusterId + "/members/" + enterpriseId + "/standing";
        }
    }

    private static Member newMember() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        return new Member("lighting", "ent-" + suffix, "m-" + suffix);
    }

    private void publish(String routingKey, String json) throws Exception {
        membershipEvents.publish(routingKey, json);
    }

    private ApiClient.Response standing(Member member) {
        return api.as(enterprise(member.enterpriseId())).get(member.path(basePath));
    }

    private ApiClient.Response awaitStanding(Member member, String status) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            ApiClient.Response response = standing(member);
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            assertThat(response.at("/status")).isEqualTo(status);
        });
        return standing(member);
    }

    /**
     * Waits until everything published before has been consumed: publishes a sentinel admission of another member
     * and waits for it, as the queue delivers in order to its one consumer.
     */
    private void awaitQueueDrained() throws Exception {
        Member sentinel = newMember();
        publish(MemberAdmitted.ROUTING_KEY, sentinel.admitted(Map.of()));
        awaitStanding(sentinel, "ACTIVE");
    }

    private static String secretariat(String clusterId) {
        return TestTokens.user("secretariat-" + clusterId).roles("secretariat").secretariatOf(clusterId).issue();
    }

    private static String enterprise(String enterpriseId) {
        return TestTokens.user("user-of-" + enterpriseId).roles("enterprise").enterpriseId(enterpriseId).issue();
    }

    private static void assertProblem(ApiClient.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.at("/traceId")).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception", "at com.", "at org.");
    }
}
