package com.brandcluster.assets.asset;

import com.brandcluster.platform.web.NotFoundException;

/** 404: no such asset, or (for anybody but its secretariat) one that has no published version. */
class AssetNotFoundException extends NotFoundException {

    AssetNotFoundException(String assetId) {
        super("Asset", assetId);
    }
}
