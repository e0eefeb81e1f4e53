package com.brandcluster.membership.membership;

import com.brandcluster.platform.security.Caller;
import org.jspecify.annotations.NullMarked;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class MembershipSnapshotController {

    private final MembershipSnapshots snapshots;

    MembershipSnapshotController(MembershipSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    /** Re-publishes every membership of the cluster as a snapshot event; 202: they go out through the outbox. */
    @PostMapping("/api/membership/clusters/{clusterId}/snapshots")
    @ResponseStatus(HttpStatus.ACCEPTED)
    SnapshotsQueued publish(@PathVariable String clusterId, Caller caller) {
        return new SnapshotsQueued(clusterId, snapshots.publish(clusterId, caller));
    }

    @NullMarked
    record SnapshotsQueued(String clusterId, int snapshots) {
    }
}
