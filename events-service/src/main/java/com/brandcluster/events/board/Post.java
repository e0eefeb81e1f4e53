package com.brandcluster.events.board;

import com.brandcluster.platform.web.ConflictException;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A NEED or an OFFER an enterprise put on its cluster's cooperation board. One post, one document (pattern 1): every
 * change is one write guarded by {@code version}, so an edit, a withdrawal and a removal racing each other never both
 * apply to the same state.
 * <p>
 * Besides the content it keeps what search and matching query: the keys of its title and description
 * ({@link Keywords}), its tags and region in their compared form, and the region's country.
 */
@Document(Post.COLLECTION)
@CompoundIndex(name = "cluster_status_created", def = "{'clusterId': 1, 'status': 1, 'createdAt': -1}")
@CompoundIndex(name = "cluster_keywords", def = "{'clusterId': 1, 'keywords': 1}")
@CompoundIndex(name = "cluster_tags", def = "{'clusterId': 1, 'tagKeys': 1}")
@CompoundIndex(name = "cluster_enterprise", def = "{'clusterId': 1, 'enterpriseId': 1, 'createdAt': -1}")
class Post {

    static final String COLLECTION = "board_posts";

    /**
     * What the enterprise writes and may edit, normalised: text stripped, the region in upper case, tags with single
     * spaces and each once (compared without regard to case), {@code validUntil} to the millisecond as MongoDB keeps
     * it.
     */
    record Content(PostCategory category, String title, String description, String region, Instant validUntil,
                   List<String> tags) {

        Content {
            title = title.strip();
            description = description.strip();
            region = RegionCode.Validator.canonical(region);
            validUntil = validUntil.truncatedTo(ChronoUnit.MILLIS);
            Map<String, String> byKey = new LinkedHashMap<>();
            for (String tag : Objects.requireNonNullElse(tags, List.<String>of())) {
                String display = tag.strip().replaceAll("\\s+", " ");
                byKey.putIfAbsent(Keywords.normalise(display), display);
            }
            tags = List.copyOf(byKey.values());
        }
    }

    @Id
    private final String id;
    private final String clusterId;
    private final String enterpriseId;
    private final String enterpriseName;
    private final PostKind kind;
    private Content content;
    private PostStatus status;
    private List<String> keywords;
    private List<String> tagKeys;
    private String regionCountry;
    private final Instant createdAt;
    private final String createdBy;
    private Instant updatedAt;
    private Instant closedAt;
    private String closedBy;
    private String removalReason;
    @Version
    private Long version;

    @PersistenceCreator
    Post(String id, String clusterId, String enterpriseId, String enterpriseName, PostKind kind, Content content,
         PostStatus status, Instant createdAt, String createdBy, Instant updatedAt, Instant closedAt, String closedBy,
         String removalReason, Long version) {
        this.id = id;
        this.clusterId = clusterId;
        this.enterpriseId = enterpriseId;
        this.enterpriseName = enterpriseName;
        this.kind = kind;
        this.content = content;
        this.status = status;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
        this.updatedAt = updatedAt;
        this.closedAt = closedAt;
        this.closedBy = closedBy;
        this.removalReason = removalReason;
        this.version = version;
        index();
    }

    /**
     * A new open post. Its {@code validUntil} must lie in the future and at most {@code maxValidity} ahead
     * ({@link InvalidPostException}).
     */
    static Post open(String id, String clusterId, String enterpriseId, String enterpriseName, PostKind kind,
                     Content content, String by, Instant now, Duration maxValidity) {
        checkValidity(content.validUntil(), now, maxValidity);
        return new Post(id, clusterId, enterpriseId, enterpriseName, kind, content, PostStatus.OPEN, now, by, now,
                null, null, null, null);
    }

    /**
     * Replaces the content of a post that is not taken down; an expired one is renewed by a new {@code validUntil},
     * and may not be edited otherwise while it stays expired. False when nothing changed.
     */
    boolean revise(Content changed, Instant now, Duration maxValidity) {
        requireStatus(PostStatus.OPEN, "edited");
        if (changed.equals(content)) {
            return false;
        }
        checkValidity(changed.validUntil(), now, maxValidity);
        content = changed;
        updatedAt = now;
        index();
        return true;
    }

    /** The enterprise takes its post down; an expired post may be withdrawn too. */
    void withdraw(String by, Instant now) {
        requireStatus(PostStatus.OPEN, "withdrawn");
        close(PostStatus.WITHDRAWN, by, now);
    }

    /**
     * The secretariat takes an abusive post down, with the reason its enterprise will read. A post its enterprise
     * withdrew may still be removed, so that withdrawing cannot erase the record of abuse.
     */
    void remove(String reason, String by, Instant now) {
        if (status == PostStatus.REMOVED) {
            throw notInStatus("removed");
        }
        close(PostStatus.REMOVED, by, now);
        removalReason = reason.strip();
    }

    /** The status as of {@code now}: an OPEN post past its {@code validUntil} is EXPIRED. */
    PostStatus status(Instant now) {
        return status == PostStatus.OPEN && !content.validUntil().isAfter(now) ? PostStatus.EXPIRED : status;
    }

    boolean isOpenAt(Instant now) {
        return status(now) == PostStatus.OPEN;
    }

    private void close(PostStatus closed, String by, Instant now) {
        status = closed;
        closedAt = now;
        closedBy = by;
        updatedAt = now;
    }

    private void requireStatus(PostStatus required, String action) {
        if (status != required) {
            throw notInStatus(action);
        }
    }

    private ConflictException notInStatus(String action) {
        return new ConflictException("post-closed", "Post taken down",
                "The post is " + status + " and cannot be " + action + ".").withCurrentState(status.name());
    }

    private static void checkValidity(Instant validUntil, Instant now, Duration maxValidity) {
        if (!validUntil.isAfter(now)) {
            throw new InvalidPostException("validUntil must lie in the future.");
        }
        if (validUntil.isAfter(now.plus(maxValidity))) {
            throw new InvalidPostException("A post is valid for at most " + maxValidity.toDays()
                    + " days; validUntil must not lie after " + now.plus(maxValidity).truncatedTo(ChronoUnit.SECONDS)
                    + ".");
        }
    }

    private void index() {
        keywords = Keywords.of(content.title(), content.description());
        tagKeys = content.tags().stream().map(Keywords::normalise).toList();
        regionCountry = RegionCode.Validator.country(content.region());
    }

    String id() {
        return id;
    }

    String clusterId() {
        return clusterId;
    }

    String enterpriseId() {
        return enterpriseId;
    }

    String enterpriseName() {
        return enterpriseName;
    }

    PostKind kind() {
        return kind;
    }

    Content content() {
        return content;
    }

    List<String> keywords() {
        return keywords;
    }

    List<String> tagKeys() {
        return tagKeys;
    }

    String regionCountry() {
        return regionCountry;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    Instant closedAt() {
        return closedAt;
    }

    String removalReason() {
        return removalReason;
    }

    Long version() {
        return version;
    }
}
