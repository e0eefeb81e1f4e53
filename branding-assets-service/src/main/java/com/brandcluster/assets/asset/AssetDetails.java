package com.brandcluster.assets.asset;

import com.brandcluster.assets.access.AccessLevel;

import java.util.List;

/**
 * What the secretariat says about an asset, checked as a whole by {@link AssetRequests.AssetMetadata}.
 *
 * @param minimumTierRank the tier asset access rank a TIER asset requires; null for the other access levels
 */
record AssetDetails(AssetKind kind, String title, String description, List<String> tags,
                           AccessLevel accessLevel, Integer minimumTierRank, String usageNotes) {

    public AssetDetails {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
