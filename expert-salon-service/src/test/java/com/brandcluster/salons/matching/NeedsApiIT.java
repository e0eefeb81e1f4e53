package com.brandcluster.salons.matching;

import com.brandcluster.platform.membership.MemberStanding;
import com.brandcluster.platform.security.Roles;
import com.brandcluster.testsupport.ApiClient;
import com.brandcluster.testsupport.TestTokens;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static org.assertj.core.api.Assertions.assertThat;

class NeedsApiIT extends MatchingIntegrationTest {

    private static final String NEEDS = "/api/salons/needs";

    @Test
    void anEnterpriseStatesItsNeedsReadsThemBackAndReplacesThemWhole() {
        String enterprise = newEnterprise();
        String cluster = uniqueCluster("lighting");
        standing(cluster, enterprise, MemberStanding.ACTIVE);
        String token = enterpriseUser(enterprise);

        ApiClient.Response first = api.as(token).put(NEEDS, needs(List.of("BRAND_STRATEGY", "DESIGN", "DESIGN"),
                "  We want to price our lamps for export.  ", List.of("zh-cn", "EN", "en"), List.of(cluster)));

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.at("/enterpriseId")).isEqualTo(enterprise);
        assertThat(first.json().get("topics").toString()).isEqualTo("[\"BRAND_STRATEGY\",\"DESIGN\"]");
        assertThat(first.json().get("languages").toString()).isEqualTo("[\"zh-CN\",\"en\"]");
        assertThat(first.at("/description")).isEqualTo("We want to price our lamps for export.");
        assertThat(first.at("/clusters/0")).isEqualTo(cluster);
        assertThat(first.at("/statedAt")).isNotNull();
        ApiClient.Response read = api.as(enterpriseUser(enterprise)).get(NEEDS);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(first.json());

        Map<String, Object> replacement = new HashMap<>();
        replacement.put("topics", List.of("FINANCING"));
        replacement.put("description", "Funding a new factory.");
        ApiClient.Response second = api.as(token).put(NEEDS, replacement);

