package com.brandcluster.assets.asset;

import com.brandcluster.assets.access.AccessLevel;
import com.brandcluster.assets.access.Entitlement;
import com.brandcluster.assets.access.Entitlements;
import com.brandcluster.assets.asset.AssetRequests.AssetMetadata;
import com.brandcluster.assets.download.Downloads;
import com.brandcluster.assets.storage.FileStore;
import com.brandcluster.assets.storage.StoredFile;
import com.brandcluster.assets.storage.Uploads;
import com.brandcluster.contracts.assets.AssetCreated;
import com.brandcluster.contracts.assets.AssetVersionPublished;
import com.brandcluster.contracts.assets.AssetVersionRetired;
import com.brandcluster.platform.outbox.OutboxEvents;
import com.brandcluster.platform.security.Caller;
import com.brandcluster.platform.web.ConflictException;
import com.brandcluster.platform.web.ForbiddenException;
import com.brandcluster.platform.web.MergePatch;
import jakarta.validation.Validator;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The secretariat's work on its cluster's brand assets, and who may use them. An asset without a published version
 * does not exist for anybody but its secretariat; a published one reaches those its access level entitles
 * ({@link Entitlement}).
 *
 * <p>An upload is stored in GridFS before the asset document that refers to it is written (pattern 4): when that write
 * fails, the file is removed again, so a failed request leaves no orphan file behind.
 */
@Service
class Assets {

    private static final Logger log = LoggerFactory.getLogger(Assets.class);
    /** Each lost race means another change got in; a burst of parallel uploads needs as many attempts. */
    private static final int ATTEMPTS = 50;
    static final Set<String> EDITABLE = Set.of("kind", "title", "description", "tags", "accessLevel",
            "minimumTierRank", "usageNotes");
    static final Set<String> IMMUTABLE = Set.of("id", "clusterId", "status", "currentVersion", "versions",
            "createdAt", "updatedAt", "version");

    private final MongoOperations mongo;
    private final Uploads uploads;
    private final FileStore files;
    private final Entitlements entitlements;
    private final OutboxEvents outboxEvents;
    private final MergePatch mergePatch;
    private final Downloads downloads;
    private final Clock clock;

    Assets(MongoOperations mongo, Uploads uploads, FileStore files, Entitlements entitlements,
           OutboxEvents outboxEvents, JsonMapper json, Validator validator, Downloads downloads, Clock clock) {
        this.mongo = mongo;
        this.uploads = uploads;
        this.files = files;
        this.entitlements = entitlements;
        this.outboxEvents = outboxEvents;
        this.mergePatch = new MergePatch(json, validator);
        this.downloads = downloads;
        this.clock = clock;
    }

    /** A new asset whose version 1 is a draft of the uploaded file. */
    Asset create(String clusterId, AssetMetadata metadata, MultipartFile file, Caller caller) {
        if (!caller.isSecretariatOf(clusterId)) {
            throw new ForbiddenException("Only the secretariat of cluster '" + clusterId + "' uploads its assets.");
        }
        AssetDetails details = metadata.details();
        StoredFile stored = uploads.accept(file);
        try {
            Instant now = now();
            Asset asset = Asset.create(new ObjectId().toHexString(), clusterId, details, stored, null,
                    caller.subject(), now);
            asset.announce(outboxEvents.entryFor(new AssetCreated(UUID.randomUUID(), now, clusterId,
                    asset.version(), asset.id(), details.kind().name(), details.title(), details.tags(),
                    details.accessLevel().name(), details.minimumTierRank())));
            Asset saved = mongo.insert(asset);
            log.info("Asset {} ({}) created in cluster {}", saved.id(), details.kind(), clusterId);
            return saved;
        } catch (RuntimeException failed) {
            files.delete(stored.fileId());
            throw failed;
        }
    }

