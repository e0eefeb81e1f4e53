package com.brandcluster.assets.asset;

import com.brandcluster.assets.access.Entitlement;
import com.brandcluster.assets.access.Entitlements;
import com.brandcluster.assets.storage.FileStore;
import com.brandcluster.assets.storage.StoredFile;
import com.brandcluster.assets.storage.StoredZip;
import com.brandcluster.platform.security.Caller;
import com.brandcluster.platform.web.NotFoundException;
import com.brandcluster.platform.web.UnprocessableException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * A cluster's brand kit: the current version of every asset the caller may have (or of a selection of them), as a
 * zip of uncompressed entries led by a {@code manifest.json}. Everything but the files' bytes is decided here, before
 * the response starts: the entries, their unique names, their CRC-32s and so the zip's exact length.
 */
@Service
class Kits {

    static final String MANIFEST = "manifest.json";

    private final MongoOperations mongo;
    private final Assets assets;
    private final Entitlements entitlements;
    private final FileStore files;
    private final JsonMapper json;

    Kits(MongoOperations mongo, Assets assets, Entitlements entitlements, FileStore files, JsonMapper json) {
        this.mongo = mongo;
        this.assets = assets;
        this.entitlements = entitlements;
        this.files = files;
        this.json = json;
    }

    /** One asset's file in the kit, under its unique name. */
    record Item(String assetId, String title, int version, StoredFile file, StoredZip.Entry entry) {
    }

    /**
     * @param etag   strong, over the manifest: the same kit for the same files
     * @param length of the whole zip in bytes
     */
    record Kit(String clusterId, byte[] manifest, StoredZip.Entry manifestEntry, List<Item> items, String etag,
               long length) {
    }

    record ManifestItem(String assetId, String title, int version, String filename, long size, String sha256) {
    }

    record Manifest(String clusterId, List<ManifestItem> assets) {
    }

    /**
     * The kit of the cluster's published assets the caller may have; with a selection, of those assets only, each of
     * which the caller must be entitled to (401, 403, or 404 for one not in the cluster or not published).
     */
    Kit prepare(String clusterId, List<String> selection, Caller caller) {
        List<Asset> chosen = selection == null || selection.isEmpty() ? entitled(clusterId, caller)
                : selected(clusterId, selection, caller);
        List<Item> items = new ArrayList<>();
        Set<String> names = new HashSet<>(Set.of(MANIFEST));
        Instant latest = Instant.EPOCH;
        for (Asset asset : chosen) {
            AssetVersion version = asset.current().orElseThrow();
            StoredFile file = withCrc32(asset, version.file());
            String name = unique(file.filename(), names);
            items.add(new Item(asset.id(), asset.details().title(), version.number(), file,
                    new StoredZip.Entry(name, file.size(), file.crc32(), file.storedAt())));
            latest = file.storedAt().isAfter(latest) ? file.storedAt() : latest;
        }
        byte[] manifest = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(new Manifest(clusterId,
                items.stream().map(item -> new ManifestItem(item.assetId(), item.title(), item.version(),
                        item.entry().name(), item.file().size(), item.file().sha256())).toList()));
        CRC32 crc = new CRC32();
        crc.update(manifest);
        StoredZip.Entry manifestEntry = new StoredZip.Entry(MANIFEST, manifest.length, crc.getValue(), latest);
        List<StoredZip.Entry> entries = new ArrayList<>(List.of(manifestEntry));
        items.forEach(item -> entries.add(item.entry()));
        if (!StoredZip.fits(entries)) {
            throw new UnprocessableException("kit-too-large", "Kit too large",
                    "The kit of " + items.size() + " files would be " + StoredZip.length(entries)
                            + " bytes; a kit holds at most " + StoredZip.MAX_LENGTH
                            + " bytes: select fewer assets with ?assets=.");
        }
        return new Kit(clusterId, manifest, manifestEntry, items, "\"" + sha256(manifest) + "\"",
                StoredZip.length(entries));
    }

    /** Every published asset of the cluster the caller may have, in a stable order. */
    private List<Asset> entitled(String clusterId, Caller caller) {
        Entitlement entitlement = entitlements.of(clusterId, caller);
        Criteria criteria = assets.visibleTo(clusterId, entitlement);
        if (entitlement.isSecretariat()) {
            // the secretariat finds its drafts too, but a kit holds published versions only
            criteria.and("currentVersion").ne(null);
        }
        return mongo.find(Query.query(criteria).with(Sort.by("details.kind", "details.title", "_id")), Asset.class);
    }

    private List<Asset> selected(String clusterId, List<String> selection, Caller caller) {
        List<Asset> chosen = new ArrayList<>();
        for (String assetId : new LinkedHashSet<>(selection)) {
            Asset asset = assets.readable(assetId, caller).asset();
            if (!asset.clusterId().equals(clusterId) || !asset.isPublished()) {
                throw new NotFoundException("Asset", assetId);
            }
            chosen.add(asset);
        }
        return chosen;
    }

    /**
     * The file with its CRC-32: files stored before the CRC-32 was recorded are read through once, and the result
     * kept with the version so that later kits need not read them again.
     */
    private StoredFile withCrc32(Asset asset, StoredFile file) {
        if (file.crc32() != null) {
            return file;
        }
        try {
            long crc = files.crc32(file.fileId());
            mongo.updateFirst(Query.query(Criteria.where("_id").is(asset.id()).and("versions.file.fileId")
                    .is(file.fileId())), new Update().set("versions.$.file.crc32", crc), Asset.class);
            return file.withCrc32(crc);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read file " + file.fileId() + " of asset " + asset.id(), e);
        }
    }

    /**
     * The name, or with " (2)", " (3)"... before its extension if taken; compared ignoring case, as Windows and macOS
     * compare file names.
     */
    static String unique(String filename, Set<String> taken) {
        int dot = filename.lastIndexOf('.');
        String base = dot > 0 ? filename.substring(0, dot) : filename;
        String extension = dot > 0 ? filename.substring(dot) : "";
        String name = filename;
        for (int n = 2; !taken.add(name.toLowerCase(Locale.ROOT)); n++) {
            name = base + " (" + n + ")" + extension;
        }
        return name;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
