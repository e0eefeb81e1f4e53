package com.brandcluster.assets.asset;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * A link through which an outside party (a printer, a trade-fair organiser) downloads one published asset without an
 * account. Only the SHA-256 of the link's token is kept: whoever reads the database cannot rebuild a link from it.
 *
 * @param version       the version the link serves; null for whichever version is current when it is used
 * @param maxDownloads  how many downloads the link serves; null for no limit
 * @param downloads     how many it has served; raised only by a conditional update that keeps it within the limit
 */
@Document(ShareLink.COLLECTION)
record ShareLink(@Id String id, @Indexed(unique = true) String tokenHash, String clusterId, @Indexed String assetId,
                 Integer version, Instant expiresAt, Integer maxDownloads, long downloads, String note,
                 String createdBy, Instant createdAt, Instant revokedAt, String revokedBy) {

    static final String COLLECTION = "shareLinks";

    enum State { ACTIVE, EXPIRED, REVOKED, EXHAUSTED }

    State stateAt(Instant now) {
        if (revokedAt != null) {
            return State.REVOKED;
        }
        if (!expiresAt.isAfter(now)) {
            return State.EXPIRED;
        }
        if (maxDownloads != null && downloads >= maxDownloads) {
            return State.EXHAUSTED;
        }
        return State.ACTIVE;
    }
}
