package com.brandcluster.assets.download;

import com.brandcluster.assets.AssetsIntegrationTest;
import com.brandcluster.assets.storage.TestFiles;
import com.brandcluster.testsupport.ApiClient;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every download recorded once: a whole file, a range from the first byte, each asset of a kit; never a 304 or a range
 * that continues a download. The secretariat's report of them, and the enterprises a version-published event names.
 */
class DownloadRecordsIT extends AssetsIntegrationTest {

    private String cluster;
    private String logo;
    private String enterprise;
    private String member;

    @BeforeEach
    void asset() {
        cluster = cluster();
        logo = published(cluster, Map.of("title", "Cluster mark"), TestFiles.png(100_000), "mark.png");
        enterprise = member(cluster, ACTIVE, MEMBER_TIER);
        member = userOf(enterprise);
    }

    @Test
    void aDownloadCountsOnceButNotA304NorARangeThatContinuesIt() {
        HttpResponse<byte[]> whole = content(member, Map.of());
        assertThat(whole.statusCode()).isEqualTo(200);
        String etag = whole.headers().firstValue("ETag").orElseThrow();
        assertThat(records(logo)).hasSize(1);

        assertThat(content(member, Map.of("If-None-Match", etag)).statusCode()).isEqualTo(304);
        assertThat(content(member, Map.of("Range", "bytes=5000-")).statusCode()).isEqualTo(206);
        assertThat(records(logo)).hasSize(1);

        assertThat(content(member, Map.of("Range", "bytes=0-4999")).statusCode()).isEqualTo(206);
        assertThat(content(null, Map.of()).statusCode()).isEqualTo(401);
        List<Document> records = records(logo);
        assertThat(records).hasSize(2);
        assertThat(records).allSatisfy(record -> {
            assertThat(record.getString("enterpriseId")).isEqualTo(enterprise);
            assertThat(record.getString("subject")).isEqualTo("user-of-" + enterprise);
            assertThat(record.getString("clusterId")).isEqualTo(cluster);
            assertThat(record.getInteger("version")).isEqualTo(1);
            assertThat(record.getString("channel")).isEqualTo("CONTENT");
            assertThat(record.getDate("at")).isNotNull();
        });
    }

    @Test
    void aRenditionDownloadIsRecordedOnceAsARendition() {
        logo = published(cluster, Map.of("title", "Cluster mark", "kind", "LOGO"), TestFiles.svg(), "mark.svg");
        HttpResponse<byte[]> rendition = http.download(member, assetPath(logo) + "/renditions/256", Map.of());
        assertThat(rendition.statusCode()).isEqualTo(200);
        String etag = rendition.headers().firstValue("ETag").orElseThrow();
        assertThat(http.download(member, assetPath(logo) + "/renditions/256", Map.of("If-None-Match", etag))
                .statusCode()).isEqualTo(304);

        assertThat(records(logo)).singleElement().satisfies(record -> {
            assertThat(record.getString("channel")).isEqualTo("RENDITION");
            assertThat(record.getString("enterpriseId")).isEqualTo(enterprise);
        });
    }

    @Test
    void aKitRecordsEachAssetInItAndAnonymousDownloadsHaveNoEnterprise() {
        String guide = published(cluster, Map.of("accessLevel", "PUBLIC", "kind", "GUIDELINE"), TestFiles.pdf(),
                "guide.pdf");

        assertThat(http.download(member, kitPath(), Map.of()).statusCode()).isEqualTo(200);
        assertThat(http.download(null, kitPath(), Map.of()).statusCode()).isEqualTo(200);

        assertThat(records(logo)).singleElement().satisfies(record -> {
            assertThat(record.getString("channel")).isEqualTo("KIT");
            assertThat(record.getString("enterpriseId")).isEqualTo(enterprise);
        });
        assertThat(records(guide)).extracting(record -> record.getString("enterpriseId"))
                .containsExactlyInAnyOrder(enterprise, null);
        String etag = http.download(null, kitPath(), Map.of()).headers().firstValue("ETag").orElseThrow();
        assertThat(http.download(null, kitPath(), Map.of("If-None-Match", etag)).statusCode()).isEqualTo(304);
        assertThat(records(guide)).hasSize(3);
    }

