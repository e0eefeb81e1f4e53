package com.brandcluster.assets.asset;

import com.brandcluster.assets.AssetsIntegrationTest;
import com.brandcluster.testsupport.ApiClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.function.Function;

import static com.brandcluster.assets.asset.ShareLinkIT.link;
import static com.brandcluster.assets.asset.ShareLinkIT.linksOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Creating, listing and revoking share links is for the secretariat of the asset's cluster only (members of the
 * cluster, of other clusters, other clusters' secretariats and experts get 403, anonymous callers 401; a draft does
 * not exist for them); using a link needs nothing but its token.
 */
class ShareLinkAuthorisationIT extends AssetsIntegrationTest {

    private String cluster;
    private String secretariat;
    private String otherSecretariat;
    private String otherClusterMember;
    private String assetId;

    @BeforeEach
    void clusterWithAPublishedAsset() {
        cluster = cluster();
        secretariat = secretariatOf(cluster);
        String otherCluster = cluster();
        otherSecretariat = secretariatOf(otherCluster);
        otherClusterMember = memberUser(otherCluster, COUNCIL_TIER);
        assetId = published(cluster, Map.of("accessLevel", "PUBLIC"));
    }

    @Test
    void onlyTheSecretariatCreatesLinks() {
        Function<String, ApiClient.Response> create = token -> api.as(token).post(linksOf(assetId), link(Map.of()));

        assertRefusedToAllButTheSecretariat(create);
        assertThat(api.as(secretariat).get(linksOf(assetId)).json()).isEmpty();

        assertThat(create.apply(secretariat).status()).isEqualTo(201);
    }

    @Test
    void onlyTheSecretariatListsLinks() {
        String linkId = api.as(secretariat).post(linksOf(assetId), link(Map.of())).at("/id");
        Function<String, ApiClient.Response> list = token -> api.as(token).get(linksOf(assetId));

        assertRefusedToAllButTheSecretariat(list);

        assertThat(list.apply(secretariat).at("/0/id")).isEqualTo(linkId);
    }

    @Test
    void onlyTheSecretariatRevokesLinks() {
        ApiClient.Response created = api.as(secretariat).post(linksOf(assetId), link(Map.of()));
        Function<String, ApiClient.Response> revoke = token -> api.as(token)
                .delete("/api/assets/share-links/" + created.at("/id"));

        assertRefusedToAllButTheSecretariat(revoke);
        assertThat(http.download(null, created.at("/url"), Map.of()).statusCode()).isEqualTo(200);

        assertThat(revoke.apply(secretariat).status()).isEqualTo(204);
        assertProblem(api.anonymous().get(created.at("/url")), 410, "share-link-revoked");
    }

    @Test
    void aDraftHasNoLinksForAnybodyButTheSecretariat() {
        String draft = draft(cluster, Map.of());
        for (String token : new String[] {otherSecretariat, memberUser(cluster, COUNCIL_TIER), expert()}) {
            assertProblem(api.as(token).post(linksOf(draft), link(Map.of())), 404, "not-found");
            assertProblem(api.as(token).get(linksOf(draft)), 404, "not-found");
        }
        assertProblem(api.anonymous().get(linksOf(draft)), 401, null);
        assertThat(api.as(secretariat).get(linksOf(draft)).status()).isEqualTo(200);
    }

    @Test
    void aLinkToAMembersAssetServesAnyoneWithItsTokenWhateverTheirStanding() {
        String membersAsset = published(cluster, Map.of("accessLevel", "MEMBERS"));
        ApiClient.Response created = api.as(secretariat).post(linksOf(membersAsset), link(Map.of()));
        String suspended = userOf(member(cluster, SUSPENDED, MEMBER_TIER));
        assertProblem(api.as(suspended).get(assetPath(membersAsset) + "/content"), 403, null);

        for (String token : new String[] {null, suspended, otherClusterMember, expert()}) {
            assertThat(http.download(token, created.at("/url"), Map.of()).statusCode()).isEqualTo(200);
        }
    }

    private void assertRefusedToAllButTheSecretariat(Function<String, ApiClient.Response> call) {
        assertProblem(call.apply(otherSecretariat), 403, "forbidden");
        assertProblem(call.apply(memberUser(cluster, COUNCIL_TIER)), 403, "forbidden");
        assertProblem(call.apply(otherClusterMember), 403, "forbidden");
        assertProblem(call.apply(expert()), 403, "forbidden");
        assertProblem(call.apply(null), 401, null);
    }
}
