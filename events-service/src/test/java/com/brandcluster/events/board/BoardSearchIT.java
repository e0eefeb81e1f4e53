package com.brandcluster.events.board;

import com.brandcluster.testsupport.ApiClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Searching a cluster's board: each filter, text in English and Chinese, paging newest first, what is hidden. */
class BoardSearchIT extends BoardIntegrationTest {

    private String cluster;
    private String reader;
    private String opal;
    private String foshan;
    private String drivers;
    private String chips;
    private String logistics;
    private String brandDesign;

    @BeforeEach
    void board() {
        cluster = newCluster();
        reader = userOf(activeMember(cluster));
        opal = activeMember(cluster);
        foshan = activeMember(cluster);
        drivers = publish(cluster, opal, post("NEED", "PROCUREMENT", "LED drivers for street lamps",
                "Constant-current drivers, IP67, about 50,000 a year.", "CN-GD", "LED", "Street lighting"));
        chips = publish(cluster, foshan, post("OFFER", "SUPPLY", "ＬＥＤ chips from our Foshan plant",
                "Mid-power chips, binned to 3 SDCM.", "CN-GD", "led"));
        logistics = publish(cluster, foshan, post("OFFER", "LOGISTICS", "出口物流与报关服务",
                "为会员提供海运、仓储与报关一站式服务，覆盖欧洲和东南亚。", "CN-ZJ", "出口"));
        brandDesign = publish(cluster, opal, post("NEED", "BRANDING", "品牌视觉设计",
                "寻找熟悉照明行业的品牌设计公司，统一集群品牌标识的应用。", "CN", "品牌"));
        postInAnotherCluster();
    }

    @Test
    void theBoardListsOpenPostsNewestFirst() {
        assertThat(ids("")).containsExactly(brandDesign, logistics, chips, drivers);
    }

    @Test
    void filtersByKindAndCategory() {
        assertThat(ids("kind=NEED")).containsExactly(brandDesign, drivers);
        assertThat(ids("kind=OFFER&category=SUPPLY")).containsExactly(chips);
        assertThat(ids("category=FINANCE")).isEmpty();
    }

    @Test
    void aCountryFindsPostsAnywhereInItAndASubdivisionOnlyItsOwn() {
        assertThat(ids("region=CN")).containsExactly(brandDesign, logistics, chips, drivers);
        assertThat(ids("region=cn-gd")).containsExactly(chips, drivers);
        assertThat(ids("region=CN-ZJ")).containsExactly(logistics);
        assertThat(ids("region=DE")).isEmpty();
    }

    @Test
    void aTagIsFoundWhateverItsCaseOrWidth() {
        assertThat(ids("tag=led")).containsExactly(chips, drivers);
        assertThat(ids("tag=" + encode("ＳＴＲＥＥＴ  lighting"))).containsExactly(drivers);
        assertThat(ids("tag=" + encode("出口"))).containsExactly(logistics);
    }

    @Test
    void everyWordOfTheTextMustBeInTheTitleOrDescription() {
        assertThat(ids("q=led")).containsExactly(chips, drivers);
        assertThat(ids("q=" + encode("LED drivers"))).containsExactly(drivers);
        assertThat(ids("q=" + encode("drivers chips"))).isEmpty();
        assertThat(ids("q=IP67")).containsExactly(drivers);
        assertThat(ids("q=" + encode("We need LED"))).containsExactly(chips, drivers);
    }

    @Test
    void chineseTextIsFoundByItsCharacterPairsAndASingleCharacterByItself() {
        assertThat(ids("q=" + encode("报关"))).containsExactly(logistics);
        assertThat(ids("q=" + encode("报关服务"))).containsExactly(logistics);
        assertThat(ids("q=" + encode("照明品牌"))).isEmpty();
        assertThat(ids("q=" + encode("照明 品牌"))).containsExactly(brandDesign);
        assertThat(ids("q=" + encode("牌"))).containsExactly(brandDesign);
        assertThat(ids("q=" + encode("欧"))).containsExactly(logistics);
    }

    @Test
    void textThatLooksLikeARegularExpressionIsJustText() {
        assertThat(ids("q=" + encode("(.*"))).containsExactly(brandDesign, logistics, chips, drivers);
        assertThat(ids("q=" + encode("牌)|(.*"))).containsExactly(brandDesign);
        assertThat(ids("q=" + encode("^品"))).containsExactly(brandDesign);
    }

