package com.brandcluster.assets.access;

import com.brandcluster.assets.AssetHttp.Part;
import com.brandcluster.assets.AssetsIntegrationTest;
import com.brandcluster.assets.storage.TestFiles;
import com.brandcluster.testsupport.ApiClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every asset endpoint, per object. Managing (uploading, editing, adding versions, publishing, retiring) is for the
 * secretariat of the asset's cluster only. Reading and downloading follow the access level: public assets anyone,
 * members' assets members in good standing (ACTIVE or GRACE) of that cluster, tier assets those whose tier's asset
 * access rank reaches the minimum; suspended and lapsed members are refused with a problem that says so, members of
 * other clusters, experts and other clusters' secretariats with 403, anonymous callers with 401; drafts exist for the
 * secretariat only.
 */
class AssetAuthorisationIT extends AssetsIntegrationTest {

    private static final String MERGE_PATCH = "application/merge-patch+json";

    private String cluster;
    private String secretariat;
    private String otherSecretariat;
    private String otherClusterMember;
    private String membersAsset;

    @BeforeEach
    void clusterWithAMembersAsset() {
        cluster = cluster();
        secretariat = secretariatOf(cluster);
        String otherCluster = cluster();
        otherSecretariat = secretariatOf(otherCluster);
        otherClusterMember = memberUser(otherCluster, COUNCIL_TIER);
        membersAsset = published(cluster, Map.of("accessLevel", "MEMBERS"));
    }

    @Test
    void onlyTheSecretariatOfTheClusterUploadsAssets() {
        Function<String, ApiClient.Response> create = token -> upload(token, cluster, metadata(Map.of()),
                Part.file("mark.png", null, TestFiles.png(100)));
        Stored before = stored();

        assertProblem(create.apply(otherSecretariat), 403, "forbidden");
        assertProblem(create.apply(memberUser(cluster, COUNCIL_TIER)), 403, "forbidden");
        assertProblem(create.apply(expert()), 403, "forbidden");
        assertProblem(create.apply(null), 401, null);
        assertThat(stored()).isEqualTo(before);

        assertThat(create.apply(secretariat).status()).isEqualTo(201);
    }

    @Test
    void onlyTheSecretariatOfTheClusterEditsAnAsset() {
        Function<String, ApiClient.Response> edit = token -> api.as(token).send("PATCH", assetPath(membersAsset),
                "{\"title\":\"Edited\"}", MERGE_PATCH);

        assertRefusedToAllButTheSecretariat(edit);
        assertThat(api.as(secretariat).get(assetPath(membersAsset)).at("/title"))
                .isEqualTo("Cluster mark, full colour");

        assertThat(edit.apply(secretariat).at("/title")).isEqualTo("Edited");
    }

    @Test
    void onlyTheSecretariatOfTheClusterAddsVersions() {
        Function<String, ApiClient.Response> add = token -> addVersion(token, membersAsset, TestFiles.png(200),
                "mark-v2.png");
        Stored before = stored();

        assertRefusedToAllButTheSecretariat(add);
        assertThat(stored()).isEqualTo(before);

        assertThat(add.apply(secretariat).at("/versions/1/number")).isEqualTo("2");
    }

    @Test
    void onlyTheSecretariatOfTheClusterPublishesAndRetiresVersions() {
        addVersion(secretariat, membersAsset, TestFiles.png(200), "mark-v2.png");
        Function<String, ApiClient.Response> publish = token -> publish(token, membersAsset, 2);
        Function<String, ApiClient.Response> retire = token -> api.as(token)
                .post(assetPath(membersAsset) + "/versions/1/retirement", null);

        assertRefusedToAllButTheSecretariat(publish);
        assertRefusedToAllButTheSecretariat(retire);
        assertThat(api.as(secretariat).get(assetPath(membersAsset)).json().get("versions")
                .findValuesAsString("status")).containsExactly("PUBLISHED", "DRAFT");

        assertThat(publish.apply(secretariat).at("/currentVersion")).isEqualTo("2");
        assertThat(retire.apply(secretariat).at("/versions/0/status")).isEqualTo("RETIRED");
    }

    @Test
    void aDraftExistsForTheSecretariatOfItsClusterOnly() {
        String draft = draft(cluster, Map.of("accessLevel", "PUBLIC"));

        for (String token : new String[] {memberUser(cluster, COUNCIL_TIER), otherSecretariat, null}) {
            assertProblem(api.as(token).get(assetPath(draft)), 404, "not-found");
            assertProblem(api.as(token).get(assetPath(draft) + "/content"), 404, "not-found");
            assertProblem(api.as(token).send("PATCH", assetPath(draft), "{\"title\":\"x\"}", MERGE_PATCH),
                    token == null ? 401 : 404, null);
        }
        assertThat(api.as(secretariat).get(assetPath(draft)).status()).isEqualTo(200);
        assertThat(http.download(secretariat, assetPath(draft) + "/content", Map.of()).statusCode()).isEqualTo(200);
    }

    @Test
    void aPublicAssetIsForAnyone() {
        String asset = published(cluster, Map.of("accessLevel", "PUBLIC"));

        for (String token : new String[] {null, expert(), otherClusterMember, userOf(member(cluster, SUSPENDED,
                MEMBER_TIER)), otherSecretariat, secretariat}) {
            assertThat(api.as(token).get(assetPath(asset)).status()).isEqualTo(200);
            assertThat(http.download(token, assetPath(asset) + "/content", Map.of()).statusCode()).isEqualTo(200);
        }
        assertThat(http.download(null, assetPath(asset) + "/content", Map.of()).headers()
                .firstValue("Cache-Control")).contains("public, no-cache");
    }

