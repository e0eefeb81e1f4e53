package com.brandcluster.membership.application;

import com.brandcluster.contracts.Exchanges;
import com.brandcluster.contracts.membership.ApplicationRejected;
import com.brandcluster.contracts.membership.ApplicationSubmitted;
import com.brandcluster.contracts.membership.ClusterCreated;
import com.brandcluster.contracts.membership.MemberAdmitted;
import com.brandcluster.membership.MembershipIntegrationTest;
import com.brandcluster.platform.security.Roles;
import com.brandcluster.testsupport.ApiClient;
import com.brandcluster.testsupport.RabbitExtension;
import com.brandcluster.testsupport.TestTokens;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import java.time.Instant;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Criteria;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ApplicationApiIT extends MembershipIntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    ApplicationReview review;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.data.mongodb.core.MongoOperations mongo;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Connection connection;
    private Channel channel;
    private String published;

    @BeforeEach
    void listenToMembershipEvents() throws Exception {
        connection = RabbitExtension.info().connectionFactory().newConnection();
        channel = connection.createChannel();
        published = channel.queueDeclare("", false, true, true, null).getQueue();
        channel.queueBind(published, Exchanges.MEMBERSHIP, "membership.#");
    }

    @AfterEach
    void close() throws Exception {
        connection.close();
    }

    @Test
    void anEnterpriseAppliesAndTheSecretariatOfThatClusterAdmitsIt() {
        String cluster = foundCluster(uniqueSlug("lighting"));
        String enterprise = registerEnterprise("opal-admin");
        String application = apply(cluster, "opal-admin", enterprise);

        ApiClient.Response approved = api.as(secretariatOf(cluster)).post("/api/membership/applications/" + application + "/approval",
                Map.of("tier", "council"));

        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.at("/status")).isEqualTo("APPROVED");
        assertThat(approved.at("/admission")).isEqualTo("DONE");
        assertThat(approved.at("/approvedTier")).isEqualTo("council");

        ApiClient.Response membership = api.as(enterpriseUser("opal-admin", enterprise))
                .get("/api/membership/clusters/" + cluster + "/members/" + enterprise);
        assertThat(membership.status()).isEqualTo(200);
        assertThat(membership.at("/status")).isEqualTo("ACTIVE");
        assertThat(membership.at("/tier")).isEqualTo("council");
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        assertThat(membership.at("/memberNumber")).isEqualTo(memberNumberPrefix(cluster) + "-" + year + "-0001");
        assertThat(membership.at("/validUntil"))
                .isEqualTo(LocalDate.parse(membership.at("/validFrom")).plusYears(1).minusDays(1).toString());
    }

    @Test
    void submissionAndAdmissionArePublishedOnceEachWithVersionsAndIds() throws Exception {
        String cluster = foundCluster(uniqueSlug("lighting"));
        String enterprise = registerEnterprise("foshan-admin");
        String application = apply(cluster, "foshan-admin", enterprise);
        approve(cluster, application);

        List<Message> messages = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            drainInto(messages, cluster);
            assertThat(messages).extracting(Message::routingKey)
                    .contains(ApplicationSubmitted.ROUTING_KEY, MemberAdmitted.ROUTING_KEY);
        });
        Message admitted = messages.stream().filter(m -> m.routingKey().equals(MemberAdmitted.ROUTING_KEY)).findFirst().orElseThrow();
        assertThat(admitted.body().get("clusterId").asString()).isEqualTo(cluster);
        assertThat(admitted.body().get("enterpriseId").asString()).isEqualTo(enterprise);
        assertThat(admitted.body().get("membershipId").asString()).isEqualTo(application);
        assertThat(admitted.body().get("version").asLong()).isEqualTo(1);
        assertThat(admitted.body().get("eventId").asString()).isNotBlank();
        assertThat(admitted.body().get("memberNumber").asString()).startsWith(memberNumberPrefix(cluster) + "-");
        Message submitted = messages.stream().filter(m -> m.routingKey().equals(ApplicationSubmitted.ROUTING_KEY)).findFirst().orElseThrow();
        assertThat(submitted.body().get("applicationId").asString()).isEqualTo(application);

        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            drainInto(messages, cluster);
            assertThat(messages).filteredOn(m -> !m.routingKey().equals(ClusterCreated.ROUTING_KEY)).hasSize(2);
        });
    }

    @Test
    void aRejectionIsPublishedWithItsReason() throws Exception {
        String cluster = foundCluster(uniqueSlug("lighting"));
        String enterprise = registerEnterprise("rejected-admin");
        String application = apply(cluster, "rejected-admin", enterprise);

        api.as(secretariatOf(cluster)).post("/api/membership/applications/" + application + "/rejection",
                Map.of("reason", "Not a lighting maker"));

        List<Message> messages = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            drainInto(messages, cluster);
            assertThat(messages).extracting(Message::routingKey).contains(ApplicationRejected.ROUTING_KEY);
        });
        Message rejected = messages.stream().filter(m -> m.routingKey().equals(ApplicationRejected.ROUTING_KEY)).findFirst().orElseThrow();
        assertThat(rejected.body().get("reason").asString()).isEqualTo("Not a lighting maker");
        assertThat(rejected.body().get("applicationId").asString()).isEqualTo(application);
        assertThat(rejected.body().get("version").asLong()).isEqualTo(2);
    }

    @Test
    void theApplicantWithdrawsItsOpenApplicationAndMayApplyAgain() {
        String cluster = foundCluster(uniqueSlug("lighting"));
        String enterprise = registerEnterprise("withdrawing-admin");
        String other = registerEnterprise("withdrawing-other");
        String application = apply(cluster, "withdrawing-admin", enterprise);
        String path = "/api/membership/applications/" + application + "/withdrawal";

        assertProblem(api.as(enterpriseUser("withdrawing-other", other)).post(path, null), 403, "forbidden");
        assertProblem(api.as(secretariatOf(cluster)).post(path, null), 403, "forbidden");
        assertProblem(api.anonymous().post(path, null), 401, null);
        ApiClient.Response withdrawn = api.as(enterpriseUser("withdrawing-admin", enterprise)).post(path, null);
        assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(200);
        assertThat(withdrawn.at("/status")).isEqualTo("WITHDRAWN");

        ApiClient.Response again = api.as(enterpriseUser("withdrawing-admin", enterprise)).post(path, null);
        assertProblem(again, 409, "application-decided");
        assertThat(again.at("/currentState")).isEqualTo("WITHDRAWN");
        apply(cluster, "withdrawing-admin", enterprise);
    }

    @Test
    void decisionsAreAuditedForTheClustersSecretariatOnly() {
        String cluster = foundCluster(uniqueSlug("lighting"));
        String enterprise = registerEnterprise("audited-admin");
        String approved = apply(cluster, "audited-admin", enterprise);
        approve(cluster, approved);
        String path = "/api/membership/clusters/" + cluster + "/audit";

        ApiClient.Response trail = api.as(secretariatOf(cluster)).get(path + "?size=10");

        assertThat(trail.status()).as(trail.toString()).isEqualTo(200);
        assertThat(trail.at("/content/0/action")).isEqualTo("application.approved");
        assertThat(trail.at("/content/0/subjectId")).isEqualTo(approved);
        assertThat(trail.at("/content/0/actorRole")).isEqualTo("secretariat");
        assertThat(trail.at("/totalElements")).isEqualTo("2"); // founding the cluster was audited too
        assertProblem(api.as(secretariatOf("coking-coal")).get(path), 403, "forbidden");
        assertProblem(api.as(enterpriseUser("audited-admin", enterprise)).get(path), 403, "forbidden");
        assertProblem(api.anonymous().get(path), 401, null);
        assertProblem(api.as(secretariatOf(cluster)).get(path + "?size=1000"), 400, null);
    }

    @Test
    void aSecretariatOfAnotherClusterAndTheEnterpriseItselfMayNotApprove() {
        String cluster = foundCluster(uniqueSlug("lighting"));
        String enterprise = registerEnterprise("newco-admin");
        String application = apply(cluster, "newco-admin", enterprise);
        String path = "/api/membership/applications/" + application + "/approval";

        assertProblem(api.as(secretariatOf("coking-coal")).post(path, null), 403, "forbidden");
        assertProblem(api.as(enterpriseUser("newco-admin", enterprise)).post(path, null), 403, "forbidden");
        assertProblem(api.as(expert()).post(path, null), 403, "forbidden");
        assertProblem(api.anonymous().post(path, null), 401, null);

        assertThat(api.as(secretariatOf(cluster)).get("/api/membership/applications/" + application).at("/status"))
                .isEqualTo("SUBMITTED");
    }

    @Test
    void aDecidedApplicationCannotBeDecidedAgain() {
        String cluster = foundCluster(uniqueSlug("lighting"));
        String enterprise = registerEnterprise("twice-admin");
        String application = apply(cluster, "twice-admin", enterprise);
        String secretariat = secretariatOf(cluster);
        approve(cluster, application);

        ApiClient.Response twice = api.as(secretariat).post("/api/membership/applications/" + application + "/approval", null);
        assertProblem(twice, 409, "application-decided");
        assertThat(twice.at("/currentState")).isEqualTo("APPROVED");
        assertProblem(api.as(secretariat).post("/api/membership/applications/" + application + "/rejection",
                Map.of("reason", "changed my mind")), 409, "application-decided");
    }

    @Test
    void aRefusedSecondApprovalDrawsNoMemberNumber() {
        String cluster = foundCluster(uniqueSlug("lighting"));
        String first = registerEnterprise("numbered-first");
        String firstApplication = apply(cluster, "numbered-first", first);
        String firstNumber = approve(cluster, firstApplication).at("/memberNumber");

        assertProblem(api.as(secretariatOf(cluster)).post("/api/membership/applications/" + firstApplication
                + "/approval", null), 409, "application-decided");
        String second = registerEnterprise("numbered-second");
        String secondNumber = approve(cluster, apply(cluster, "numbered-second", second)).at("/memberNumber");

        assertThat(firstNumber).endsWith("-0001");
        assertThat(secondNumber).isEqualTo(firstNumber.replace("-0001", "-0002"));
    }

    @Test
    void anApprovalInterruptedBeforeItsMembershipExistedIsFinishedWithTheSameMemberNumber() {
        String cluster = foundCluster(uniqueSlug("lighting"));
        String enterprise = registerEnterprise("crash-admin");
        String application = apply(cluster, "crash-admin", enterprise);
        String memberNumber = approve(cluster, application).at("/memberNumber");
        // The process died after storing the approval and before creating the membership:
        mongo.remove(Query.query(Criteria.where("_id").is(application)), "memberships");
        mongo.updateFirst(Query.query(Criteria.where("_id").is(application)),
                new Update().set("admission", "PENDING").set("decidedAt", Instant.now().minusSeconds(60)), "applications");

        review.finishPendingAdmissions();
        review.finishPendingAdmissions();

        ApiClient.Response membership = api.as(secretariatOf(cluster))
                .get("/api/membership/clusters/" + cluster + "/members/" + enterprise);
        assertThat(membership.status()).as(membership.toString()).isEqualTo(200);
        assertThat(membership.at("/memberNumber")).isEqualTo(memberNumber);
        assertThat(mongo.count(Query.query(Criteria.where("enterpriseId").is(enterprise)), "memberships")).isEqualTo(1);
        assertThat(api.as(secretariatOf(cluster)).get("/api/membership/applications/" + application).at("/admission"))
                .isEqualTo("DONE");
    }

    @Test
    void concurrentApprovalsAdmitOnce() throws Exception {
        String cluster = foundCluster(uniqueSlug("lighting"));
        String enterprise = registerEnterprise("race-admin");
        String application = apply(cluster, "race-admin", enterprise);
        String secretariat = secretariatOf(cluster);

        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Callable<Integer>> approvals = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            approvals.add(() -> api.as(secretariat).post("/api/membership/applications/" + application + "/approval", null).status());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : pool.invokeAll(approvals)) {
            statuses.add(f.get());
        }
        pool.shutdown();

        assertThat(statuses).containsOnly(200, 409);
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(api.as(secretariat).get("/api/membership/clusters/" + cluster + "/members").at("/totalElements")).isEqualTo("1");
    }

    @Test
    void oneOpenApplicationPerEnterpriseAndClusterUntilItIsDecided() {
        String cluster = foundCluster(uniqueSlug("lighting"));
        String enterprise = registerEnterprise("eager-admin");
        String first = apply(cluster, "eager-admin", enterprise);
        ApiClient client = api.as(enterpriseUser("eager-admin", enterprise));

        assertProblem(client.post("/api/membership/clusters/" + cluster + "/applications", Map.of()), 409, "application-open");

        api.as(secretariatOf(cluster)).post("/api/membership/applications/" + first + "/rejection", Map.of("reason", "Incomplete evidence"));
        ApiClient.Response again = client.post("/api/membership/clusters/" + cluster + "/applications", Map.of());
        assertThat(again.status()).as(again.toString()).isEqualTo(201);
        assertThat(again.at("/requestedTier")).isEqualTo("member");
    }

    @Test
    void aMemberCannotApplyAgain() {
        String cluster = foundCluster(uniqueSlug("lighting"));
        String enterprise = registerEnterprise("member-admin");
        String application = apply(cluster, "member-admin", enterprise);
        approve(cluster, application);

        assertProblem(api.as(enterpriseUser("member-admin", enterprise))
                .post("/api/membership/clusters/" + cluster + "/applications", Map.of()), 409, "already-member");
    }

    @Test
    void applicationsNeedAnEnterpriseAKnownClusterAndAKnownTier() {
        String cluster = foundCluster(uniqueSlug("lighting"));
        String enterprise = registerEnterprise("careful-admin");
        ApiClient client = api.as(enterpriseUser("careful-admin", enterprise));

        assertProblem(client.post("/api/membership/clusters/no-such-cluster/applications", Map.of()), 404, "not-found");
        assertProblem(client.post("/api/membership/clusters/" + cluster + "/applications", Map.of("tier", "platinum")), 422, "unknown-tier");
        assertProblem(api.as(enterpriseUser("no-enterprise", null))
                .post("/api/membership/clusters/" + cluster + "/applications", Map.of()), 403, "forbidden");
        assertProblem(api.as(secretariatOf(cluster)).post("/api/membership/clusters/" + cluster + "/applications", Map.of()), 403, "forbidden");
        assertProblem(api.anonymous().post("/api/membership/clusters/" + cluster + "/applications", Map.of()), 401, null);
    }

    @Test
    void rejectingNeedsAReason() {
        String cluster = foundCluster(uniqueSlug("lighting"));
        String enterprise = registerEnterprise("reason-admin");
        String application = apply(cluster, "reason-admin", enterprise);

        ApiClient.Response response = api.as(secretariatOf(cluster))
                .post("/api/membership/applications/" + application + "/rejection", Map.of("reason", " "));

        assertProblem(response, 400, null);
        assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("reason");
    }

    @Test
    void anApplicationIsReadByItsEnterpriseAndItsClustersSecretariatOnly() {
        String cluster = foundCluster(uniqueSlug("lighting"));
        String enterprise = registerEnterprise("reader-admin");
        String other = registerEnterprise("other-admin");
        String application = apply(cluster, "reader-admin", enterprise);
        String path = "/api/membership/applications/" + application;

        assertThat(api.as(enterpriseUser("reader-admin", enterprise)).get(path).status()).isEqualTo(200);
        assertThat(api.as(secretariatOf(cluster)).get(path).status()).isEqualTo(200);
        assertProblem(api.as(enterpriseUser("other-admin", other)).get(path), 403, "forbidden");
        assertProblem(api.as(secretariatOf("coking-coal")).get(path), 403, "forbidden");
        assertProblem(api.anonymous().get(path), 401, null);
        assertProblem(api.as(secretariatOf(cluster)).get("/api/membership/applications/000000000000000000000000"), 404, "not-found");
    }

    @Test
    void anEnterpriseListsItsOwnApplicationsToEveryClusterNewestFirst() {
        String lighting = foundCluster(uniqueSlug("lighting"));
        String coal = foundCluster(uniqueSlug("coking"));
        String enterprise = registerEnterprise("own-list-admin");
        String other = registerEnterprise("own-list-other");
        String rejected = apply(lighting, "own-list-admin", enterprise);
        api.as(secretariatOf(lighting)).post("/api/membership/applications/" + rejected + "/rejection",
                Map.of("reason", "Incomplete evidence"));
        String open = apply(coal, "own-list-admin", enterprise);
        apply(lighting, "own-list-other", other);
        String path = "/api/membership/enterprises/" + enterprise + "/applications";

        ApiClient.Response mine = api.as(enterpriseUser("own-list-admin", enterprise)).get(path);

        assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
        assertThat(mine.json().findValuesAsString("id")).containsExactly(open, rejected);
        assertThat(mine.json().findValuesAsString("enterpriseId")).containsOnly(enterprise);
        assertThat(mine.at("/0/clusterId")).isEqualTo(coal);
        assertThat(mine.at("/0/status")).isEqualTo("SUBMITTED");
        assertThat(mine.at("/1/clusterId")).isEqualTo(lighting);
        assertThat(mine.at("/1/status")).isEqualTo("REJECTED");
        assertThat(mine.at("/1/reason")).isEqualTo("Incomplete evidence");
        ApiClient.Response colleague = api.as(enterpriseUser("own-list-staff", enterprise)).get(path + "?status=REJECTED");
        assertThat(colleague.status()).as(colleague.toString()).isEqualTo(200);
        assertThat(colleague.json().findValuesAsString("id")).containsExactly(rejected);
        assertProblem(api.as(enterpriseUser("own-list-admin", enterprise)).get(path + "?status=NONSENSE"), 400, null);

        assertProblem(api.as(enterpriseUser("own-list-other", other)).get(path), 403, "forbidden");
        assertProblem(api.as(secretariatOf(lighting, coal)).get(path), 403, "forbidden");
        assertProblem(api.as(allianceAdmin()).get(path), 403, "forbidden");
        assertProblem(api.as(TestTokens.user("own-list-expert").roles(Roles.EXPERT).enterpriseId(enterprise).issue())
                .get(path), 403, "forbidden");
        assertProblem(api.anonymous().get(path), 401, null);
    }

    @Test
    void theApplicationQueueIsForTheClustersSecretariatOnly() {
        String cluster = foundCluster(uniqueSlug("lighting"));
        String enterprise = registerEnterprise("queue-admin");
        apply(cluster, "queue-admin", enterprise);

        ApiClient.Response queue = api.as(secretariatOf(cluster)).get("/api/membership/clusters/" + cluster + "/applications?status=SUBMITTED");
        assertThat(queue.status()).isEqualTo(200);
        assertThat(queue.json().findValuesAsString("enterpriseId")).containsExactly(enterprise);
        assertProblem(api.as(secretariatOf(cluster)).get("/api/membership/clusters/" + cluster + "/applications?status=NONSENSE"), 400, null);
        for (String path : List.of("/api/membership/clusters/" + cluster + "/applications")) {
            assertThat(api.as(secretariatOf(cluster)).get(path).status()).isEqualTo(200);
            assertProblem(api.as(secretariatOf("coking-coal")).get(path), 403, "forbidden");
            assertProblem(api.as(enterpriseUser("queue-admin", enterprise)).get(path), 403, "forbidden");
            assertProblem(api.anonymous().get(path), 401, null);
        }
    }

    @Test
    void oneMembershipIsReadByItsEnterpriseAndTheSecretariat() {
        String cluster = foundCluster(uniqueSlug("lighting"));
        String enterprise = registerEnterprise("m-admin");
        String other = registerEnterprise("m-other");
        approve(cluster, apply(cluster, "m-admin", enterprise));
        String path = "/api/membership/clusters/" + cluster + "/members/" + enterprise;

        assertThat(api.as(secretariatOf(cluster)).get(path).status()).isEqualTo(200);
        assertProblem(api.as(enterpriseUser("m-other", other)).get(path), 403, "forbidden");
        assertProblem(api.as(enterpriseUser("m-other", other)).get("/api/membership/clusters/" + cluster + "/members/" + other), 404, "not-found");
        assertProblem(api.anonymous().get(path), 401, null);
    }

    /** Takes what was published so far, keeping the events of one cluster (other tests publish too). */
    private void drainInto(List<Message> messages, String clusterId) throws Exception {
        GetResponse response;
        while ((response = channel.basicGet(published, true)) != null) {
            JsonNode body = JSON.readTree(new String(response.getBody(), StandardCharsets.UTF_8));
            if (clusterId.equals(body.path("clusterId").asString())) {
                messages.add(new Message(response.getEnvelope().getRoutingKey(), body));
            }
        }
    }

    private record Message(String routingKey, JsonNode body) {
    }

}
