package com.brandcluster.assets.badge;

/**
 * The member a badge and its licence are for: a membership in good standing, with the legal name and member number
 * the badge shows.
 */
record BadgeHolder(String clusterId, String enterpriseId, String enterpriseName, String memberNumber) {
}
