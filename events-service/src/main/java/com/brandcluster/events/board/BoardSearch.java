package com.brandcluster.events.board;

import com.brandcluster.platform.security.Caller;
import com.brandcluster.platform.web.ConflictException;
import com.brandcluster.platform.web.ForbiddenException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finding posts on a cluster's board, and the posts that fit one. Both are MongoDB queries on the indexed fields of
 * {@link Post}: no {@code $text} (the keys of {@link Keywords} stand in for it), and open means
 * {@code status OPEN and validUntil > now}, so a post is gone from both the instant it expires. Only the posts of
 * members in good standing are on the board ({@link BoardAccess#enterprisesInGoodStanding}).
 */
@Service
class BoardSearch {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("_id"));
    /** How many of a post's keys (title first) the candidate query asks for; scoring compares all of them. */
    private static final int KEYS_QUERIED = 200;

    /** What a search asks for; each criterion optional, {@code status} OPEN when not given. */
    record Filter(PostKind kind, PostCategory category, String region, String tag, String text,
                  String enterpriseId, PostStatus status) {
    }

    private final MongoOperations mongo;
    private final BoardAccess access;
    private final Posts posts;
    private final BoardProperties properties;
    private final Clock clock;

    BoardSearch(MongoOperations mongo, BoardAccess access, Posts posts, BoardProperties properties, Clock clock) {
        this.mongo = mongo;
        this.access = access;
        this.posts = posts;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * The cluster's posts with all the given criteria, newest first. Open posts are for every reader of the board;
     * expired, withdrawn and removed ones for the secretariat, and for an enterprise asking for its own.
     * <ul>
     *   <li>{@code region}: a country finds the posts anywhere in it, a subdivision the posts in exactly it;</li>
     *   <li>{@code tag}: compared without regard to case or width;</li>
     *   <li>{@code text}: every key of it ({@link Keywords}) must be in the title or description, so Chinese text
     *       matches on its character pairs; a single Chinese character finds the posts that contain it. A text of
     *       nothing but words every post has (stop words) asks for nothing.</li>
     * </ul>
     */
    Page<Post> search(String clusterId, Filter filter, PageRequest page, Caller caller) {
        access.requireReader(clusterId, caller);
        PostStatus status = filter.status() == null ? PostStatus.OPEN : filter.status();
        boolean ownPosts = filter.enterpriseId() != null && caller.actsFor(filter.enterpriseId());
        if (status != PostStatus.OPEN && !ownPosts && !caller.isSecretariatOf(clusterId)) {
            throw new ForbiddenException("Posts that are not open are listed to the secretariat, and to an enterprise"
                    + " for its own posts (enterpriseId).");
        }
        List<Criteria> where = new ArrayList<>();
        where.add(Criteria.where("clusterId").is(clusterId));
        where.addAll(byStatus(clusterId, status, filter.enterpriseId(), clock.instant()));
        where.addAll(byContent(filter));
        Query query = new Query(new Criteria().andOperator(where));
        long total = mongo.count(query, Post.class);
        List<Post> content = mongo.find(query.with(page.withSort(NEWEST_FIRST)), Post.class);
        return new PageImpl<>(content, page, total);
    }

    /** Open: not expired, of members in good standing; EXPIRED: open but past validity; else the stored status. */
    private List<Criteria> byStatus(String clusterId, PostStatus status, String enterpriseId, Instant now) {
        return switch (status) {
            case OPEN -> {
                Set<String> enterprises = new HashSet<>(access.enterprisesInGoodStanding(clusterId));
                if (enterpriseId != null) {
                    enterprises.retainAll(Set.of(enterpriseId));
                }
                yield List.of(Criteria.where("status").is(PostStatus.OPEN).and("content.validUntil").gt(now),
                        Criteria.where("enterpriseId").in(enterprises));
            }
            case EXPIRED -> withEnterprise(enterpriseId,
                    Criteria.where("status").is(PostStatus.OPEN).and("content.validUntil").lte(now));
            default -> withEnterprise(enterpriseId, Criteria.where("status").is(status));
        };
    }

    private static List<Criteria> withEnterprise(String enterpriseId, Criteria criteria) {
        return enterpriseId == null ? List.of(criteria)
                : List.of(criteria, Criteria.where("enterpriseId").is(enterpriseId));
    }

    private static List<Criteria> byContent(Filter filter) {
        List<Criteria> where = new ArrayList<>();
        if (filter.kind() != null) {
            where.add(Criteria.where("kind").is(filter.kind()));
        }
        if (filter.category() != null) {
            where.add(Criteria.where("content.category").is(filter.category()));
        }
        if (filter.region() != null) {
            String region = RegionCode.Validator.canonical(filter.region());
            where.add(region.equals(RegionCode.Validator.country(region))
                    ? Criteria.where("regionCountry").is(region)
                    : Criteria.where("content.region").is(region));
        }
        if (filter.tag() != null && !filter.tag().isBlank()) {
            where.add(Criteria.where("tagKeys").is(Keywords.normalise(filter.tag())));
        }
        if (filter.text() != null) {
            for (String key : Keywords.of(filter.text())) {
                where.add(Keywords.isSingleCharacter(key)
                        // a lone character is inside a pair, at its start or its end
                        ? Criteria.where("keywords").regex("^" + Pattern.quote(key) + "|" + Pattern.quote(key) + "$")
                        : Criteria.where("keywords").is(key));
            }
        }
        return where;
    }

    /**
     * The open posts of the other side of the board that fit the post, best first ({@link PostMatching}), for the
     * readers of the post. The candidates are queried in MongoDB: open, of members in good standing other than the
     * post's enterprise, sharing the category (or its related one), a tag or a key; the newest
     * {@code matchCandidates} of them are ranked.
     */
    List<PostMatching.Match> matches(String postId, int limit, Caller caller) {
        Post post = posts.get(postId, caller);
        Instant now = clock.instant();
        PostStatus status = post.status(now);
        if (status != PostStatus.OPEN) {
            throw new ConflictException("post-not-open", "Post not open",
                    "Matches are suggested for open posts; this one is " + status + ".")
                    .withCurrentState(status.name());
        }
        Set<String> enterprises = new HashSet<>(access.enterprisesInGoodStanding(post.clusterId()));
        enterprises.remove(post.enterpriseId());
        Set<PostCategory> categories = new HashSet<>(post.content().category().related());
        categories.add(post.content().category());
        List<String> keys = post.keywords().subList(0, Math.min(post.keywords().size(), KEYS_QUERIED));
        Query candidates = Query.query(Criteria.where("clusterId").is(post.clusterId())
                        .and("kind").is(post.kind().opposite())
                        .and("status").is(PostStatus.OPEN)
                        .and("content.validUntil").gt(now)
                        .and("enterpriseId").in(enterprises)
                        .orOperator(Criteria.where("content.category").in(categories),
                                Criteria.where("tagKeys").in(post.tagKeys()),
                                Criteria.where("keywords").in(keys)))
                .with(NEWEST_FIRST).limit(properties.matchCandidates());
        return PostMatching.rank(post, mongo.find(candidates, Post.class), limit);
    }
}
