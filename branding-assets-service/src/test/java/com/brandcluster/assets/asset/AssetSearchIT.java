package com.brandcluster.assets.asset;

import com.brandcluster.assets.AssetsIntegrationTest;
import com.brandcluster.assets.storage.TestFiles;
import com.brandcluster.testsupport.ApiClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Browsing and searching a cluster's brand kit: by kind, by tag, by text in title, description and tags, paged. */
class AssetSearchIT extends AssetsIntegrationTest {

    private String cluster;
    private String member;
    private String logo;
    private String guideline;
    private String template;
    private String font;

    @BeforeEach
    void kit() {
        cluster = cluster();
        member = memberUser(cluster, MEMBER_TIER);
        logo = published(cluster, Map.of("kind", "LOGO", "title", "集群标志 Cluster mark",
                "description", "The mark on white.", "tags", List.of("Logo", "Print")));
        guideline = published(cluster, Map.of("kind", "GUIDELINE", "title", "Brand guidelines 2026",
                "description", "How to place the 品牌标志 next to a member's own logo.", "tags", List.of("rules")),
                TestFiles.pdf(), "guidelines.pdf");
        template = published(cluster, Map.of("kind", "TEMPLATE", "title", "Trade fair booth",
                "description", "Booth panels for the Guzhen lighting fair.", "tags", List.of("print", "fair")),
                TestFiles.template(), "booth.zip");
        font = published(cluster, Map.of("kind", "FONT", "title", "Ｃｌｕｓｔｅｒ Sans",
                "description", "The typeface of the cluster.", "tags", List.of("typography")),
                TestFiles.ttf(), "cluster-sans.ttf");
        published(cluster(), Map.of("title", "Cluster mark of another cluster", "tags", List.of("logo")));
    }

    @Test
    void browsesTheClustersKitMostRecentlyChangedFirst() {
        assertThat(ids(search(""))).containsExactly(font, template, guideline, logo);
    }

    @Test
    void filtersByKind() {
        assertThat(ids(search("?kind=GUIDELINE"))).containsExactly(guideline);
        assertProblem(search("?kind=BANNER"), 400, "validation");
    }

    @Test
    void filtersByTagWhateverItsCaseOrWidth() {
        assertThat(ids(search("?tag=print"))).containsExactly(template, logo);
        assertThat(ids(search("?tag=LOGO"))).containsExactly(logo);
        assertThat(ids(search("?tag=fai"))).isEmpty();
    }

    @Test
    void findsTextInTitlesDescriptionsAndTagsByWordsPrefixesAndChineseCharacters() {
        assertThat(ids(search("?q=mark"))).containsExactly(logo);
        assertThat(ids(search("?q=guide"))).containsExactly(guideline);
        assertThat(ids(search("?q=BOOTH%20panels"))).containsExactly(template);
        assertThat(ids(search("?q=typography"))).containsExactly(font);
        assertThat(ids(search("?q=cluster%20sans"))).containsExactly(font);
        assertThat(ids(search("?q=%E6%A0%87%E5%BF%97"))).containsExactly(guideline, logo);
        assertThat(ids(search("?q=%E9%9B%86%E7%BE%A4%E6%A0%87"))).containsExactly(logo);
        assertThat(ids(search("?q=banner"))).isEmpty();
        assertProblem(search("?q=a"), 400, "validation");
    }

    @Test
    void combinesFiltersAndPages() {
        assertThat(ids(search("?tag=print&kind=TEMPLATE&q=fair"))).containsExactly(template);

        ApiClient.Response first = search("?size=3");
        assertThat(ids(first)).containsExactly(font, template, guideline);
        assertThat(first.at("/totalElements")).isEqualTo("4");
        assertThat(first.at("/totalPages")).isEqualTo("2");
        assertThat(ids(search("?size=3&page=1"))).containsExactly(logo);
        assertProblem(search("?size=500"), 400, "validation");
    }

    private ApiClient.Response search(String query) {
        return api.as(member).get(assetsOf(cluster) + query);
    }
}