    @Test
    void aMembersAssetIsForMembersInGoodStandingAndTheSecretariat() {
        assertReadable(membersAsset, memberUser(cluster, MEMBER_TIER));
        assertReadable(membersAsset, userOf(member(cluster, GRACE, MEMBER_TIER)));
        assertReadable(membersAsset, secretariat);
        assertRefusedToOutsiders(membersAsset);
    }

    @Test
    void aSuspendedOrLapsedMemberIsToldWhy() {
        String suspended = member(cluster, SUSPENDED, COUNCIL_TIER);
        String lapsed = member(cluster, LAPSED, COUNCIL_TIER);

        assertRefused(membersAsset, userOf(suspended), 403, "membership-suspended");
        assertRefused(membersAsset, userOf(lapsed), 403, "membership-lapsed");
        assertThat(api.as(userOf(suspended)).get(assetPath(membersAsset)).at("/membershipStatus"))
                .isEqualTo(SUSPENDED);
        assertThat(api.as(userOf(lapsed)).get(assetPath(membersAsset)).at("/detail")).contains("lapsed", "renew");
    }

    @Test
    void aMemberLosesAccessAtOnceWhenSuspended() {
        String enterprise = member(cluster, ACTIVE, MEMBER_TIER);
        assertReadable(membersAsset, userOf(enterprise));

        standingChanges(cluster, enterprise, SUSPENDED);

        assertRefused(membersAsset, userOf(enterprise), 403, "membership-suspended");
    }

    @Test
    void aTierAssetIsForTiersWhoseAccessRankReachesTheMinimum() {
        String councilOnly = published(cluster, Map.of("accessLevel", "TIER", "minimumTierRank", 2));

        assertReadable(councilOnly, memberUser(cluster, COUNCIL_TIER));
        assertReadable(councilOnly, secretariat);
        assertRefused(councilOnly, memberUser(cluster, MEMBER_TIER), 403, "tier-insufficient");
        assertRefused(councilOnly, userOf(member(cluster, ACTIVE, "founder")), 403, "tier-insufficient");
        assertRefusedToOutsiders(councilOnly);
    }

    @Test
    void aSecretariatAssetIsForTheSecretariatOnly() {
        String internal = published(cluster, Map.of("accessLevel", "SECRETARIAT"));

        assertReadable(internal, secretariat);
        assertRefused(internal, memberUser(cluster, COUNCIL_TIER), 403, "forbidden");
        assertRefused(internal, otherSecretariat, 403, "forbidden");
        assertRefused(internal, null, 401, null);
    }

    @Test
    void theListShowsEachCallerWhatItMayUse() {
        String publicAsset = published(cluster, Map.of("accessLevel", "PUBLIC"));
        String councilOnly = published(cluster, Map.of("accessLevel", "TIER", "minimumTierRank", 2));
        String internal = published(cluster, Map.of("accessLevel", "SECRETARIAT"));
        String draft = draft(cluster, Map.of("accessLevel", "PUBLIC"));

        assertThat(ids(api.as(secretariat).get(assetsOf(cluster))))
                .containsExactlyInAnyOrder(membersAsset, publicAsset, councilOnly, internal, draft);
        assertThat(ids(api.as(memberUser(cluster, COUNCIL_TIER)).get(assetsOf(cluster))))
                .containsExactlyInAnyOrder(membersAsset, publicAsset, councilOnly);
        assertThat(ids(api.as(memberUser(cluster, MEMBER_TIER)).get(assetsOf(cluster))))
                .containsExactlyInAnyOrder(membersAsset, publicAsset);
        for (String outsider : new String[] {null, expert(), otherClusterMember, otherSecretariat,
                userOf(member(cluster, SUSPENDED, COUNCIL_TIER)), userOf(member(cluster, LAPSED, COUNCIL_TIER))}) {
            assertThat(ids(api.as(outsider).get(assetsOf(cluster)))).containsExactly(publicAsset);
        }
    }

    private void assertRefusedToAllButTheSecretariat(Function<String, ApiClient.Response> call) {
        assertProblem(call.apply(otherSecretariat), 403, "forbidden");
        assertProblem(call.apply(memberUser(cluster, COUNCIL_TIER)), 403, "forbidden");
        assertProblem(call.apply(otherClusterMember), 403, "forbidden");
        assertProblem(call.apply(expert()), 403, "forbidden");
        assertProblem(call.apply(null), 401, null);
    }

    private void assertRefusedToOutsiders(String assetId) {
        assertRefused(assetId, otherClusterMember, 403, "not-a-member");
        assertRefused(assetId, otherSecretariat, 403, "not-a-member");
        assertRefused(assetId, expert(), 403, "not-a-member");
        assertRefused(assetId, null, 401, null);
    }

    private void assertReadable(String assetId, String token) {
        assertThat(api.as(token).get(assetPath(assetId)).at("/id")).isEqualTo(assetId);
        assertThat(http.download(token, assetPath(assetId) + "/content", Map.of()).statusCode()).isEqualTo(200);
    }

    private void assertRefused(String assetId, String token, int status, String type) {
        assertProblem(api.as(token).get(assetPath(assetId)), status, type);
        ApiClient.Response download = api.as(token).get(assetPath(assetId) + "/content");
        assertProblem(download, status, type);
        if (status == 401) {
            assertThat(download.header("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        }
    }
}
