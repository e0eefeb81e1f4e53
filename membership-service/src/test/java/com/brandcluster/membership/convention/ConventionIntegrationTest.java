package com.brandcluster.membership.convention;

import com.brandcluster.contracts.Exchanges;
import com.brandcluster.membership.MembershipIntegrationTest;
import com.brandcluster.testsupport.ApiClient;
import com.brandcluster.testsupport.RabbitExtension;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Helpers for the convention ITs: members admitted through the API, drafts, ballots that close a minute ahead (a
 * test moves the service's clock past the closing time instead of waiting for it), and the events published on
 * {@code membership.events}.
 */
abstract class ConventionIntegrationTest extends MembershipIntegrationTest {

    /** Far longer than a test takes to cast its votes on a slow machine: the test moves the clock past it. */
    static final Duration SHORT_BALLOT = Duration.ofMinutes(1);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Connection connection;
    private Channel channel;
    private String published;
    private final List<Message> received = new ArrayList<>();

    /** A user acting for a member enterprise. */
    record Member(String subject, String enterpriseId, String token) {
    }

    record Message(String routingKey, JsonNode body) {
    }

    @BeforeEach
    void listenToMembershipEvents() throws Exception {
        connection = RabbitExtension.info().connectionFactory().newConnection();
        channel = connection.createChannel();
        published = channel.queueDeclare("", false, true, true, null).getQueue();
        channel.queueBind(published, Exchanges.MEMBERSHIP, "membership.#");
    }

    @AfterEach
    void stopListening() throws Exception {
        connection.close();
    }

    /** Registers an enterprise for a fresh user and admits it to the cluster: ACTIVE. */
    Member admit(String clusterId, String name) {
        String subject = name + "-" + clusterId;
        String enterpriseId = registerEnterprise(subject);
        approve(clusterId, apply(clusterId, subject, enterpriseId));
        return new Member(subject, enterpriseId, enterpriseUser(subject, enterpriseId));
    }

    /** Registers an enterprise that is a member of no cluster. */
    Member outsider(String name) {
        String subject = uniqueSlug(name);
        String enterpriseId = registerEnterprise(subject);
        return new Member(subject, enterpriseId, enterpriseUser(subject, enterpriseId));
    }

    static Map<String, Object> text(String title) {
        return Map.of("title", title, "body", "Article 1. The cluster builds one brand.\nArticle 2. Members ...",
                "changeSummary", "Article 2 rewritten");
    }

    String draft(String clusterId, String title) {
        ApiClient.Response response = api.as(secretariatOf(clusterId))
                .post("/api/membership/clusters/" + clusterId + "/conventions", text(title));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.at("/id");
    }

    ApiClient.Response openBallot(String conventionId, String clusterId, Instant closesAt, int quorumPercent) {
        return api.as(secretariatOf(clusterId)).post("/api/membership/conventions/" + conventionId + "/ballot",
                Map.of("closesAt", closesAt.toString(), "quorumPercent", quorumPercent));
    }

    /** Opens the ballot, closing {@link #SHORT_BALLOT} from the service's now; returns the closing time. */
    Instant openShortBallot(String conventionId, String clusterId, int quorumPercent) {
        Instant closesAt = clock.instant().plus(SHORT_BALLOT);
        ApiClient.Response opened = openBallot(conventionId, clusterId, closesAt, quorumPercent);
        assertThat(opened.status()).as(opened.toString()).isEqualTo(200);
        return Instant.parse(opened.at("/ballot/closesAt"));
    }

    ApiClient.Response vote(Member member, String conventionId, String choice) {
        return api.as(member.token()).post("/api/membership/conventions/" + conventionId + "/votes",
                Map.of("choice", choice));
    }

    void castVote(Member member, String conventionId, String choice) {
        ApiClient.Response response = vote(member, conventionId, choice);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.at("/choice")).isEqualTo(choice);
    }

    ApiClient.Response tally(String conventionId, String clusterId) {
        return api.as(secretariatOf(clusterId)).post("/api/membership/conventions/" + conventionId + "/tally", null);
    }

    /** Moves the service's clock past the ballot's closing time, as if the test had waited for it. */
    static void passClosingTime(Instant closesAt) {
        clock.advancePast(closesAt);
    }

    /** Waits until the events with these routing keys about the cluster were published; returns the cluster's. */
    List<Message> awaitEvents(String clusterId, String... routingKeys) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(published(clusterId))
                .extracting(Message::routingKey).contains(routingKeys));
        return published(clusterId);
    }

    /** Waits for the event with this routing key about this convention. */
    Message awaitEvent(String clusterId, String routingKey, String conventionId) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(published(clusterId))
                .anyMatch(m -> m.routingKey().equals(routingKey)
                        && conventionId.equals(m.body().path("conventionId").asString())));
        return published(clusterId).stream().filter(m -> m.routingKey().equals(routingKey)
                && conventionId.equals(m.body().path("conventionId").asString())).findFirst().orElseThrow();
    }

    Message only(List<Message> messages, String routingKey) {
        List<Message> matching = messages.stream().filter(m -> m.routingKey().equals(routingKey)).toList();
        assertThat(matching).hasSize(1);
        return matching.getFirst();
    }

    /** What was published about the cluster since the test started (other tests publish too). */
    private List<Message> published(String clusterId) {
        try {
            GetResponse response;
            while ((response = channel.basicGet(published, true)) != null) {
                JsonNode body = JSON.readTree(new String(response.getBody(), StandardCharsets.UTF_8));
                received.add(new Message(response.getEnvelope().getRoutingKey(), body));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return received.stream().filter(m -> clusterId.equals(m.body().path("clusterId").asString())).toList();
    }
}
