package com.brandcluster.assets.asset;

import com.brandcluster.assets.storage.StoredFile;
import com.brandcluster.platform.outbox.OutboxCarrier;
import com.brandcluster.platform.outbox.OutboxEntry;
import com.brandcluster.platform.web.ConflictException;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A brand asset of a cluster: its details and every version of its file. Versions are uploaded as DRAFTs, published
 * (never one older than the current version) and retired one by one; the asset's current version is its
 * highest-numbered published one, and only assets that have one reach anybody but the secretariat.
 *
 * <p>Pattern 1: the details, the versions, the history and the pending outbox events change in one document write,
 * guarded by {@code revision}; two secretariat users adding versions at once cannot take the same number, the one
 * that loses the race tries again on the fresh document. {@link #version()} counts the asset's changes; its events
 * carry it.
 */
@Document(Asset.COLLECTION)
@CompoundIndex(name = "cluster_updated", def = "{'clusterId': 1, 'updatedAt': -1}")
@CompoundIndex(name = "cluster_kind", def = "{'clusterId': 1, 'details.kind': 1}")
@CompoundIndex(name = "cluster_tags", def = "{'clusterId': 1, 'tagKeys': 1}")
@CompoundIndex(name = "cluster_keywords", def = "{'clusterId': 1, 'keywords': 1}")
@CompoundIndex(name = "version_files", def = "{'versions.file.fileId': 1}")
class Asset implements OutboxCarrier {

    public static final String COLLECTION = "assets";

    public record Change(String what, Integer versionNumber, Instant at, String by) {
    }

    @Id
    private String id;
    private String clusterId;
    private AssetDetails details;
    private List<String> keywords = new ArrayList<>();
    private List<String> tagKeys = new ArrayList<>();
    private List<AssetVersion> versions = new ArrayList<>();
    /** The highest-numbered published version, null while none is published. */
    private Integer currentVersion;
    private Instant createdAt;
    private Instant updatedAt;
    private List<Change> history = new ArrayList<>();
    private List<OutboxEntry> outbox = new ArrayList<>();
    @Version
    private Long revision;

    protected Asset() {
    }

    static Asset create(String id, String clusterId, AssetDetails details, StoredFile file, String notes, String by,
                        Instant now) {
        Asset asset = new Asset();
        asset.id = id;
        asset.clusterId = clusterId;
        asset.describe(details);
        asset.versions.add(AssetVersion.draft(1, file, notes, by, now));
        asset.createdAt = now;
        asset.record("CREATED", 1, now, by);
        return asset;
    }

    AssetVersion addVersion(StoredFile file, String notes, String by, Instant now) {
        AssetVersion version = AssetVersion.draft(versions.size() + 1, file, notes, by, now);
        versions.add(version);
        record("VERSION_ADDED", version.number(), now, by);
        return version;
    }

    /**
     * Publishes a draft version, which becomes the current version. A draft older than the current version is not
     * published: members would be handed a version the secretariat has already replaced.
     *
     * @return the current version before, if there was one
     */
    Optional<AssetVersion> publish(int number, String by, Instant now) {
        Optional<AssetVersion> before = current();
        AssetVersion version = versionNumbered(number).orElseThrow(() -> new VersionNotFoundException(id, number));
        if (version.status() == AssetVersion.Status.DRAFT && currentVersion != null && number < currentVersion) {
            throw new ConflictException("version-superseded", "Version superseded",
                    "Version " + number + " is older than the current version " + currentVersion
                            + "; upload it again as a new version to publish it.")
                    .withCurrentState(version.status().name());
        }
        version.publish(now);
        currentVersion = highestPublished().map(AssetVersion::number).orElse(null);
        record("PUBLISHED", number, now, by);
        return before;
    }

    void retire(int number, String by, Instant now) {
        versionNumbered(number).orElseThrow(() -> new VersionNotFoundException(id, number)).retire(now);
        currentVersion = highestPublished().map(AssetVersion::number).orElse(null);
        record("RETIRED", number, now, by);
    }

    /** Replaces the details; false (and nothing recorded) if they are the same. */
    boolean edit(AssetDetails next, String by, Instant now) {
        if (next.equals(details)) {
            return false;
        }
        describe(next);
        record("EDITED", null, now, by);
        return true;
    }

    void announce(OutboxEntry entry) {
        outbox.add(entry);
    }

    private void describe(AssetDetails next) {
        details = next;
        keywords = new ArrayList<>(SearchKeys.of(Stream.concat(Stream.of(next.title(), next.description()),
                next.tags().stream()).toArray(String[]::new)));
        tagKeys = new ArrayList<>(next.tags().stream().map(SearchKeys::tag).distinct().toList());
    }

    private void record(String what, Integer versionNumber, Instant at, String by) {
        history.add(new Change(what, versionNumber, at, by));
        updatedAt = at;
    }

    private Optional<AssetVersion> highestPublished() {
        return versions.stream().filter(AssetVersion::isPublished).max(Comparator.comparingInt(AssetVersion::number));
    }

    public Optional<AssetVersion> versionNumbered(int number) {
        return number >= 1 && number <= versions.size() ? Optional.of(versions.get(number - 1)) : Optional.empty();
    }

    /** The current version: the highest-numbered published one. */
    public Optional<AssetVersion> current() {
        return currentVersion == null ? Optional.empty() : versionNumbered(currentVersion);
    }

    /** The latest version whatever its status. */
    public AssetVersion latest() {
        return versions.getLast();
    }

    public boolean isPublished() {
        return currentVersion != null;
    }

    @Override
    public List<OutboxEntry> outbox() {
        return outbox;
    }

    /** One per change of the asset: created, a version added, published or retired, details edited. */
    public long version() {
        return history.size();
    }

    public String id() {
        return id;
    }

    public String clusterId() {
        return clusterId;
    }

    public AssetDetails details() {
        return details;
    }

    public List<AssetVersion> versions() {
        return List.copyOf(versions);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public List<Change> history() {
        return List.copyOf(history);
    }
}
