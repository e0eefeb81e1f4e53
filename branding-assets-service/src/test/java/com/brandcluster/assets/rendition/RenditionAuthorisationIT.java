package com.brandcluster.assets.rendition;

import com.brandcluster.assets.AssetsIntegrationTest;
import com.brandcluster.testsupport.ApiClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A rendition is for whoever may download the version it is made from, decided again on every request. */
class RenditionAuthorisationIT extends AssetsIntegrationTest {

    private String cluster;
    private String membersLogo;

    @BeforeEach
    void clusterWithAMembersLogo() {
        cluster = cluster();
        membersLogo = published(cluster, Map.of(), RenditionImages.svg(), "mark.svg");
    }

    @Test
    void aMembersLogoIsForMembersInGoodStandingAndTheSecretariat() {
        assertRendered(membersLogo, memberUser(cluster, MEMBER_TIER));
        assertRendered(membersLogo, userOf(member(cluster, GRACE, MEMBER_TIER)));
        assertRendered(membersLogo, secretariatOf(cluster));
    }

    @Test
    void outsidersAndAnonymousCallersAreRefused() {
        String otherCluster = cluster();

        assertProblem(rendition(membersLogo, memberUser(otherCluster, COUNCIL_TIER)), 403, "not-a-member");
        assertProblem(rendition(membersLogo, secretariatOf(otherCluster)), 403, "not-a-member");
        assertProblem(rendition(membersLogo, expert()), 403, "not-a-member");
        ApiClient.Response anonymous = rendition(membersLogo, null);
        assertProblem(anonymous, 401, null);
        assertThat(anonymous.header("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    }

    @Test
    void aSuspendedOrLapsedMemberIsToldWhy() {
        assertProblem(rendition(membersLogo, userOf(member(cluster, SUSPENDED, MEMBER_TIER))), 403,
                "membership-suspended");
        assertProblem(rendition(membersLogo, userOf(member(cluster, LAPSED, MEMBER_TIER))), 403,
                "membership-lapsed");
    }

    @Test
    void aMemberLosesAccessAtOnceWhenSuspendedEvenToACachedRendition() {
        String enterprise = member(cluster, ACTIVE, MEMBER_TIER);
        assertRendered(membersLogo, userOf(enterprise));

        standingChanges(cluster, enterprise, SUSPENDED);

        assertProblem(rendition(membersLogo, userOf(enterprise)), 403, "membership-suspended");
    }

    @Test
    void aTierLogoIsForTiersThatReachIt() {
        String councilLogo = published(cluster, Map.of("accessLevel", "TIER", "minimumTierRank", 2),
                RenditionImages.svg(), "council.svg");

        assertRendered(councilLogo, memberUser(cluster, COUNCIL_TIER));
        assertProblem(rendition(councilLogo, memberUser(cluster, MEMBER_TIER)), 403, "tier-insufficient");
    }

    @Test
    void aDraftsRenditionExistsForItsSecretariatOnly() {
        String draft = draft(cluster, Map.of("accessLevel", "PUBLIC"), RenditionImages.svg(), "draft.svg");

        for (String token : new String[] {memberUser(cluster, COUNCIL_TIER), secretariatOf(cluster()), null}) {
            assertProblem(rendition(draft, token), 404, "not-found");
        }
        assertRendered(draft, secretariatOf(cluster));
    }

    @Test
    void aPublicLogoIsForAnyone() {
        String publicLogo = published(cluster, Map.of("accessLevel", "PUBLIC"), RenditionImages.svg(), "open.svg");

        for (String token : new String[] {null, expert(), userOf(member(cluster, SUSPENDED, MEMBER_TIER))}) {
            assertRendered(publicLogo, token);
        }
    }

    private ApiClient.Response rendition(String assetId, String token) {
        return api.as(token).get(assetPath(assetId) + "/renditions/256");
    }

    private void assertRendered(String assetId, String token) {
        HttpResponse<byte[]> response = http.download(token, assetPath(assetId) + "/renditions/256", Map.of());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(RenditionImages.decode(response.body()).getWidth()).isEqualTo(256);
    }
}
