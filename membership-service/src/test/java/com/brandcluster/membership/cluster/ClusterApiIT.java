package com.brandcluster.membership.cluster;

import com.brandcluster.membership.MembershipIntegrationTest;
import com.brandcluster.testsupport.ApiClient;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ClusterApiIT extends MembershipIntegrationTest {

    @Test
    void allianceAdminFoundsAClusterThatAnyoneMayRead() {
        String id = uniqueSlug("lighting");

        ApiClient.Response created = api.as(allianceAdmin()).post("/api/membership/clusters", clusterRequest(id));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/api/membership/clusters/" + id));
        ApiClient.Response read = api.anonymous().get("/api/membership/clusters/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.at("/name")).isEqualTo("China Lighting Brand Cluster");
        assertThat(read.at("/tiers/0/code")).isEqualTo("member");
        assertThat(read.at("/tiers/1/code")).isEqualTo("council");
        assertThat(read.at("/status")).isEqualTo("ACTIVE");
        assertThat(api.anonymous().get("/api/membership/clusters").json().findValuesAsString("id")).contains(id);
    }

    @Test
    void secretariatsEnterprisesAndExpertsMayNotFoundClusters() {
        String id = uniqueSlug("tea");

        assertProblem(api.as(secretariatOf(id)).post("/api/membership/clusters", clusterRequest(id)), 403, "forbidden");
        assertProblem(api.as(enterpriseUser("u-1", "ent-1")).post("/api/membership/clusters", clusterRequest(id)), 403, "forbidden");
        assertProblem(api.as(expert()).post("/api/membership/clusters", clusterRequest(id)), 403, "forbidden");
        assertThat(api.anonymous().get("/api/membership/clusters/" + id).status()).isEqualTo(404);
    }

    @Test
    void anonymousCannotFoundAClusterAndGetsAProblem() {
        ApiClient.Response response = api.anonymous().post("/api/membership/clusters", clusterRequest(uniqueSlug("x")));

        assertProblem(response, 401, null);
    }

    @Test
    void aSecondClusterWithTheSameIdIsAConflict() {
        String id = foundCluster(uniqueSlug("coal"));

        assertProblem(api.as(allianceAdmin()).post("/api/membership/clusters", clusterRequest(id)), 409, "cluster-exists");
    }

    @Test
    void invalidFieldsAreListedAndNothingIsCreated() {
        Map<String, Object> request = new HashMap<>(clusterRequest("Not A Slug"));
        request.put("name", "");
        request.put("tiers", List.of());

        ApiClient.Response response = api.as(allianceAdmin()).post("/api/membership/clusters", request);

        assertProblem(response, 400, null);
        assertThat(response.json().get("errors").findValuesAsString("field")).contains("id", "name", "tiers");
        assertThat(api.anonymous().get("/api/membership/clusters/Not A Slug".replace(" ", "%20")).status()).isEqualTo(404);
    }

    @Test
    void unknownPropertiesAreRefusedByName() {
        Map<String, Object> request = new HashMap<>(clusterRequest(uniqueSlug("mass")));
        request.put("status", "DISSOLVED");

        ApiClient.Response response = api.as(allianceAdmin()).post("/api/membership/clusters", request);

        assertProblem(response, 400, null);
        assertThat(response.body()).contains("status");
    }

    @Test
    void tiersNeedTheirOwnCodeAndRank() {
        Map<String, Object> request = new HashMap<>(clusterRequest(uniqueSlug("dup")));
        Map<String, Object> tier = Map.of("code", "member", "name", "Member", "rank", 1, "annualFee", 1,
                "consultationHoursPerYear", 1, "seatsPerEvent", 1, "assetAccessRank", 1);
        request.put("tiers", List.of(tier, tier));

        assertProblem(api.as(allianceAdmin()).post("/api/membership/clusters", request), 422, "duplicate-tier");
    }

    @Test
    void unreadableJsonIsABadRequest() {
        ApiClient.Response response = api.as(allianceAdmin())
                .send("POST", "/api/membership/clusters", "{\"id\": ", "application/json");

        assertProblem(response, 400, null);
    }

    @Test
    void anUnknownClusterIsNotFound() {
        assertProblem(api.anonymous().get("/api/membership/clusters/no-such-cluster"), 404, "not-found");
    }
}