    /** The next version of the asset, a draft of the uploaded file. */
    Asset addVersion(String assetId, MultipartFile file, String notes, Caller caller) {
        managed(assetId, caller);
        StoredFile stored = uploads.accept(file);
        try {
            Asset saved = change(assetId, caller, asset -> {
                asset.addVersion(stored, notes, caller.subject(), now());
                return true;
            });
            log.info("Asset {} has a new draft version {}", assetId, saved.latest().number());
            return saved;
        } catch (RuntimeException failed) {
            files.delete(stored.fileId());
            throw failed;
        }
    }

    Asset publish(String assetId, int number, Caller caller) {
        Asset published = change(assetId, caller, asset -> {
            Instant now = now();
            Optional<AssetVersion> before = asset.publish(number, caller.subject(), now);
            AssetVersion version = asset.versionNumbered(number).orElseThrow();
            AssetDetails d = asset.details();
            StoredFile file = version.file();
            // so that those members can be told; read on each attempt, so a lost race does not lose a download
            List<String> olderVersionUsers = downloads.enterprisesWithOlderVersion(asset.id(), number);
            asset.announce(outboxEvents.entryFor(new AssetVersionPublished(UUID.randomUUID(), now,
                    asset.clusterId(), asset.version(), asset.id(), d.kind().name(), d.title(),
                    d.accessLevel().name(), d.minimumTierRank(), number,
                    before.map(AssetVersion::number).orElse(null), file.filename(), file.contentType(),
                    file.size(), file.sha256(), olderVersionUsers)));
            return true;
        });
        log.info("Asset {} version {} published", assetId, number);
        return published;
    }

    Asset retire(String assetId, int number, Caller caller) {
        Asset retired = change(assetId, caller, asset -> {
            Instant now = now();
            asset.retire(number, caller.subject(), now);
            asset.announce(outboxEvents.entryFor(new AssetVersionRetired(UUID.randomUUID(), now,
                    asset.clusterId(), asset.version(), asset.id(), asset.details().kind().name(),
                    asset.details().title(), number, asset.current().map(AssetVersion::number).orElse(null))));
            return true;
        });
        log.info("Asset {} version {} retired", assetId, number);
        return retired;
    }

    /** A JSON merge patch on the asset's metadata. */
    Asset edit(String assetId, JsonNode patch, Caller caller) {
        ObjectNode checked = mergePatch.check(patch, EDITABLE, IMMUTABLE, "an asset");
        return change(assetId, caller, asset -> {
            AssetDetails next = mergePatch.merge(AssetMetadata.of(asset.details()), checked, AssetMetadata.class)
                    .details();
            return asset.edit(next, caller.subject(), now());
        });
    }

    /** The asset with what the caller is entitled to, if the caller may see it at all (see {@link #readable}). */
    record Readable(Asset asset, Entitlement entitlement) {
    }

    /**
     * The asset if the caller may use it: 404 if it has no published version (unless the caller is its secretariat),
     * else as {@link Entitlement#require} decides.
     */
    Readable readable(String assetId, Caller caller) {
        Asset asset = find(assetId);
        Entitlement entitlement = entitlements.of(asset.clusterId(), caller);
        if (!entitlement.isSecretariat() && !asset.isPublished()) {
            throw new AssetNotFoundException(assetId);
        }
        entitlement.require(asset.details().accessLevel(), asset.details().minimumTierRank());
        return new Readable(asset, entitlement);
    }

    /**
     * The file of a version the caller may download: the one asked for (published ones only, but for the
     * secretariat), else the current version (the latest version for the secretariat while none is published).
     */
    Download content(String assetId, Integer number, Caller caller) {
        Readable readable = readable(assetId, caller);
        Asset asset = readable.asset();
        boolean secretariat = readable.entitlement().isSecretariat();
        AssetVersion version;
        if (number == null) {
            version = asset.current().or(() -> secretariat ? Optional.of(asset.latest()) : Optional.empty())
                    .orElseThrow(() -> new AssetNotFoundException(assetId));
        } else {
            version = asset.versionNumbered(number).filter(v -> secretariat || v.isPublished())
                    .orElseThrow(() -> new VersionNotFoundException(assetId, number));
        }
        return new Download(version.file(),
                version.isPublished() && asset.details().accessLevel() == AccessLevel.PUBLIC,
                new Downloads.Downloaded(asset.clusterId(), asset.id(), version.number()));
    }

