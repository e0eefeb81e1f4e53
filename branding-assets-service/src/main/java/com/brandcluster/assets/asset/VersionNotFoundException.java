package com.brandcluster.assets.asset;

import com.brandcluster.platform.web.NotFoundException;

/** 404: the asset has no such version, or none the caller may see. */
class VersionNotFoundException extends NotFoundException {

    VersionNotFoundException(String assetId, int number) {
        super("version-not-found", "Version not found", "Asset " + assetId + " has no version " + number
                + " you can use.");
        withProperty("assetId", assetId);
        withProperty("versionNumber", number);
    }
}
