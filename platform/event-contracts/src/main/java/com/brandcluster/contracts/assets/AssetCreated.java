package com.brandcluster.contracts.assets;

import com.brandcluster.contracts.ClusterEvent;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The cluster's secretariat uploaded a new brand asset; its first version is a DRAFT, so nobody but the secretariat
 * can use it yet. {@code kind} is LOGO, GUIDELINE, TEMPLATE, FONT, PALETTE or PHOTO; {@code accessLevel} PUBLIC,
 * MEMBERS, TIER or SECRETARIAT; {@code minimumTierRank} is the tier asset-access rank a TIER asset requires (null for
 * the other levels).
 */
public record AssetCreated(UUID eventId, Instant occurredAt, String clusterId, long version, String assetId,
                           String kind, String title, List<String> tags, String accessLevel,
                           Integer minimumTierRank) implements ClusterEvent {

    public static final String ROUTING_KEY = "assets.asset.created.v1";

    @Override
    public String aggregateId() {
        return assetId;
    }
}