    /**
     * @param forEveryone a published version of a public asset: the same for every caller
     * @param downloaded  what to record when the download happens
     */
    record Download(StoredFile file, boolean forEveryone, Downloads.Downloaded downloaded) {
    }

    /**
     * The cluster's assets the caller may find, most recently changed first: the secretariat every asset, members in
     * good standing the published ones their tier reaches, everybody else the published public ones.
     */
    Page<Asset> search(String clusterId, Filter filter, Caller caller, int page, int size) {
        Criteria criteria = visibleTo(clusterId, entitlements.of(clusterId, caller));
        if (filter.kind() != null) {
            criteria.and("details.kind").is(filter.kind());
        }
        if (filter.tag() != null) {
            criteria.and("tagKeys").is(SearchKeys.tag(filter.tag()));
        }
        if (filter.text() != null) {
            criteria.and("keywords").all(filter.text());
        }
        PageRequest request = PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "updatedAt").and(Sort.by("_id")));
        Query query = Query.query(criteria);
        long total = mongo.count(query, Asset.class);
        return new PageImpl<>(mongo.find(query.with(request), Asset.class), request, total);
    }

    /**
     * The cluster's assets the entitlement lets its caller find: every asset for the secretariat, else the published
     * ones of the levels it reaches (TIER ones up to its tier's rank).
     */
    Criteria visibleTo(String clusterId, Entitlement entitlement) {
        Criteria criteria = Criteria.where("clusterId").is(clusterId);
        if (!entitlement.isSecretariat()) {
            criteria.and("currentVersion").ne(null);
            List<Criteria> visible = new ArrayList<>();
            for (AccessLevel level : entitlement.visibleLevels()) {
                Criteria byLevel = Criteria.where("details.accessLevel").is(level);
                if (level == AccessLevel.TIER) {
                    if (entitlement.tierRank() == null) {
                        continue;
                    }
                    byLevel.and("details.minimumTierRank").lte(entitlement.tierRank());
                }
                visible.add(byLevel);
            }
            criteria.orOperator(visible);
        }
        return criteria;
    }

    /**
     * @param text the query's search keys ({@link SearchKeys#ofQuery}); null for no text filter
     */
    record Filter(AssetKind kind, String tag, List<String> text) {
    }

    /** MongoDB keeps milliseconds: what an answer says is then what a later read says. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private Asset find(String assetId) {
        Asset asset = mongo.findById(assetId, Asset.class);
        if (asset == null) {
            throw new AssetNotFoundException(assetId);
        }
        return asset;
    }

    /** The asset for its cluster's secretariat; for anybody else it does not exist unless published. */
    Asset managed(String assetId, Caller caller) {
        Asset asset = find(assetId);
        if (caller.isSecretariatOf(asset.clusterId())) {
            return asset;
        }
        if (!asset.isPublished()) {
            throw new AssetNotFoundException(assetId);
        }
        throw new ForbiddenException("Only the secretariat of cluster '" + asset.clusterId()
                + "' manages its assets.");
    }

    /**
     * Loads the asset for its secretariat, applies the change and, if it says something changed, saves it (pattern 1);
     * a save that lost a race is applied again to the fresh asset.
     */
    private Asset change(String assetId, Caller caller, Predicate<Asset> change) {
        for (int attempt = 1; ; attempt++) {
            Asset asset = managed(assetId, caller);
            if (!change.test(asset)) {
                return asset;
            }
            try {
                return mongo.save(asset);
            } catch (OptimisticLockingFailureException lostRace) {
                if (attempt == ATTEMPTS) {
                    throw new ConflictException("concurrent-change", "Changed concurrently",
                            "The asset kept changing while this change was applied; reload it and try again.");
                }
            }
        }
    }
}
