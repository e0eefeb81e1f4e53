package com.brandcluster.assets.asset;

import com.brandcluster.platform.web.NotFoundException;

/** 404: no share link has this token. The detail does not repeat it: details are logged and shown. */
class ShareLinkNotFoundException extends NotFoundException {

    ShareLinkNotFoundException() {
        super("share-link-not-found", "Share link not found",
                "No share link has this address; check that it was copied whole.");
    }
}
