package com.brandcluster.salons.consultation;

import com.brandcluster.platform.security.Roles;
import com.brandcluster.testsupport.ApiClient;
import com.brandcluster.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ConsultationStatisticsIT extends ConsultationIntegrationTest {

    private static String path(String clusterId) {
        return "/api/salons/clusters/" + clusterId + "/statistics/consultations";
    }

    @Test
    void theSecretariatCountsEachExpertsConsultationsByState() {
        String cluster = cluster();
        String enterprise = member(cluster);
        String busy = expertIn(cluster);
        String quiet = expertIn(cluster);
        String confirmed = booked(enterprise, busy, cluster, at(2, 10));
        api.as(expert(busy)).post(PATH + "/" + confirmed + "/confirmation", null);
        String cancelled = booked(enterprise, busy, cluster, at(3, 10));
        api.as(enterpriseUser(enterprise)).post(PATH + "/" + cancelled + "/cancellation",
                Map.of("reason", "Our brand manager is travelling"));
        booked(enterprise, busy, cluster, at(4, 10));
        booked(enterprise, quiet, cluster, at(5, 10));
        String otherCluster = cluster();
        booked(member(otherCluster), expertIn(otherCluster), otherCluster, at(2, 11));

        ApiClient.Response figures = api.as(secretariatOf(cluster)).get(path(cluster));

        assertThat(figures.status()).as(figures.toString()).isEqualTo(200);
        JsonNode experts = figures.json().get("experts");
        assertThat(experts.size()).as("the other cluster's expert does not count").isEqualTo(2);
        assertThat(experts.get(0).get("expertId").asString()).isEqualTo(busy);
        assertThat(experts.get(0).get("total").asLong()).isEqualTo(3);
        assertThat(count(experts.get(0), "CONFIRMED")).isEqualTo(1);
        assertThat(count(experts.get(0), "CANCELLED")).isEqualTo(1);
        assertThat(count(experts.get(0), "PENDING")).isEqualTo(1);
        assertThat(count(experts.get(0), "NO_SHOW")).isZero();
        assertThat(experts.get(1).get("expertId").asString()).isEqualTo(quiet);
        assertThat(experts.get(1).get("total").asLong()).isEqualTo(1);

        ApiClient.Response later = api.as(secretariatOf(cluster)).get(path(cluster) + "?from=" + at(4, 0));
        assertThat(later.json().get("experts").findValuesAsString("expertId")).containsExactlyInAnyOrder(busy, quiet);
        assertThat(later.json().get("experts").get(0).get("total").asLong()).isEqualTo(1);
    }

    @Test
    void onlyTheClustersSecretariatAndTheAllianceOfficeSeeTheFigures() {
        String cluster = cluster();
        String enterprise = member(cluster);
        String expertId = expertIn(cluster);
        booked(enterprise, expertId, cluster, at(2, 10));

        assertThat(api.as(TestTokens.user("admin").roles(Roles.ALLIANCE_ADMIN).issue()).get(path(cluster)).status())
                .isEqualTo(200);
        assertProblem(api.as(secretariatOf("another-cluster")).get(path(cluster)), 403, "forbidden");
        assertProblem(api.as(enterpriseUser(enterprise)).get(path(cluster)), 403, "forbidden");
        assertProblem(api.as(expert(expertId)).get(path(cluster)), 403, "forbidden");
        assertProblem(api.anonymous().get(path(cluster)), 401, null);
        assertProblem(api.as(secretariatOf(cluster)).get(path(cluster) + "?from=yesterday"), 400, null);
        assertProblem(api.as(secretariatOf("Bad_Cluster")).get(path("Bad_Cluster")), 400, null);
    }

    private static long count(JsonNode expert, String state) {
        for (JsonNode entry : expert.get("byState")) {
            if (entry.get("state").asString().equals(state)) {
                return entry.get("consultations").asLong();
            }
        }
        throw new AssertionError("no " + state + " in " + expert);
    }
}
