package com.brandcluster.events.board;

import com.brandcluster.events.board.PostRequests.PostInput;
import com.brandcluster.platform.membership.MemberStanding;
import com.brandcluster.platform.security.Caller;
import com.brandcluster.platform.web.ConflictException;
import com.brandcluster.platform.web.ForbiddenException;
import com.brandcluster.platform.web.MergePatch;
import jakarta.validation.Validator;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Posting on the cooperation board, and a post's life: its enterprise edits, renews and withdraws it; the cluster's
 * secretariat removes it. Each change is one versioned write of the post (pattern 1); a write that lost a race is
 * applied again to the fresh post, where the state it finds decides (a withdrawal that lost to a removal is a 409).
 */
@Service
class Posts {

    private static final Logger log = LoggerFactory.getLogger(Posts.class);
    private static final int ATTEMPTS = 3;
    private static final Set<String> EDITABLE = Set.of("category", "title", "description", "region", "validUntil",
            "tags");
    private static final Set<String> IMMUTABLE = Set.of("id", "clusterId", "enterpriseId", "enterpriseName", "kind",
            "status", "createdAt", "updatedAt", "closedAt", "removalReason", "version");

    private final MongoOperations mongo;
    private final BoardAccess access;
    private final PostingQuota quota;
    private final BoardProperties properties;
    private final MergePatch mergePatch;
    private final Clock clock;

    Posts(MongoOperations mongo, BoardAccess access, PostingQuota quota, BoardProperties properties, JsonMapper json,
          Validator validator, Clock clock) {
        this.mongo = mongo;
        this.access = access;
        this.quota = quota;
        this.properties = properties;
        this.mergePatch = new MergePatch(json, validator);
        this.clock = clock;
    }

    /**
     * A member in good standing posts. The day's posting quota is counted before the insert and given back if the
     * insert fails (pattern 4: compensation).
     */
    Post create(String clusterId, PostInput input, Caller caller) {
        MemberStanding member = access.member(clusterId, caller);
        String enterpriseId = member.enterpriseId();
        Instant now = clock.instant();
        Post post = Post.open(new ObjectId().toHexString(), clusterId, enterpriseId, member.enterpriseName(),
                input.kind(), input.content(), caller.subject(), now, properties.maxValidity());
        LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
        if (!quota.take(clusterId, enterpriseId, day, properties.postsPerDay())) {
            throw new PostingQuotaExceededException(properties.postsPerDay());
        }
        Post saved;
        try {
            saved = mongo.insert(post);
        } catch (RuntimeException e) {
            quota.giveBack(clusterId, enterpriseId, day);
            throw e;
        }
        log.info("Post {} ({} {}) by enterprise {} on the board of cluster {}", saved.id(), saved.kind(),
                saved.content().category(), enterpriseId, clusterId);
        return saved;
    }

    /**
     * A post for a reader of its cluster's board. One that was taken down is shown to its enterprise and the
     * secretariat only; to other members it no longer exists.
     */
    Post get(String postId, Caller caller) {
        Post post = find(postId);
        access.requireReader(post.clusterId(), caller);
        PostStatus status = post.status(clock.instant());
        boolean takenDown = status == PostStatus.WITHDRAWN || status == PostStatus.REMOVED;
        if (takenDown && !caller.actsFor(post.enterpriseId()) && !caller.isSecretariatOf(post.clusterId())) {
            throw new PostNotFoundException(postId);
        }
        return post;
    }

    /** Its enterprise, while a member in good standing, edits or renews its post (JSON merge patch). */
    Post revise(String postId, JsonNode patch, Caller caller) {
        Post post = find(postId);
        requireOwner(post, caller, "edits");
        access.member(post.clusterId(), caller);
        ObjectNode checked = mergePatch.check(patch, EDITABLE, IMMUTABLE, "a post");
        return change(postId, p -> {
            Post.Content content = mergePatch.merge(PostInput.of(p), checked, PostInput.class).content();
            return p.revise(content, clock.instant(), properties.maxValidity());
        }, "revised");
    }

    /** Its enterprise takes its post down, whatever its standing now. */
    Post withdraw(String postId, Caller caller) {
        requireOwner(find(postId), caller, "withdraws");
        return change(postId, p -> {
            p.withdraw(caller.subject(), clock.instant());
            return true;
        }, "withdrawn");
    }

    /** The cluster's secretariat takes an abusive post down, with a reason. */
    Post remove(String postId, String reason, Caller caller) {
        Post post = find(postId);
        if (!caller.isSecretariatOf(post.clusterId())) {
            throw new ForbiddenException("Only the secretariat of cluster '" + post.clusterId()
                    + "' removes posts from its board.");
        }
        return change(postId, p -> {
            p.remove(reason, caller.subject(), clock.instant());
            return true;
        }, "removed");
    }

    private Post find(String postId) {
        Post post = mongo.findById(postId, Post.class);
        if (post == null) {
            throw new PostNotFoundException(postId);
        }
        return post;
    }

    private static void requireOwner(Post post, Caller caller, String action) {
        if (!caller.actsFor(post.enterpriseId())) {
            throw new ForbiddenException("Only the enterprise that posted it " + action + " this post.");
        }
    }

    /** Applies the change to the current post and saves it, again on a fresh copy when another write came first. */
    private Post change(String postId, Predicate<Post> change, String what) {
        for (int attempt = 1; ; attempt++) {
            Post post = find(postId);
            if (!change.test(post)) {
                return post;
            }
            try {
                Post saved = mongo.save(post);
                log.info("Post {} in cluster {} {}", postId, saved.clusterId(), what);
                return saved;
            } catch (OptimisticLockingFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw new ConflictException("concurrent-change", "Changed concurrently",
                            "The post was changed at the same moment; reload it and try again.");
                }
            }
        }
    }
}
