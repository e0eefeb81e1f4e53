package com.brandcluster.assets.asset;

import com.brandcluster.assets.AssetsIntegrationTest;
import com.brandcluster.assets.storage.TestFiles;
import com.brandcluster.testsupport.ApiClient;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Share links from creation to the end of their life: anonymous downloads streamed like a content download (validators
 * and ranges), the download limit under parallel requests, expiry, revocation, a withdrawn asset, and what the
 * database keeps of a token (its hash only).
 */
class ShareLinkIT extends AssetsIntegrationTest {

    private static final int SIZE = 300_000;

    private String cluster;
    private String secretariat;
    private byte[] bytes;
    private String assetId;

    @BeforeEach
    void publishedAsset() {
        cluster = cluster();
        secretariat = secretariatOf(cluster);
        bytes = TestFiles.png(SIZE - 16);
        assetId = published(cluster, Map.of(), bytes, "cluster-mark.png");
    }

    @Test
    void anAnonymousPartyDownloadsTheFileThroughTheLinkAndTheSecretariatSeesTheCount() throws Exception {
        ApiClient.Response created = create(link(Map.of("maxDownloads", 3)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String url = created.at("/url");
        assertThat(url).matches("/api/assets/shared/[A-Za-z0-9_-]{43}");
        assertThat(created.header("Location")).hasValueSatisfying(location -> assertThat(location).endsWith(url));
        assertThat(created.at("/link/state")).isEqualTo("ACTIVE");
        assertThat(created.at("/link/downloads")).isEqualTo("0");

        HttpResponse<byte[]> download = http.download(null, url, Map.of());

        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(bytes);
        assertThat(download.headers().firstValue("ETag")).hasValue("\"" + sha256(bytes) + "\"");
        assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                value -> assertThat(value).startsWith("attachment; filename=\"cluster-mark.png\""));
        assertThat(download.headers().firstValue("Cache-Control")).hasValue("private, no-cache");
        assertThat(download.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        ApiClient.Response links = api.as(secretariat).get(linksOf(assetId));
        assertThat(links.at("/0/id")).isEqualTo(created.at("/id"));
        assertThat(links.at("/0/downloads")).isEqualTo("1");
        assertThat(links.at("/0/maxDownloads")).isEqualTo("3");
        assertThat(links.at("/0/note")).isEqualTo("Banner for the Guzhen lighting fair");
        assertThat(links.body()).doesNotContain(url.substring(url.lastIndexOf('/') + 1));
    }

    @Test
    void keepsOnlyTheHashOfTheToken() throws Exception {
        String url = create(link(Map.of())).at("/url");
        String token = url.substring(url.lastIndexOf('/') + 1);

        List<Document> stored = mongo.getCollection(ShareLink.COLLECTION).find(new Document("assetId", assetId))
                .into(new ArrayList<>());

        assertThat(stored).hasSize(1);
        assertThat(stored.getFirst().toJson()).doesNotContain(token);
        assertThat(stored.getFirst().getString("tokenHash"))
                .isEqualTo(sha256(token.getBytes(StandardCharsets.US_ASCII)));
        assertThat(Arrays.asList(token, create(link(Map.of())).at("/url"))).doesNotHaveDuplicates();
    }

    @Test
    void servesRangesAndAContinuationDoesNotCountAsADownload() {
        String url = create(link(Map.of("maxDownloads", 1))).at("/url");

        HttpResponse<byte[]> first = http.download(null, url, Map.of("Range", "bytes=0-99999"));
        assertThat(first.statusCode()).isEqualTo(206);
        assertThat(first.body()).isEqualTo(Arrays.copyOfRange(bytes, 0, 100_000));
        HttpResponse<byte[]> rest = http.download(null, url, Map.of("Range", "bytes=100000-"));
        assertThat(rest.statusCode()).isEqualTo(206);
        assertThat(rest.headers().firstValue("Content-Range")).hasValue("bytes 100000-" + (SIZE - 1) + "/" + SIZE);
        assertThat(rest.body()).isEqualTo(Arrays.copyOfRange(bytes, 100_000, SIZE));

        assertThat(api.as(secretariat).get(linksOf(assetId)).at("/0/downloads")).isEqualTo("1");
        assertProblem(api.anonymous().get(url), 410, "share-link-exhausted");
        assertProblem(api.anonymous().send("GET", url, null, null), 410, "share-link-exhausted");
    }

    @Test
    void aContinuationOfNothingCountsAsADownload() {
        String url = create(link(Map.of("maxDownloads", 1))).at("/url");

        assertThat(http.download(null, url, Map.of("Range", "bytes=5000-")).statusCode()).isEqualTo(206);

        assertThat(api.as(secretariat).get(linksOf(assetId)).at("/0/downloads")).isEqualTo("1");
        assertProblem(api.anonymous().get(url), 410, "share-link-exhausted");
    }

    @Test
    void theLimitHoldsUnderParallelDownloads() throws Exception {
        String url = create(link(Map.of("maxDownloads", 5))).at("/url");
        List<Callable<Integer>> downloads = IntStream.range(0, 30)
                .<Callable<Integer>>mapToObj(i -> () -> http.download(null, url, Map.of()).statusCode())
                .toList();

        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(30)) {
            for (Future<Integer> download : pool.invokeAll(downloads)) {
                statuses.add(download.get());
            }
        }

        assertThat(statuses).filteredOn(status -> status == 200).hasSize(5);
        assertThat(statuses).filteredOn(status -> status == 410).hasSize(25);
        ApiClient.Response links = api.as(secretariat).get(linksOf(assetId));
        assertThat(links.at("/0/downloads")).isEqualTo("5");
        assertThat(links.at("/0/state")).isEqualTo("EXHAUSTED");
    }

    @Test
    void anExpiredLinkIsGone() {
        ApiClient.Response created = create(link(Map.of()));
        assertThat(http.download(null, created.at("/url"), Map.of()).statusCode()).isEqualTo(200);

        // the link's expiry passes
        mongo.updateFirst(Query.query(Criteria.where("_id").is(created.at("/id"))),
                Update.update("expiresAt", Instant.now().minusSeconds(1)), ShareLink.class);

        assertProblem(api.anonymous().get(created.at("/url")), 410, "share-link-expired");
        assertThat(api.as(secretariat).get(linksOf(assetId)).at("/0/state")).isEqualTo("EXPIRED");
    }

    @Test
    void aRevokedLinkIsGoneAndRevokingAgainChangesNothing() {
        ApiClient.Response created = create(link(Map.of()));
        String revoke = "/api/assets/share-links/" + created.at("/id");

        assertThat(api.as(secretariat).delete(revoke).status()).isEqualTo(204);
        String revokedAt = api.as(secretariat).get(linksOf(assetId)).at("/0/revokedAt");
        assertThat(api.as(secretariat).delete(revoke).status()).isEqualTo(204);

        assertProblem(api.anonymous().get(created.at("/url")), 410, "share-link-revoked");
        ApiClient.Response links = api.as(secretariat).get(linksOf(assetId));
        assertThat(links.at("/0/state")).isEqualTo("REVOKED");
        assertThat(links.at("/0/revokedAt")).isEqualTo(revokedAt);
        assertThat(links.at("/0/downloads")).isEqualTo("0");
    }

    @Test
    void anUnknownTokenIsNotFoundWithoutRepeatingIt() {
        ApiClient.Response unknown = api.anonymous()
                .get(ShareLinkController.SHARED_PATH + "NoSuchTokenNoSuchTokenNoSuchTokenNoSuchTok");

        assertProblem(unknown, 404, "share-link-not-found");
        assertThat(unknown.at("/detail")).doesNotContain("NoSuchToken");
        assertProblem(api.as(secretariat).delete("/api/assets/share-links/0123456789abcdef01234567"), 404,
                "not-found");
    }

    @Test
    void aLinkToAVersionFollowsItsRetirementAndALinkToTheAssetFollowsTheCurrentVersion() {
        byte[] second = TestFiles.png(2000);
        assertThat(addVersion(secretariat, assetId, second, "cluster-mark-2.png").status()).isEqualTo(201);
        String toVersion1 = create(link(Map.of("version", 1))).at("/url");
        String toCurrent = create(link(Map.of())).at("/url");
        assertThat(publish(secretariat, assetId, 2).status()).isEqualTo(200);

        assertThat(http.download(null, toVersion1, Map.of()).body()).isEqualTo(bytes);
        assertThat(http.download(null, toCurrent, Map.of()).body()).isEqualTo(second);

        assertThat(api.as(secretariat).post(assetPath(assetId) + "/versions/1/retirement", null).status())
                .isEqualTo(200);
        assertProblem(api.anonymous().get(toVersion1), 410, "share-link-asset-withdrawn");
        assertThat(http.download(null, toCurrent, Map.of()).body()).isEqualTo(second);
    }

    @Test
    void refusesBadLinksAndStoresNothing() {
        String draft = draft(cluster, Map.of());
        assertThat(addVersion(secretariat, assetId, TestFiles.png(3000), "draft-2.png").status()).isEqualTo(201);

        assertProblem(create(link(Map.of("expiresAt", Instant.now().minusSeconds(60).toString()))), 400,
                "validation");
        assertProblem(create(link(Map.of("expiresAt", Instant.now().plus(Duration.ofDays(91)).toString()))), 400,
                "validation");
        assertProblem(create(link(Map.of("expiresAt", "next tuesday"))), 400, null);
        assertProblem(create(link(Map.of("maxDownloads", 0))), 400, "validation");
        assertProblem(create(link(Map.of("note", " "))), 400, "validation");
        Map<String, Object> noExpiry = link(Map.of());
        noExpiry.remove("expiresAt");
        assertProblem(create(noExpiry), 400, "validation");
        assertProblem(create(link(Map.of("version", 2))), 422, "version-not-published");
        assertProblem(create(link(Map.of("version", 9))), 404, null);
        assertProblem(api.as(secretariat).post(linksOf(draft), link(Map.of())), 422, "asset-not-published");
        assertProblem(api.as(secretariat).send("POST", linksOf(assetId), "{\"note\":", "application/json"), 400,
                null);

        assertThat(mongo.count(Query.query(Criteria.where("clusterId").is(cluster)), ShareLink.class)).isZero();
        assertThat(create(link(Map.of("expiresAt", Instant.now().plus(Duration.ofDays(89)).toString()))).status())
                .isEqualTo(201);
    }

    private ApiClient.Response create(Map<String, ?> body) {
        return api.as(secretariat).post(linksOf(assetId), body);
    }

    static Map<String, Object> link(Map<String, ?> overrides) {
        Map<String, Object> body = new HashMap<>();
        body.put("expiresAt", Instant.now().plus(Duration.ofDays(7)).toString());
        body.put("note", "Banner for the Guzhen lighting fair");
        body.putAll(overrides);
        return body;
    }

    static String linksOf(String assetId) {
        return assetPath(assetId) + "/share-links";
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