        assertThat(second.status()).as(second.toString()).isEqualTo(200);
        ApiClient.Response reread = api.as(token).get(NEEDS);
        assertThat(reread.json().get("topics").toString()).isEqualTo("[\"FINANCING\"]");
        assertThat(reread.at("/description")).isEqualTo("Funding a new factory.");
        assertThat(reread.json().get("languages")).isEmpty();
        assertThat(reread.json().get("clusters")).isEmpty();
    }

    @Test
    void needsNameOnlyClustersTheEnterpriseIsAMemberOfInGoodStanding() {
        String enterprise = newEnterprise();
        String active = uniqueCluster("lighting");
        String grace = uniqueCluster("coal");
        String suspended = uniqueCluster("textiles");
        String lapsed = uniqueCluster("ceramics");
        String stranger = uniqueCluster("tea");
        String admittedMomentsAgo = uniqueCluster("silk");
        standing(active, enterprise, MemberStanding.ACTIVE);
        standing(grace, enterprise, MemberStanding.GRACE);
        standing(suspended, enterprise, "SUSPENDED");
        standing(lapsed, enterprise, "LAPSED");
        onlyMembershipServiceKnows(admittedMomentsAgo, enterprise, "ACTIVE");
        Map<String, Object> accepted = needs(List.of("DESIGN"), "Packaging design", List.of(),
                List.of(active, grace, admittedMomentsAgo));

        ApiClient.Response stated = stateNeeds(enterprise, accepted);

        assertThat(stated.status()).as(stated.toString()).isEqualTo(201);
        assertThat(stated.json().get("clusters").toString())
                .isEqualTo("[\"" + active + "\",\"" + grace + "\",\"" + admittedMomentsAgo + "\"]");

        ApiClient.Response refused = stateNeeds(enterprise, needs(List.of("FINANCING"), "Funding", List.of(),
                List.of(active, suspended, lapsed, stranger)));

        assertProblem(refused, 422, "not-a-member-of-cluster");
        assertThat(refused.json().get("clusters").toString())
                .isEqualTo("[\"" + suspended + "\",\"" + lapsed + "\",\"" + stranger + "\"]");
        ApiClient.Response unchanged = api.as(enterpriseUser(enterprise)).get(NEEDS);
        assertThat(unchanged.json().get("topics").toString()).isEqualTo("[\"DESIGN\"]");
        assertThat(unchanged.json().get("clusters")).hasSize(3);
    }

    @Test
    void whenMembershipCannotBeCheckedNothingIsStated() {
        String enterprise = newEnterprise();
        String cluster = uniqueCluster("lighting");
        membershipService.stubFor(get(anyUrl()).willReturn(serverError()));

        ApiClient.Response response = stateNeeds(enterprise, needs(List.of("DESIGN"), "Design", List.of(),
                List.of(cluster)));

        assertProblem(response, 503, "membership-unavailable");
        assertProblem(api.as(enterpriseUser(enterprise)).get(NEEDS), 404, "needs-not-stated");
    }

    @Test
    void badNeedsAreRefusedAndChangeNothing() {
        String enterprise = newEnterprise();
        stated(enterprise, needs(List.of("DESIGN"), "Packaging design", List.of("zh-CN"), List.of()));
        String token = enterpriseUser(enterprise);

        Map<String, Object> noTopics = needs(List.of(), "Design", List.of(), List.of());
        Map<String, Object> missingTopics = needs(null, "Design", List.of(), List.of());
        Map<String, Object> unknownTopic = needs(List.of("ASTROLOGY"), "Design", List.of(), List.of());
        Map<String, Object> nullTopic = needs(Collections.singletonList(null), "Design",
                List.of(), List.of());
        Map<String, Object> blankDescription = needs(List.of("DESIGN"), "   ", List.of(), List.of());
        Map<String, Object> longDescription = needs(List.of("DESIGN"), "x".repeat(2001), List.of(), List.of());
        Map<String, Object> badLanguage = needs(List.of("DESIGN"), "Design", List.of("not a language"), List.of());
        Map<String, Object> badCluster = needs(List.of("DESIGN"), "Design", List.of(), List.of("Not A Cluster!"));
        Map<String, Object> unknownField = needs(List.of("DESIGN"), "Design", List.of(), List.of());
        unknownField.put("budget", 10_000);

        ApiClient.Response empty = api.as(token).put(NEEDS, noTopics);
        assertProblem(empty, 400, "validation");
        assertThat(empty.at("/errors/0/field")).isEqualTo("topics");
        assertProblem(api.as(token).put(NEEDS, missingTopics), 400, "validation");
        ApiClient.Response unknown = api.as(token).put(NEEDS, unknownTopic);
        assertProblem(unknown, 400, "validation");
        assertThat(unknown.at("/errors/0/field")).isEqualTo("topics[0]");
        assertProblem(api.as(token).put(NEEDS, nullTopic), 400, "validation");
        ApiClient.Response blank = api.as(token).put(NEEDS, blankDescription);
        assertProblem(blank, 400, "validation");
        assertThat(blank.at("/errors/0/field")).isEqualTo("description");
        assertProblem(api.as(token).put(NEEDS, longDescription), 400, "validation");
        ApiClient.Response language = api.as(token).put(NEEDS, badLanguage);
        assertProblem(language, 400, "validation");
        assertThat(language.at("/errors/0/field")).startsWith("languages[0]");
        ApiClient.Response cluster = api.as(token).put(NEEDS, badCluster);
        assertProblem(cluster, 400, "validation");
        assertThat(cluster.at("/errors/0/field")).startsWith("clusters[0]");
        assertProblem(api.as(token).put(NEEDS, unknownField), 400, "unknown-property");
        assertProblem(api.as(token).send("PUT", NEEDS, "{\"topics\": [", "application/json"), 400,
                "malformed-body");

        ApiClient.Response read = api.as(token).get(NEEDS);
        assertThat(read.json().get("topics").toString()).isEqualTo("[\"DESIGN\"]");
        assertThat(read.at("/description")).isEqualTo("Packaging design");
        assertThat(read.at("/languages/0")).isEqualTo("zh-CN");
    }

    @Test
    void onlyAUserActingForAnEnterpriseStatesOrReadsNeeds() {
        Map<String, Object> body = needs(List.of("DESIGN"), "Design", List.of(), List.of());
        String roleWithoutEnterprise = TestTokens.user("user-" + UUID.randomUUID()).roles(Roles.ENTERPRISE).issue();
        String enterpriseClaimWithoutRole = TestTokens.user("user-" + UUID.randomUUID()).roles(Roles.EXPERT)
                .enterpriseId("ent-x").issue();

        for (String token : List.of(expert(newSubject()), secretariatOf("lighting"), roleWithoutEnterprise,
                enterpriseClaimWithoutRole)) {
            assertProblem(api.as(token).put(NEEDS, body), 403, "forbidden");
            assertProblem(api.as(token).get(NEEDS), 403, "forbidden");
        }
        assertProblem(api.anonymous().put(NEEDS, body), 401, "unauthorized");
        assertProblem(api.anonymous().get(NEEDS), 401, "unauthorized");
        assertThat(mongo.findById("ent-x", Needs.class)).isNull();
    }

    @Test
    void enterprisesReadAndReplaceOnlyTheirOwnNeeds() {
        String acme = newEnterprise();
        String globex = newEnterprise();
        stated(acme, needs(List.of("DESIGN"), "Packaging design", List.of(), List.of()));

        ApiClient.Response notStated = api.as(enterpriseUser(globex)).get(NEEDS);

        assertProblem(notStated, 404, "needs-not-stated");
        assertThat(notStated.at("/detail")).contains("PUT /api/salons/needs");
        ApiClient.Response own = stateNeeds(globex, needs(List.of("FINANCING"), "Funding", List.of(), List.of()));
        assertThat(own.status()).as(own.toString()).isEqualTo(201);
        assertThat(own.at("/enterpriseId")).isEqualTo(globex);
        ApiClient.Response acmes = api.as(enterpriseUser(acme)).get(NEEDS);
        assertThat(acmes.at("/enterpriseId")).isEqualTo(acme);
        assertThat(acmes.json().get("topics").toString()).isEqualTo("[\"DESIGN\"]");
        assertThat(api.as(enterpriseUser(globex)).get(NEEDS).json().get("topics").toString())
                .isEqualTo("[\"FINANCING\"]");
    }

    @Test
    void simultaneousFirstStatementsLeaveOneStatementAndOneCreation() throws Exception {
        String enterprise = newEnterprise();
        int contenders = 40;
        List<Callable<ApiClient.Response>> calls = new ArrayList<>();
        for (int i = 0; i < contenders; i++) {
            String description = "Statement " + i;
            ApiClient client = api.as(enterpriseUser(enterprise));
            calls.add(() -> client.put(NEEDS, needs(List.of("DESIGN"), description, List.of(), List.of())));
        }
        List<ApiClient.Response> responses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(contenders)) {
            for (Future<ApiClient.Response> future : pool.invokeAll(calls)) {
                responses.add(future.get());
            }
        }

        assertThat(responses).extracting(ApiClient.Response::status).containsOnly(200, 201);
        assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
        assertThat(mongo.getCollection("needs").countDocuments(new Document("_id", enterprise)))
                .isEqualTo(1);
        String stored = api.as(enterpriseUser(enterprise)).get(NEEDS).at("/description");
        assertThat(responses).extracting(r -> r.at("/description")).contains(stored);
    }
}
