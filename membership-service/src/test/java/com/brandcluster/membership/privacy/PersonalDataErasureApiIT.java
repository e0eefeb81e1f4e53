package com.brandcluster.membership.privacy;

import com.brandcluster.contracts.membership.PersonErased;
import com.brandcluster.membership.enterprise.KeycloakStub;
import com.brandcluster.membership.enterprise.PublishedEvents;
import com.brandcluster.membership.membership.MembershipLifecycleIntegrationTest;
import com.brandcluster.platform.security.Roles;
import com.brandcluster.testsupport.ApiClient;
import com.brandcluster.testsupport.TestTokens;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.brandcluster.membership.enterprise.KeycloakStub.USERS;
import static com.brandcluster.membership.enterprise.KeycloakStub.attributes;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class PersonalDataErasureApiIT extends MembershipLifecycleIntegrationTest {

    private static final String EXPORT = "/api/membership/me/personal-data";
    private static final String ERASURE = "/api/membership/me/erasure";

    @Autowired
    MongoTemplate mongo;

    @Autowired
    PersonalDataErasure erasure;

    private KeycloakStub users;
    private PublishedEvents published;

    @BeforeEach
    void setUp() throws Exception {
        users = new KeycloakStub(keycloak).realm();
        published = new PublishedEvents();
    }

    @AfterEach
    void close() throws Exception {
        published.close();
    }

    /** A person with an account, their e-mail in the token as Keycloak issues it. */
    private record Person(String subject, String email) {

        static Person named(String name) {
            String subject = name + "-" + UUID.randomUUID();
            return new Person(subject, subject + "@people.example");
        }

        String token(String enterpriseId) {
            TestTokens.Builder token = TestTokens.user(subject).roles(Roles.ENTERPRISE).email(email)
                    .username(subject);
            return (enterpriseId == null ? token : token.enterpriseId(enterpriseId)).issue();
        }
    }

    /** The registrant of an admitted member enterprise, and an invited colleague with the given role. */
    private record Enterprise(String id, Person registrant, Person colleague, String clusterId, String applicationId) {
    }

    private Enterprise memberWithColleague(String colleagueRole) {
        String cluster = foundCluster(uniqueSlug("privacy"));
        Person registrant = Person.named("registrant");
        users.user(registrant.subject(), registrant.subject(), registrant.email(), Map.of());
        ApiClient.Response registered = api.as(registrant.token(null))
                .post("/api/membership/enterprises", enterpriseRequest(legalName(registrant), newCreditCode()));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        String enterprise = registered.at("/enterprise/id");
        users.user(registrant.subject(), registrant.subject(), registrant.email(),
                attributes("enterprise_id", enterprise));
        String application = apply(cluster, registrant.subject(), enterprise);
        approve(cluster, application);

        Person colleague = Person.named("colleague");
        users.user(colleague.subject(), colleague.subject(), colleague.email(), Map.of());
        ApiClient.Response invited = api.as(registrant.token(enterprise)).post(
                "/api/membership/enterprises/" + enterprise + "/colleagues",
                Map.of("email", colleague.email(), "role", colleagueRole));
        assertThat(invited.status()).as(invited.toString()).isEqualTo(201);
        users.user(colleague.subject(), colleague.subject(), colleague.email(),
                attributes("enterprise_id", enterprise));
        return new Enterprise(enterprise, registrant, colleague, cluster, application);
    }

    /** A legal name that does not contain the person's subject, so that finding the subject means finding them. */
    private static String legalName(Person registrant) {
        return "Lighting Works " + Integer.toHexString(registrant.subject().hashCode());
    }

    private JsonNode export(Person person, String enterpriseId) {
        ApiClient.Response export = api.as(person.token(enterpriseId)).get(EXPORT);
        assertThat(export.status()).as(export.toString()).isEqualTo(200);
        return export.json();
    }

    private String statistics(String clusterId) {
        ApiClient.Response statistics = api.as(secretariatOf(clusterId))
                .get("/api/membership/clusters/" + clusterId + "/statistics/members?months=1");
        assertThat(statistics.status()).as(statistics.toString()).isEqualTo(200);
        return statistics.json().toString();
    }

    @Test
    void exportGivesTheCallersDataAndNothingOfAnotherPerson() {
        Enterprise enterprise = memberWithColleague("STAFF");

        JsonNode registrant = export(enterprise.registrant(), enterprise.id());
        JsonNode colleague = export(enterprise.colleague(), enterprise.id());

        assertThat(registrant.path("service").asString()).isEqualTo("membership-service");
        assertThat(registrant.path("subject").asString()).isEqualTo(enterprise.registrant().subject());
        assertThat(registrant.path("records").findValuesAsString("collection"))
                .contains("enterprises", "applications");
        assertThat(registrant.toString()).contains(enterprise.registrant().email())
                .doesNotContain(enterprise.colleague().subject()).doesNotContain(enterprise.colleague().email());
        assertThat(colleague.path("records").findValuesAsString("collection")).containsExactly("enterprises");
        assertThat(colleague.toString()).contains(enterprise.colleague().email())
                .doesNotContain(enterprise.registrant().subject()).doesNotContain(enterprise.registrant().email());
    }

    @Test
    void erasureAnonymisesThePersonHereDeletesTheAccountAndAnnouncesItOnce() {
        Enterprise enterprise = memberWithColleague("ADMIN");
        Person registrant = enterprise.registrant();
        keycloak.stubFor(delete(urlEqualTo(USERS + "/" + registrant.subject())).willReturn(aResponse().withStatus(204)));
        String statisticsBefore = statistics(enterprise.clusterId());

        ApiClient.Response erasure = api.as(registrant.token(enterprise.id())).post(ERASURE, null);

        assertThat(erasure.status()).as(erasure.toString()).isEqualTo(202);
        assertThat(erasure.at("/state")).isEqualTo("ERASED");
        String requestId = erasure.at("/requestId");
        assertThat(requestId).isNotBlank();
        ApiClient.Response again = api.as(registrant.token(enterprise.id())).post(ERASURE, null);
        assertThat(again.status()).as(again.toString()).isEqualTo(202);
        assertThat(again.at("/requestId")).isEqualTo(requestId);

        keycloak.verify(exactly(1), deleteRequestedFor(urlEqualTo(USERS + "/" + registrant.subject())));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(published.where("subject", registrant.subject(), PersonErased.ROUTING_KEY)).hasSize(1));
        PublishedEvents.Event erased = published.where("subject", registrant.subject(), PersonErased.ROUTING_KEY)
                .getFirst();
        assertThat(erased.body().path("emails").get(0).asString()).isEqualTo(registrant.email());
        String pseudonym = erased.text("pseudonym");
        assertThat(pseudonym).startsWith("erased-");

        for (String collection : List.of("enterprises", "applications", "memberships", "audit_log",
                "erasure_requests")) {
            for (Document document : mongo.findAll(Document.class, collection)) {
                Document withoutOutbox = new Document(document);
                withoutOutbox.remove("outbox");
                assertThat(withoutOutbox.toJson()).as(collection).doesNotContain(registrant.subject())
                        .doesNotContain(registrant.email());
            }
        }
        Document registered = mongo.findById(enterprise.id(), Document.class, "enterprises");
        assertThat(registered.getString("registeredBy")).isEqualTo(pseudonym);
        assertThat(registered.getList("users", Document.class)).extracting(u -> u.getString("userId"))
                .containsExactly(enterprise.colleague().subject());
        assertThat(export(registrant, enterprise.id()).path("records").isEmpty()).isTrue();
        ApiClient.Response application = api.as(secretariatOf(enterprise.clusterId()))
                .get("/api/membership/applications/" + enterprise.applicationId());
        assertThat(application.status()).as(application.toString()).isEqualTo(200);
        assertThat(statistics(enterprise.clusterId())).isEqualTo(statisticsBefore);
    }

    @Test
    void theLastAdminOfAnEnterpriseIsToldToAppointAnotherFirst() {
        Enterprise enterprise = memberWithColleague("STAFF");

        ApiClient.Response refused = api.as(enterprise.registrant().token(enterprise.id())).post(ERASURE, null);

        assertProblem(refused, 409, "last-admin");
        assertThat(refused.at("/detail")).contains(legalName(enterprise.registrant()))
                .contains("make a colleague an admin");
        keycloak.verify(exactly(0), deleteRequestedFor(urlEqualTo(USERS + "/" + enterprise.registrant().subject())));
        assertThat(export(enterprise.registrant(), enterprise.id()).path("records").isEmpty()).isFalse();
    }

    @Test
    void aColleagueErasedLeavesTheEnterpriseAndTheOthersKeepTheirData() {
        Enterprise enterprise = memberWithColleague("STAFF");
        Person colleague = enterprise.colleague();
        keycloak.stubFor(delete(urlEqualTo(USERS + "/" + colleague.subject())).willReturn(aResponse().withStatus(404)));

        ApiClient.Response erasure = api.as(colleague.token(enterprise.id())).post(ERASURE, null);

        assertThat(erasure.status()).as(erasure.toString()).isEqualTo(202);
        ApiClient.Response listed = api.as(enterprise.registrant().token(enterprise.id()))
                .get("/api/membership/enterprises/" + enterprise.id() + "/colleagues");
        assertThat(listed.json().findValuesAsString("userId")).containsExactly(enterprise.registrant().subject());
        JsonNode registrant = export(enterprise.registrant(), enterprise.id());
        assertThat(registrant.toString()).contains(enterprise.registrant().email());
    }

    @Test
    void anErasureThatKeycloakInterruptedIsFinishedByTheRepairJob() {
        Enterprise enterprise = memberWithColleague("STAFF");
        Person colleague = enterprise.colleague();
        keycloak.stubFor(delete(urlEqualTo(USERS + "/" + colleague.subject())).willReturn(aResponse().withStatus(503)));

        ApiClient.Response interrupted = api.as(colleague.token(enterprise.id())).post(ERASURE, null);

        assertProblem(interrupted, 503, "identity-service-unavailable");
        assertThat(published.where("subject", colleague.subject(), PersonErased.ROUTING_KEY)).isEmpty();
        keycloak.stubFor(delete(urlEqualTo(USERS + "/" + colleague.subject())).willReturn(aResponse().withStatus(204)));

        erasure.finishRequestsBefore(Instant.now().plusSeconds(1));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(published.where("subject", colleague.subject(), PersonErased.ROUTING_KEY)).hasSize(1));
        ApiClient.Response again = api.as(colleague.token(enterprise.id())).post(ERASURE, null);
        assertThat(again.status()).as(again.toString()).isEqualTo(202);
        assertThat(again.at("/state")).isEqualTo("ERASED");
        assertThat(published.where("subject", colleague.subject(), PersonErased.ROUTING_KEY)).hasSize(1);
    }

    @Test
    void anonymousCallersNeitherExportNorErase() {
        assertProblem(api.anonymous().get(EXPORT), 401, null);
        assertProblem(api.anonymous().post(ERASURE, null), 401, null);
    }
}
