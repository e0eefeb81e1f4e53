package com.brandcluster.assets.asset;

import com.brandcluster.assets.AssetHttp.Part;
import com.brandcluster.assets.AssetsIntegrationTest;
import com.brandcluster.assets.storage.TestFiles;
import com.brandcluster.testsupport.ApiClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An asset from upload to retirement: version 1 a draft, further versions drafts too, publication and retirement per
 * version, the current version the highest-numbered published one, members seeing published versions only, and
 * every step announced through the outbox.
 */
class AssetLifecycleIT extends AssetsIntegrationTest {

    private static final String MERGE_PATCH = "application/merge-patch+json";

    @Test
    void createsTheAssetWithADraftFirstVersionDescribedByItsBytes() throws Exception {
        String cluster = cluster();
        byte[] svg = TestFiles.svg();

        ApiClient.Response created = upload(secretariatOf(cluster), cluster,
                metadata(Map.of("accessLevel", "TIER", "minimumTierRank", 2, "tags", List.of("logo", " 标志 ", "logo"))),
                Part.file("C:\\fakepath\\集群标志.svg", "image/svg+xml", svg));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String assetId = created.at("/id");
        assertThat(created.header("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/api/assets/assets/" + assetId));
        assertThat(created.at("/status")).isEqualTo("DRAFT");
        assertThat(created.at("/currentVersion")).isNull();
        assertThat(created.json().get("tags").valueStream().map(JsonNode::asString)).containsExactly("logo", "标志");
        assertThat(created.at("/versions/0/number")).isEqualTo("1");
        assertThat(created.at("/versions/0/status")).isEqualTo("DRAFT");
        assertThat(created.at("/versions/0/filename")).isEqualTo("集群标志.svg");
        assertThat(created.at("/versions/0/contentType")).isEqualTo("image/svg+xml");
        assertThat(created.at("/versions/0/size")).isEqualTo(Integer.toString(svg.length));
        assertThat(created.at("/versions/0/sha256"))
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(svg)));

        JsonNode event = published.awaitFor(assetId, "assets.asset.created.v1").getFirst();
        assertThat(event.get("clusterId").asString()).isEqualTo(cluster);
        assertThat(event.get("accessLevel").asString()).isEqualTo("TIER");
        assertThat(event.get("minimumTierRank").asInt()).isEqualTo(2);
        assertThat(event.get("version").asLong()).isEqualTo(1);
    }

    @Test
    void theCurrentVersionIsTheHighestPublishedOneAndMembersSeeOnlyPublishedVersions() {
        String cluster = cluster();
        String secretariat = secretariatOf(cluster);
        String member = memberUser(cluster, MEMBER_TIER);
        String assetId = draft(cluster, Map.of());
        assertProblem(api.as(member).get(assetPath(assetId)), 404, "not-found");

        assertThat(addVersion(secretariat, assetId, TestFiles.png(2000), "mark-v2.png").at("/versions/1/status"))
                .isEqualTo("DRAFT");
        assertThat(addVersion(secretariat, assetId, TestFiles.png(3000), "mark-v3.png").at("/versions/2/notes"))
                .isEqualTo("Redrawn for small sizes");

        assertThat(publish(secretariat, assetId, 1).at("/currentVersion")).isEqualTo("1");
        assertThat(publish(secretariat, assetId, 3).at("/currentVersion")).isEqualTo("3");
        ApiClient.Response asMember = api.as(member).get(assetPath(assetId));
        assertThat(asMember.json().get("versions").findValuesAsString("number")).containsExactly("1", "3");
        assertThat(api.as(secretariat).get(assetPath(assetId)).json().get("versions").findValuesAsString("status"))
                .containsExactly("PUBLISHED", "DRAFT", "PUBLISHED");

        ApiClient.Response retired = api.as(secretariat).post(assetPath(assetId) + "/versions/3/retirement", null);
        assertThat(retired.at("/currentVersion")).isEqualTo("1");
        assertThat(retired.at("/versions/2/status")).isEqualTo("RETIRED");
        assertThat(api.as(member).get(assetPath(assetId)).json().get("versions").findValuesAsString("number"))
                .containsExactly("1");

        assertThat(api.as(secretariat).post(assetPath(assetId) + "/versions/1/retirement", null).at("/status"))
                .isEqualTo("RETIRED");
        assertProblem(api.as(member).get(assetPath(assetId)), 404, "not-found");

        List<JsonNode> events = published.awaitFor(assetId, "assets.asset.created.v1",
                "assets.asset.version-published.v1", "assets.asset.version-published.v1",
                "assets.asset.version-retired.v1", "assets.asset.version-retired.v1");
        assertThat(events.get(1).has("previousVersionNumber") && !events.get(1).get("previousVersionNumber").isNull())
                .isFalse();
        assertThat(events.get(2).get("versionNumber").asInt()).isEqualTo(3);
        assertThat(events.get(2).get("previousVersionNumber").asInt()).isEqualTo(1);
        assertThat(events.get(2).get("size").asLong()).isEqualTo(TestFiles.png(3000).length);
        assertThat(events.get(2).get("enterprisesWithOlderVersion").isArray()).isTrue();
        assertThat(events.get(3).get("currentVersionNumber").asInt()).isEqualTo(1);
        assertThat(events.get(4).get("currentVersionNumber").isNull()).isTrue();
        assertThat(events).extracting(e -> e.get("version").asLong()).containsExactly(1L, 4L, 5L, 6L, 7L);
    }

    @Test
    void refusesTransitionsThatDoNotFollowTheLifecycle() {
        String cluster = cluster();
        String secretariat = secretariatOf(cluster);
        String assetId = draft(cluster, Map.of());

        assertProblem(api.as(secretariat).post(assetPath(assetId) + "/versions/1/retirement", null), 409,
                "asset-version-state");
        assertThat(publish(secretariat, assetId, 1).status()).isEqualTo(200);
        ApiClient.Response again = publish(secretariat, assetId, 1);
        assertProblem(again, 409, "asset-version-state");
        assertThat(again.at("/currentState")).isEqualTo("PUBLISHED");
        assertProblem(publish(secretariat, assetId, 2), 404, "version-not-found");
        addVersion(secretariat, assetId, TestFiles.png(2000), "mark-v2.png");
        addVersion(secretariat, assetId, TestFiles.png(3000), "mark-v3.png");
        assertThat(publish(secretariat, assetId, 3).at("/currentVersion")).isEqualTo("3");
        ApiClient.Response superseded = publish(secretariat, assetId, 2);
        assertProblem(superseded, 409, "version-superseded");
        assertThat(superseded.at("/currentState")).isEqualTo("DRAFT");
        assertProblem(publish(secretariat, "6b1c2d3e4f5a6b7c8d9e0f11", 1), 404, "not-found");
        assertProblem(publish(secretariat, assetId, 0), 404, "version-not-found");
    }

    @Test
    void editsTheMetadataWithAMergePatch() {
        String cluster = cluster();
        String secretariat = secretariatOf(cluster);
        String assetId = published(cluster, Map.of());

        ApiClient.Response edited = api.as(secretariat).send("PATCH", assetPath(assetId),
                "{\"title\":\"Cluster mark, monochrome\",\"accessLevel\":\"TIER\",\"minimumTierRank\":2,"
                        + "\"description\":null}", MERGE_PATCH);

        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        assertThat(edited.at("/title")).isEqualTo("Cluster mark, monochrome");
        assertThat(edited.at("/accessLevel")).isEqualTo("TIER");
        assertThat(edited.at("/description")).isNull();
        assertThat(edited.at("/usageNotes")).isEqualTo("Keep a clear space of half the mark's height around it.");
        assertProblem(api.as(memberUser(cluster, MEMBER_TIER)).get(assetPath(assetId)), 403, "tier-insufficient");

        ApiClient.Response unchanged = api.as(secretariat).send("PATCH", assetPath(assetId),
                "{\"title\":\"Cluster mark, monochrome\"}", MERGE_PATCH);
        assertThat(unchanged.at("/version")).isEqualTo(edited.at("/version"));
        assertThat(unchanged.at("/updatedAt")).isEqualTo(edited.at("/updatedAt"));
    }

    @Test
    void refusesMetadataThatDoesNotFitTogetherOrCannotChange() {
        String cluster = cluster();
        String secretariat = secretariatOf(cluster);
        String assetId = draft(cluster, Map.of());

        assertProblem(api.as(secretariat).send("PATCH", assetPath(assetId), "{\"accessLevel\":\"TIER\"}",
                MERGE_PATCH), 400, "validation");
        assertProblem(api.as(secretariat).send("PATCH", assetPath(assetId), "{\"currentVersion\":3}", MERGE_PATCH),
                400, "immutable-property");
        assertProblem(api.as(secretariat).send("PATCH", assetPath(assetId), "{\"kind\":\"BANNER\"}", MERGE_PATCH),
                400, "validation");
        Map<String, Object> publicWithRank = new HashMap<>(metadata(Map.of("minimumTierRank", 1)));
        ApiClient.Response refused = upload(secretariat, cluster, publicWithRank,
                Part.file("x.png", null, TestFiles.png(10)));
        assertProblem(refused, 400, "validation");
        assertThat(refused.json().get("errors").findValuesAsString("field")).containsExactly("minimumTierRank");
        assertProblem(upload(secretariat, cluster, metadata(Map.of("title", " ")),
                Part.file("x.png", null, TestFiles.png(10))), 400, "validation");
        assertThat(api.as(secretariat).get(assetPath(assetId)).at("/accessLevel")).isEqualTo("MEMBERS");
    }
}
