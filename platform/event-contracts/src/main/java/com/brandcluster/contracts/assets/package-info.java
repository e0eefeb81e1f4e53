/**
 * Events published by branding-assets-service on {@code assets.events}: brand assets of a cluster and their versions
 * ({@code assets.asset.*}). An asset's id is {@code assetId}; {@code version} is the asset's own version (one per change
 * of the asset), while {@code versionNumber} names a version of its file (1, 2, 3...).
 */
package com.brandcluster.contracts.assets;
