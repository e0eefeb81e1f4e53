package com.brandcluster.events.board;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;

@NullMarked
final class PostRequests {

    private PostRequests() {
    }

    /**
     * A post as its enterprise writes it: the body of a POST, and the form a PATCH is merged onto (JSON merge patch
     * on the top level; {@code kind} cannot be changed). {@code validUntil} is an instant with an offset, e.g.
     * {@code 2026-09-30T23:59:59+08:00}.
     */
    record PostInput(@NotNull PostKind kind,
                     @NotNull PostCategory category,
                     @NotBlank @Size(max = 150) String title,
                     @NotBlank @Size(max = 2000) String description,
                     @NotBlank @RegionCode String region,
                     @NotNull Instant validUntil,
                     @Size(max = 10) @Nullable List<@NotBlank @Size(max = 40) String> tags) {

        static PostInput of(Post post) {
            Post.Content c = post.content();
            return new PostInput(post.kind(), c.category(), c.title(), c.description(), c.region(), c.validUntil(),
                    c.tags());
        }

        Post.Content content() {
            return new Post.Content(category, title, description, region, validUntil, tags);
        }
    }

    record Removal(@NotBlank @Size(max = 500) String reason) {
    }

    /** {@code status} as of the moment of reading: an open post past its {@code validUntil} is EXPIRED. */
    record PostView(String id, String clusterId, String enterpriseId, @Nullable String enterpriseName,
                    PostKind kind, PostCategory category, String title, String description, String region,
                    List<String> tags, Instant validUntil, PostStatus status, Instant createdAt, Instant updatedAt,
                    @Nullable Instant closedAt, @Nullable String removalReason, Long version) {

        static PostView of(Post p, Instant now) {
            Post.Content c = p.content();
            return new PostView(p.id(), p.clusterId(), p.enterpriseId(), p.enterpriseName(), p.kind(), c.category(),
                    c.title(), c.description(), c.region(), c.tags(), c.validUntil(), p.status(now), p.createdAt(),
                    p.updatedAt(), p.closedAt(), p.removalReason(), p.version());
        }
    }

    record MatchView(PostView post, int score, List<PostMatching.Reason> reasons) {

        static MatchView of(PostMatching.Match match, Instant now) {
            return new MatchView(PostView.of(match.post(), now), match.score(), match.reasons());
        }
    }

    record MatchesView(String postId, List<MatchView> matches) {
    }
}
