package com.brandcluster.contracts.assets;

import com.brandcluster.contracts.ClusterEvent;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A version of a brand asset was published: it is now the asset's current version and reaches everyone the access
 * level entitles. {@code previousVersionNumber} is the current version it replaces (null for the first published
 * one). {@code enterprisesWithOlderVersion} lists the enterprises that downloaded an older version of the asset, so
 * they can be told to replace it; it stays empty until downloads are recorded.
 */
public record AssetVersionPublished(UUID eventId, Instant occurredAt, String clusterId, long version, String assetId,
                                    String kind, String title, String accessLevel, Integer minimumTierRank,
                                    int versionNumber, Integer previousVersionNumber, String filename,
                                    String contentType, long size, String sha256,
                                    List<String> enterprisesWithOlderVersion) implements ClusterEvent {

    public static final String ROUTING_KEY = "assets.asset.version-published.v1";

    @Override
    public String aggregateId() {
        return assetId;
    }
}
