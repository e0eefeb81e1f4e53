package com.brandcluster.membership.cluster;

import com.brandcluster.platform.web.NotFoundException;

public class ClusterNotFoundException extends NotFoundException {

    public ClusterNotFoundException(String clusterId) {
        super("cluster", clusterId);
    }
}
