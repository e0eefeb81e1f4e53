package com.brandcluster.assets.download;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * One download of an asset version: a single file, a rendition, or an asset inside a kit. Written once per download
 * and never changed.
 *
 * @param enterpriseId the caller's enterprise; null for a download without one (anonymous, a share link, a secretariat
 *                     or expert user)
 * @param subject      the user (the token's subject); null when anonymous
 */
@Document(DownloadRecord.COLLECTION)
@CompoundIndex(name = "cluster_asset", def = "{'clusterId': 1, 'assetId': 1}")
@CompoundIndex(name = "asset_enterprise_version", def = "{'assetId': 1, 'enterpriseId': 1, 'version': -1}")
record DownloadRecord(@Id String id, String clusterId, String assetId, int version, String enterpriseId,
                      String subject, Instant at, DownloadChannel channel) {

    static final String COLLECTION = "downloads";
}