    @Test
    void theSecretariatSeesCountsPerAssetAndPerMemberAndWhoUsesAnOutdatedVersion() {
        String other = member(cluster, ACTIVE, MEMBER_TIER);
        content(member, Map.of());
        content(member, Map.of());
        content(userOf(other), Map.of());
        String secretariat = secretariatOf(cluster);
        assertThat(addVersion(secretariat, logo, TestFiles.png(2_000), "mark.png").status()).isEqualTo(201);
        assertThat(publish(secretariat, logo, 2).status()).isEqualTo(200);
        content(userOf(other), Map.of());

        ApiClient.Response perAsset = api.as(secretariat).get(downloadsPath("?by=ASSET"));
        assertThat(perAsset.status()).as(perAsset.toString()).isEqualTo(200);
        assertThat(perAsset.at("/content/0/assetId")).isEqualTo(logo);
        assertThat(perAsset.at("/content/0/title")).isEqualTo("Cluster mark");
        assertThat(perAsset.at("/content/0/downloads")).isEqualTo("4");
        assertThat(perAsset.at("/content/0/enterprises")).isEqualTo("2");
        assertThat(perAsset.at("/content/0/currentVersion")).isEqualTo("2");

        ApiClient.Response perMember = api.as(secretariat).get(downloadsPath("?by=MEMBER"));
        assertThat(rows(perMember, "enterpriseId")).containsExactly(enterprise, other);
        assertThat(perMember.at("/content/0/downloads")).isEqualTo("2");
        assertThat(perMember.at("/content/1/downloads")).isEqualTo("2");

        ApiClient.Response outdated = api.as(secretariat).get(downloadsPath("?by=OUTDATED"));
        assertThat(rows(outdated, "enterpriseId")).containsExactly(enterprise);
        assertThat(outdated.at("/content/0/downloadedVersion")).isEqualTo("1");
        assertThat(outdated.at("/content/0/currentVersion")).isEqualTo("2");

        ApiClient.Response paged = api.as(secretariat).get(downloadsPath("?by=MEMBER&size=1&page=1"));
        assertThat(rows(paged, "enterpriseId")).containsExactly(other);
        assertThat(paged.at("/totalElements")).isEqualTo("2");
    }

    @Test
    void onlyTheClustersSecretariatSeesItsDownloads() {
        assertThat(api.as(secretariatOf(cluster)).get(downloadsPath("")).status()).isEqualTo(200);
        assertProblem(api.as(secretariatOf(cluster())).get(downloadsPath("")), 403, null);
        assertProblem(api.as(member).get(downloadsPath("")), 403, null);
        assertProblem(api.as(expert()).get(downloadsPath("")), 403, null);
        assertProblem(api.anonymous().get(downloadsPath("")), 401, null);
        assertProblem(api.as(secretariatOf(cluster)).get(downloadsPath("?by=NOBODY")), 400, null);
        assertProblem(api.as(secretariatOf(cluster)).get(downloadsPath("?size=1000")), 400, null);
    }

    @Test
    void aPublishedVersionNamesTheEnterprisesThatDownloadedAnOlderOne() {
        String other = member(cluster, ACTIVE, MEMBER_TIER);
        String bystander = member(cluster, ACTIVE, MEMBER_TIER);
        content(member, Map.of());
        assertThat(http.download(userOf(other), kitPath(), Map.of()).statusCode()).isEqualTo(200);
        content(null, Map.of());
        String secretariat = secretariatOf(cluster);
        content(secretariat, Map.of());
        addVersion(secretariat, logo, TestFiles.png(3_000), "mark.png");

        assertThat(publish(secretariat, logo, 2).status()).isEqualTo(200);

        JsonNode event = published.awaitFor(logo, "assets.asset.created.v1", "assets.asset.version-published.v1",
                "assets.asset.version-published.v1").getLast();
        assertThat(event.get("versionNumber").asInt()).isEqualTo(2);
        List<String> named = new ArrayList<>();
        event.get("enterprisesWithOlderVersion").forEach(id -> named.add(id.asString()));
        assertThat(named).containsExactlyInAnyOrder(enterprise, other).doesNotContain(bystander);
    }

    private HttpResponse<byte[]> content(String token, Map<String, String> headers) {
        return http.download(token, assetPath(logo) + "/content", headers);
    }

    private String kitPath() {
        return "/api/assets/clusters/" + cluster + "/kit.zip";
    }

    private String downloadsPath(String query) {
        return "/api/assets/clusters/" + cluster + "/downloads" + query;
    }

    private List<Document> records(String assetId) {
        return mongo.getCollection("downloads").find(new Document("assetId", assetId)).into(new ArrayList<>());
    }

    private static List<String> rows(ApiClient.Response page, String field) {
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        List<String> values = new ArrayList<>();
        page.json().get("content").forEach(row -> values.add(row.get(field).asString()));
        return values;
    }
}
