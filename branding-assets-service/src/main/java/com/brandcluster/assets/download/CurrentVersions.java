package com.brandcluster.assets.download;

import java.util.Map;

/** The current (highest published) version of each of a cluster's assets, by asset id, with the asset's title. */
public interface CurrentVersions {

    record Current(String title, int version) {
    }

    Map<String, Current> of(String clusterId);
}
