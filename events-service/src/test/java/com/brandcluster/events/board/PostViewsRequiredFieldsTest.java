package com.brandcluster.events.board;

import com.brandcluster.events.DocumentedSchemas;
import com.brandcluster.events.board.PostRequests.MatchView;
import com.brandcluster.events.board.PostRequests.PostView;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the document promises of post views holds for the sparsest saved posts: no tags, by an enterprise whose name
 * this service has not learnt, never closed.
 */
class PostViewsRequiredFieldsTest {

    private static final Instant NOW = Instant.parse("2026-05-01T00:00:00Z");

    @Test
    void anOpenPostWithoutTagsOfAnUnnamedEnterpriseCarriesEveryRequiredProperty() {
        Post post = saved("p-1", PostKind.NEED, null);

        assertThat(DocumentedSchemas.required("PostRequestsPostView"))
                .contains("id", "enterpriseId", "title", "tags", "validUntil", "status", "updatedAt", "version")
                .doesNotContain("enterpriseName", "closedAt", "removalReason");
        DocumentedSchemas.assertRequiredPresent("PostRequestsPostView", PostView.of(post, NOW));
    }

    @Test
    void aMatchOfTwoUntaggedPostsCarriesEveryRequiredProperty() {
        Post need = saved("p-1", PostKind.NEED, null);
        Post offer = saved("p-2", PostKind.OFFER, "Guzhen Optics");
        PostMatching.Match match = PostMatching.rank(need, List.of(offer), 10).getFirst();

        DocumentedSchemas.assertRequiredPresent("PostRequestsMatchView", MatchView.of(match, NOW));
    }

    /** A post as it is read back once stored: with a version. */
    private static Post saved(String id, PostKind kind, String enterpriseName) {
        Post.Content content = new Post.Content(PostCategory.SUPPLY, "LED drivers", "Drivers for street lights",
                "CN-GD", NOW.plus(Duration.ofDays(30)), null);
        return new Post(id, "lighting", "ent-" + id, enterpriseName, kind, content, PostStatus.OPEN, NOW, "user",
                NOW, null, null, null, 0L);
    }
}