    @Test
    void filtersCombine() {
        assertThat(ids("kind=OFFER&region=CN-GD&tag=LED&q=chips")).containsExactly(chips);
        assertThat(ids("kind=NEED&region=CN-ZJ")).isEmpty();
        assertThat(ids("enterpriseId=" + opal)).containsExactly(brandDesign, drivers);
        assertThat(ids("enterpriseId=" + opal + "&category=BRANDING")).containsExactly(brandDesign);
    }

    @Test
    void pagesAreNewestFirst() {
        ApiClient.Response first = api.as(reader).get(postsOf(cluster) + "?size=3");
        ApiClient.Response second = api.as(reader).get(postsOf(cluster) + "?size=3&page=1");

        assertThat(first.at("/totalElements")).isEqualTo("4");
        assertThat(first.at("/totalPages")).isEqualTo("2");
        assertThat(ids(first)).containsExactly(brandDesign, logistics, chips);
        assertThat(ids(second)).containsExactly(drivers);
    }

    @Test
    void expiredPostsAreHiddenFromTheBoard() {
        expire(chips);

        assertThat(ids("")).containsExactly(brandDesign, logistics, drivers);
        assertThat(ids("tag=led")).containsExactly(drivers);
    }

    @Test
    void aSuspendedMembersPostsLeaveTheBoardAndComeBackOnReinstatement() {
        setStanding(cluster, foshan, "SUSPENDED");
        assertThat(ids("")).containsExactly(brandDesign, drivers);
        assertThat(ids("enterpriseId=" + foshan)).isEmpty();

        setStanding(cluster, foshan, "ACTIVE");
        assertThat(ids("")).containsExactly(brandDesign, logistics, chips, drivers);
    }

    @Test
    void postsThatAreNotOpenAreListedToTheSecretariatAndToTheirOwnEnterprise() {
        expire(chips);
        api.as(userOf(opal)).post(postPath(drivers) + "/withdrawal", null);
        api.as(secretariatOf(cluster)).post(postPath(logistics) + "/removal", Map.of("reason", "Duplicate"));
        String secretariat = secretariatOf(cluster);

        assertThat(ids(api.as(secretariat).get(postsOf(cluster) + "?status=EXPIRED"))).containsExactly(chips);
        assertThat(ids(api.as(secretariat).get(postsOf(cluster) + "?status=WITHDRAWN"))).containsExactly(drivers);
        assertThat(ids(api.as(secretariat).get(postsOf(cluster) + "?status=REMOVED"))).containsExactly(logistics);
        assertThat(ids(api.as(secretariat).get(postsOf(cluster)))).containsExactly(brandDesign);
        assertThat(ids(api.as(userOf(foshan)).get(postsOf(cluster) + "?status=EXPIRED&enterpriseId=" + foshan)))
                .containsExactly(chips);
        assertThat(ids(api.as(userOf(opal)).get(postsOf(cluster) + "?status=WITHDRAWN&enterpriseId=" + opal)))
                .containsExactly(drivers);

        assertProblem(api.as(reader).get(postsOf(cluster) + "?status=EXPIRED"), 403, "forbidden");
        assertProblem(api.as(userOf(opal)).get(postsOf(cluster) + "?status=EXPIRED&enterpriseId=" + foshan), 403,
                "forbidden");
    }

    @Test
    void badSearchParametersAreProblems() {
        for (String query : List.of("kind=REQUEST", "category=ASTROLOGY", "region=Guangdong", "status=DELETED",
                "page=-1", "page=x", "size=0", "size=101", "q=" + "x".repeat(101), "tag=" + "t".repeat(41))) {
            assertProblem(api.as(reader).get(postsOf(cluster) + "?" + query), 400, "validation");
        }
    }

    /** What another cluster's board holds never shows on this one. */
    private void postInAnotherCluster() {
        String other = newCluster();
        publish(other, activeMember(other), post("OFFER", "SUPPLY", "LED chips", "Chips.", "CN-GD", "LED"));
    }

    private List<String> ids(String query) {
        ApiClient.Response response = api.as(reader).get(postsOf(cluster) + "?" + query);
        return ids(response);
    }

    private static List<String> ids(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        for (JsonNode post : response.json().get("content")) {
            ids.add(post.get("id").asString());
        }
        return ids;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
