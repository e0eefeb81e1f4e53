package com.brandcluster.salons.consultation;

import com.brandcluster.platform.security.Roles;
import com.brandcluster.testsupport.ApiClient;
import com.brandcluster.testsupport.TestTokens;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ConsultationReadIT extends ConsultationIntegrationTest {

    @Test
    void theBookingEnterprisesUsersTheExpertAndTheClustersSecretariatReadAConsultation() {
        String cluster = cluster();
        String enterprise = member(cluster);
        String expertId = expertIn(cluster);
        String id = booked(enterprise, expertId, cluster, at(3, 10));
        String path = PATH + "/" + id;

        for (String reader : List.of(enterpriseUser(enterprise), expert(expertId), secretariatOf("other", cluster))) {
            ApiClient.Response read = api.as(reader).get(path);
            assertThat(read.status()).as(read.toString()).isEqualTo(200);
            assertThat(read.at("/id")).isEqualTo(id);
            assertThat(read.at("/history/0/state")).isEqualTo("PENDING");
        }
        assertProblem(api.as(enterpriseUser(member(cluster))).get(path), 403, "forbidden");
        assertProblem(api.as(expert(newSubject())).get(path), 403, "forbidden");
        assertProblem(api.as(secretariatOf("another-cluster")).get(path), 403, "forbidden");
        assertProblem(api.as(TestTokens.user("admin").roles(Roles.ALLIANCE_ADMIN).issue()).get(path), 403,
                "forbidden");
        assertProblem(api.anonymous().get(path), 401, null);
        assertProblem(api.as(enterpriseUser(enterprise)).get(PATH + "/" + new ObjectId()), 404, "not-found");
    }

    @Test
    void eachCallerListsWhatIsTheirs() {
        String cluster = cluster();
        String otherCluster = cluster();
        String enterprise = member(cluster);
        String otherEnterprise = member(otherCluster);
        String expertId = expertIn(cluster);
        Map<String, Object> serving = profileRequest("Zhang Wei");
        serving.put("clusters", List.of(cluster, otherCluster));
        String otherExpert = createExpert(serving);
        api.as(expert(otherExpert)).put("/api/salons/experts/" + otherExpert + "/availability", hourlySlots());
        String first = booked(enterprise, expertId, cluster, at(3, 10));
        String second = booked(enterprise, otherExpert, cluster, at(2, 10));
        String third = booked(otherEnterprise, otherExpert, otherCluster, at(4, 10));

        assertThat(ids(api.as(enterpriseUser(enterprise)).get(PATH))).containsExactly(second, first);
        assertThat(ids(api.as(enterpriseUser(otherEnterprise)).get(PATH))).containsExactly(third);
        assertThat(ids(api.as(expert(expertId)).get(PATH))).containsExactly(first);
        assertThat(ids(api.as(expert(otherExpert)).get(PATH))).containsExactly(second, third);
        assertThat(ids(api.as(expert(otherExpert)).get(PATH + "?clusterId=" + otherCluster))).containsExactly(third);
        assertThat(ids(api.as(secretariatOf(cluster)).get(PATH + "?clusterId=" + cluster)))
                .containsExactly(second, first);
        assertThat(ids(api.as(secretariatOf(cluster, otherCluster)).get(PATH)))
                .containsExactly(second, first, third);
        assertProblem(api.as(secretariatOf(otherCluster)).get(PATH + "?clusterId=" + cluster), 403, "forbidden");
        assertProblem(api.as(TestTokens.user("admin").roles(Roles.ALLIANCE_ADMIN).issue()).get(PATH), 403,
                "forbidden");
        assertProblem(api.anonymous().get(PATH), 401, null);
    }

    @Test
    void theListIsFilteredByStateAndTimeAndPaginated() {
        String cluster = cluster();
        String enterprise = member(cluster);
        String expertId = expertIn(cluster);
        String early = booked(enterprise, expertId, cluster, at(2, 9));
        String middle = booked(enterprise, expertId, cluster, at(3, 9));
        String late = booked(enterprise, expertId, cluster, at(4, 9));
        api.as(expert(expertId)).post(PATH + "/" + middle + "/confirmation", null);
        String token = enterpriseUser(enterprise);

        assertThat(ids(api.as(token).get(PATH + "?state=CONFIRMED"))).containsExactly(middle);
        assertThat(ids(api.as(token).get(PATH + "?state=PENDING"))).containsExactly(early, late);
        assertThat(ids(api.as(token).get(PATH + "?from=" + at(3, 0) + "&to=" + at(4, 9)))).containsExactly(middle);
        ApiClient.Response page = api.as(token).get(PATH + "?size=2&page=1");
        assertThat(ids(page)).containsExactly(late);
        assertThat(page.at("/totalElements")).isEqualTo("3");
        assertThat(page.at("/totalPages")).isEqualTo("2");
        assertProblem(api.as(token).get(PATH + "?state=SOMETIME"), 400, "validation");
        assertProblem(api.as(token).get(PATH + "?from=yesterday"), 400, "validation");
        assertProblem(api.as(token).get(PATH + "?size=1000"), 400, "validation");
        assertProblem(api.as(token).get(PATH + "?clusterId=Not%20A%20Cluster"), 400, "validation");
    }

    private static List<String> ids(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("content").valueStream().map(c -> c.get("id").asString()).toList();
    }
}
