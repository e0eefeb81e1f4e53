package com.brandcluster.membership.membership;

import com.brandcluster.testsupport.ApiClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MembershipStatisticsApiIT extends MembershipLifecycleIntegrationTest {

    private static String path(String clusterId) {
        return "/api/membership/clusters/" + clusterId + "/statistics/members";
    }

    @Test
    void theSecretariatSeesItsRegisterMonthByMonth() {
        String cluster = foundCluster(uniqueSlug("lighting"));
        admit(cluster, "counted");
        Member suspended = admit(cluster, "suspended");
        api.as(secretariatOf(cluster)).post(memberPath(cluster, suspended) + "/suspension",
                Map.of("reason", "Annual fee unpaid"));

        ApiClient.Response figures = api.as(secretariatOf(cluster)).get(path(cluster) + "?months=3");

        assertThat(figures.status()).as(figures.toString()).isEqualTo(200);
        JsonNode months = figures.json().get("months");
        assertThat(months.size()).isEqualTo(3);
        YearMonth now = YearMonth.now(ZoneOffset.UTC);
        assertThat(months.get(2).get("month").asString()).isEqualTo(now.toString());
        assertThat(months.get(0).get("month").asString()).isEqualTo(now.minusMonths(2).toString());
        assertThat(count(months.get(0), "byStatus", "status", "ACTIVE")).as("nobody was admitted yet").isZero();
        assertThat(count(months.get(2), "byStatus", "status", "ACTIVE")).isEqualTo(1);
        assertThat(count(months.get(2), "byStatus", "status", "SUSPENDED")).isEqualTo(1);
        assertThat(count(months.get(2), "byTier", "tier", "member")).isEqualTo(1);
        assertThat(api.as(allianceAdmin()).get(path(cluster)).json().get("months").size()).isEqualTo(12);
    }

    @Test
    void onlyTheClustersSecretariatAndTheAllianceOfficeSeeTheFigures() {
        String cluster = foundCluster(uniqueSlug("lighting"));
        Member member = admit(cluster, "member");

        assertProblem(api.as(secretariatOf("coking-coal")).get(path(cluster)), 403, "forbidden");
        assertProblem(api.as(as(member)).get(path(cluster)), 403, "forbidden");
        assertProblem(api.as(expert()).get(path(cluster)), 403, "forbidden");
        assertProblem(api.anonymous().get(path(cluster)), 401, null);
        assertProblem(api.as(secretariatOf("no-such-cluster")).get(path("no-such-cluster")), 404, "not-found");
    }

    @Test
    void aPeriodOutsideOneToAHundredAndTwentyMonthsIsRefused() {
        String cluster = foundCluster(uniqueSlug("lighting"));

        assertProblem(api.as(secretariatOf(cluster)).get(path(cluster) + "?months=0"), 400, "validation");
        assertProblem(api.as(secretariatOf(cluster)).get(path(cluster) + "?months=121"), 400, "validation");
        assertProblem(api.as(secretariatOf(cluster)).get(path(cluster) + "?months=many"), 400, null);
    }

    private static long count(JsonNode month, String list, String key, String value) {
        for (JsonNode entry : month.get(list)) {
            if (entry.get(key).asString().equals(value)) {
                return entry.get("members").asLong();
            }
        }
        return 0;
    }
}
