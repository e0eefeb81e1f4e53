package com.brandcluster.events.board;

import com.brandcluster.testsupport.ApiClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Matches through the API: who is a candidate, the ranking and its reasons, in English and Chinese. */
class PostMatchesIT extends BoardIntegrationTest {

    private String cluster;
    private String reader;
    private String buyer;
    private String need;

    @BeforeEach
    void board() {
        cluster = newCluster();
        reader = userOf(activeMember(cluster));
        buyer = activeMember(cluster);
        need = publish(cluster, buyer, post("NEED", "PROCUREMENT", "LED drivers for street lamps",
                "Constant-current LED drivers, IP67, about 50,000 a year.", "CN-GD", "IP67", "Street lighting"));
    }

    @Test
    void aNeedIsMatchedByTheOffersThatFitRankedWithTheirReasons() {
        String supplier = publish(cluster, activeMember(cluster), post("OFFER", "SUPPLY",
                "Street lamp LED drivers", "IP67 drivers from our Foshan plant.", "CN-GD", "ip67", "OEM"));
        String sameCategoryElsewhere = publish(cluster, activeMember(cluster), post("OFFER", "PROCUREMENT",
                "Joint purchasing of aluminium housings", "Pooling orders across members.", "CN-ZJ"));
        String termsOnly = publish(cluster, activeMember(cluster), post("OFFER", "TECHNOLOGY",
                "Driver firmware consulting", "Dimming protocols for LED drivers.", "DE"));
        publish(cluster, activeMember(cluster), post("OFFER", "FINANCE", "Factoring", "Receivables.", "CN-GD"));

        ApiClient.Response response = api.as(reader).get(postPath(need) + "/matches");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.at("/postId")).isEqualTo(need);
        assertThat(matchIds(response)).containsExactly(supplier, sameCategoryElsewhere, termsOnly);
        JsonNode best = response.json().get("matches").get(0);
        assertThat(best.at("/post/title").asString()).isEqualTo("Street lamp LED drivers");
        assertThat(reasons(best)).containsExactly("RELATED_CATEGORY", "SHARED_TAGS", "SHARED_KEYWORDS",
                "SAME_REGION");
        assertThat(best.at("/reasons/1/values").toString()).isEqualTo("[\"ip67\"]");
        assertThat(best.at("/reasons/2/values").toString()).isEqualTo("[\"street\",\"led\",\"drivers\",\"ip67\"]");
        int sum = 0;
        for (JsonNode reason : best.get("reasons")) {
            sum += reason.get("points").asInt();
        }
        assertThat(best.get("score").asInt()).isEqualTo(sum);
        JsonNode second = response.json().get("matches").get(1);
        assertThat(reasons(second)).containsExactly("SAME_CATEGORY", "SAME_COUNTRY");
        assertThat(reasons(response.json().get("matches").get(2))).containsExactly("SHARED_KEYWORDS");
    }

    @Test
    void neitherTheSameSideNorTheSameEnterpriseNorExpiredWithdrawnOrSuspendedPostsAreMatches() {
        String fits = publish(cluster, activeMember(cluster), offer("LED drivers"));
        publish(cluster, activeMember(cluster), post("NEED", "PROCUREMENT", "LED drivers", "Also wanted.", "CN-GD"));
        publish(cluster, buyer, offer("Our own LED drivers"));
        String expired = publish(cluster, activeMember(cluster), offer("Expired LED drivers"));
        expire(expired);
        String withdrawnBy = activeMember(cluster);
        String withdrawn = publish(cluster, withdrawnBy, offer("Withdrawn LED drivers"));
        api.as(userOf(withdrawnBy)).post(postPath(withdrawn) + "/withdrawal", null);
        String removed = publish(cluster, activeMember(cluster), offer("Removed LED drivers"));
        api.as(secretariatOf(cluster)).post(postPath(removed) + "/removal", Map.of("reason", "Spam"));
        String suspended = activeMember(cluster);
        publish(cluster, suspended, offer("Suspended member's LED drivers"));
        setStanding(cluster, suspended, "SUSPENDED");
        String otherCluster = newCluster();
        publish(otherCluster, activeMember(otherCluster), offer("Other cluster's LED drivers"));

        assertThat(matchIds(api.as(reader).get(postPath(need) + "/matches"))).containsExactly(fits);
    }

    @Test
    void aChineseNeedFindsTheChineseOfferThatSharesItsTerms() {
        String chineseNeed = publish(cluster, activeMember(cluster), post("NEED", "CERTIFICATION", "CCC认证咨询",
                "我司出口灯具需要办理CCC认证和CE认证，寻找熟悉照明产品检测的机构。", "CN-ZJ"));
        String lab = publish(cluster, activeMember(cluster), post("OFFER", "CERTIFICATION", "照明产品检测与认证服务",
                "国家级实验室，提供灯具安全检测、CCC认证及CE认证辅导。", "CN-ZJ"));
        publish(cluster, activeMember(cluster), post("OFFER", "TALENT", "光学工程师外派",
                "可派驻光学设计工程师参与新品开发。", "CN-ZJ"));

        ApiClient.Response response = api.as(reader).get(postPath(chineseNeed) + "/matches");

        assertThat(matchIds(response)).containsExactly(lab);
        JsonNode match = response.json().get("matches").get(0);
        assertThat(reasons(match)).containsExactly("SAME_CATEGORY", "SHARED_KEYWORDS", "SAME_REGION");
        List<String> terms = new ArrayList<>();
        match.at("/reasons/1/values").forEach(term -> terms.add(term.asString()));
        assertThat(terms).contains("照明产品检测", "认证", "ccc", "灯具", "ce");
    }

    @Test
    void theListIsTheSameEachTimeAndLimitedOnRequest() {
        List<String> offers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            offers.add(publish(cluster, activeMember(cluster), offer("LED drivers batch " + i)));
        }

        List<String> first = matchIds(api.as(reader).get(postPath(need) + "/matches"));
        assertThat(first).containsExactlyElementsOf(offers.reversed());
        assertThat(matchIds(api.as(reader).get(postPath(need) + "/matches"))).isEqualTo(first);
        assertThat(matchIds(api.as(reader).get(postPath(need) + "/matches?limit=2"))).isEqualTo(first.subList(0, 2));
        assertProblem(api.as(reader).get(postPath(need) + "/matches?limit=0"), 400, "validation");
        assertProblem(api.as(reader).get(postPath(need) + "/matches?limit=51"), 400, "validation");
    }

    @Test
    void aPostThatIsNotOpenHasNoMatches() {
        expire(need);

        ApiClient.Response expired = api.as(reader).get(postPath(need) + "/matches");

        assertProblem(expired, 409, "post-not-open");
        assertThat(expired.at("/currentState")).isEqualTo("EXPIRED");
        String withdrawn = publish(cluster, buyer, offer("LED drivers"));
        api.as(userOf(buyer)).post(postPath(withdrawn) + "/withdrawal", null);
        assertProblem(api.as(userOf(buyer)).get(postPath(withdrawn) + "/matches"), 409, "post-not-open");
        assertProblem(api.as(reader).get(postPath(withdrawn) + "/matches"), 404, "not-found");
    }

    private static Map<String, Object> offer(String title) {
        return post("OFFER", "SUPPLY", title, "Constant-current, IP67.", "CN-GD");
    }

    private static List<String> matchIds(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        for (JsonNode match : response.json().get("matches")) {
            ids.add(match.at("/post/id").asString());
        }
        return ids;
    }

    private static List<String> reasons(JsonNode match) {
        List<String> codes = new ArrayList<>();
        for (JsonNode reason : match.get("reasons")) {
            codes.add(reason.get("code").asString());
        }
        return codes;
    }
}
