package com.brandcluster.assets.download;

import com.brandcluster.platform.web.ForbiddenException;
import com.brandcluster.platform.security.Caller;
import org.bson.Document;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What the secretariat learns from a cluster's download records: downloads per asset and per member, and which members'
 * latest download of an asset is of a version older than its current one. Built from one aggregation to a row per
 * (asset, enterprise) pair, so its size follows the cluster's assets and members, never its number of downloads.
 */
@Service
class DownloadReport {

    enum By { ASSET, MEMBER, OUTDATED }

    /** {@code title} and {@code currentVersion} are null while the asset has no published version (any more). */
    @NullMarked
    record AssetRow(String assetId, @Nullable String title, @Nullable Integer currentVersion, long downloads,
                    long enterprises, Instant lastDownloadAt) {
    }

    @NullMarked
    record MemberRow(String enterpriseId, long downloads, long assets, Instant lastDownloadAt) {
    }

    @NullMarked
    record OutdatedRow(String enterpriseId, String assetId, String title, int downloadedVersion, int currentVersion,
                       Instant downloadedAt) {
    }

    /** One (asset, enterprise) pair; enterprise null for downloads without one. */
    private record Pair(String assetId, String enterpriseId, long downloads, int latestVersion, Instant latestAt) {
    }

    private final MongoOperations mongo;
    private final CurrentVersions currentVersions;

    DownloadReport(MongoOperations mongo, CurrentVersions currentVersions) {
        this.mongo = mongo;
        this.currentVersions = currentVersions;
    }

    Page<?> report(String clusterId, By by, int page, int size, Caller caller) {
        if (!caller.isSecretariatOf(clusterId)) {
            throw new ForbiddenException("Only the secretariat of cluster '" + clusterId + "' sees its downloads.");
        }
        List<Pair> pairs = pairs(clusterId);
        Map<String, CurrentVersions.Current> current = currentVersions.of(clusterId);
        List<?> rows = switch (by) {
            case ASSET -> perAsset(pairs, current);
            case MEMBER -> perMember(pairs);
            case OUTDATED -> outdated(pairs, current);
        };
        PageRequest request = PageRequest.of(page, size);
        int from = (int) Math.min(request.getOffset(), rows.size());
        return new PageImpl<>(rows.subList(from, Math.min(from + size, rows.size())), request, rows.size());
    }

    private List<Pair> pairs(String clusterId) {
        Aggregation aggregation = Aggregation.newAggregation(
                Aggregation.match(Criteria.where("clusterId").is(clusterId)),
                Aggregation.sort(Sort.by(Sort.Direction.DESC, "at").and(Sort.by(Sort.Direction.DESC, "version"))),
                Aggregation.group("assetId", "enterpriseId").count().as("downloads")
                        .first("version").as("latestVersion").first("at").as("latestAt"));
        List<Pair> pairs = new ArrayList<>();
        for (Document group : mongo.aggregate(aggregation, DownloadRecord.COLLECTION, Document.class)
                .getMappedResults()) {
            Document id = group.get("_id", Document.class);
            pairs.add(new Pair(id.getString("assetId"), id.getString("enterpriseId"),
                    ((Number) group.get("downloads")).longValue(), ((Number) group.get("latestVersion")).intValue(),
                    group.getDate("latestAt").toInstant()));
        }
        return pairs;
    }

    /** Most downloaded first. */
    private static List<AssetRow> perAsset(List<Pair> pairs, Map<String, CurrentVersions.Current> current) {
        Map<String, List<Pair>> byAsset = group(pairs, Pair::assetId);
        List<AssetRow> rows = new ArrayList<>();
        byAsset.forEach((assetId, ofAsset) -> {
            CurrentVersions.Current now = current.get(assetId);
            rows.add(new AssetRow(assetId, now == null ? null : now.title(), now == null ? null : now.version(),
                    ofAsset.stream().mapToLong(Pair::downloads).sum(),
                    ofAsset.stream().filter(p -> p.enterpriseId() != null).count(), latest(ofAsset)));
        });
        rows.sort(Comparator.comparingLong(AssetRow::downloads).reversed().thenComparing(AssetRow::assetId));
        return rows;
    }

    /** Members (downloads with an enterprise) that downloaded most first. */
    private static List<MemberRow> perMember(List<Pair> pairs) {
        Map<String, List<Pair>> byMember = group(pairs.stream().filter(p -> p.enterpriseId() != null).toList(),
                Pair::enterpriseId);
        List<MemberRow> rows = new ArrayList<>();
        byMember.forEach((enterpriseId, ofMember) -> rows.add(new MemberRow(enterpriseId,
                ofMember.stream().mapToLong(Pair::downloads).sum(), ofMember.size(), latest(ofMember))));
        rows.sort(Comparator.comparingLong(MemberRow::downloads).reversed().thenComparing(MemberRow::enterpriseId));
        return rows;
    }

    /** Enterprises whose latest download of an asset is older than its current version, by enterprise then asset. */
    private static List<OutdatedRow> outdated(List<Pair> pairs, Map<String, CurrentVersions.Current> current) {
        List<OutdatedRow> rows = new ArrayList<>();
        for (Pair pair : pairs) {
            CurrentVersions.Current now = current.get(pair.assetId());
            if (pair.enterpriseId() != null && now != null && pair.latestVersion() < now.version()) {
                rows.add(new OutdatedRow(pair.enterpriseId(), pair.assetId(), now.title(), pair.latestVersion(),
                        now.version(), pair.latestAt()));
            }
        }
        rows.sort(Comparator.comparing(OutdatedRow::enterpriseId).thenComparing(OutdatedRow::assetId));
        return rows;
    }

    private static Map<String, List<Pair>> group(List<Pair> pairs, Function<Pair, String> key) {
        Map<String, List<Pair>> groups = new HashMap<>();
        for (Pair pair : pairs) {
            groups.computeIfAbsent(key.apply(pair), k -> new ArrayList<>()).add(pair);
        }
        return groups;
    }

    private static Instant latest(List<Pair> pairs) {
        return pairs.stream().map(Pair::latestAt).max(Comparator.naturalOrder()).orElseThrow();
    }
}
