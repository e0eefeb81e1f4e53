package com.brandcluster.contracts.assets;

import com.brandcluster.contracts.ClusterEvent;

import java.time.Instant;
import java.util.UUID;

/**
 * A published version of a brand asset was retired: it no longer reaches anybody but the secretariat.
 * {@code currentVersionNumber} is the asset's current version afterwards (its latest version still published), null
 * when none is left.
 */
public record AssetVersionRetired(UUID eventId, Instant occurredAt, String clusterId, long version, String assetId,
                                  String kind, String title, int versionNumber, Integer currentVersionNumber)
        implements ClusterEvent {

    public static final String ROUTING_KEY = "assets.asset.version-retired.v1";

    @Override
    public String aggregateId() {
        return assetId;
    }
}
