package com.brandcluster.assets.asset;

import com.brandcluster.platform.web.DomainException;
import org.springframework.http.HttpStatus;

/** 410: a share link that existed but serves nothing any more, and why. */
class ShareLinkGoneException extends DomainException {

    private ShareLinkGoneException(String type, String title, String detail) {
        super(HttpStatus.GONE, type, title, detail);
    }

    static ShareLinkGoneException because(ShareLink.State state) {
        return switch (state) {
            case EXPIRED -> new ShareLinkGoneException("share-link-expired", "Share link expired",
                    "This link has expired; ask the cluster secretariat for a new one.");
            case REVOKED -> new ShareLinkGoneException("share-link-revoked", "Share link revoked",
                    "The cluster secretariat has revoked this link.");
            case EXHAUSTED -> new ShareLinkGoneException("share-link-exhausted", "Share link used up",
                    "This link has served all the downloads it allows; ask the cluster secretariat for a new one.");
            case ACTIVE -> throw new IllegalArgumentException("An active link is not gone");
        };
    }

    /** The asset, or the version the link names, has no published file any more (retired). */
    static ShareLinkGoneException unpublished() {
        return new ShareLinkGoneException("share-link-asset-withdrawn", "Asset withdrawn",
                "The asset this link shares is no longer published.");
    }
}
