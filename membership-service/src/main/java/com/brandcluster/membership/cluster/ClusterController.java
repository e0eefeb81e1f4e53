package com.brandcluster.membership.cluster;

import com.brandcluster.membership.cluster.ClusterRequests.Appointment;
import com.brandcluster.membership.cluster.ClusterRequests.ClusterView;
import com.brandcluster.membership.cluster.ClusterRequests.Create;
import com.brandcluster.membership.cluster.ClusterRequests.SecretariatView;
import com.brandcluster.membership.cluster.ClusterRequests.TiersUpdate;
import com.brandcluster.platform.security.Caller;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.List;

@RestController
@RequestMapping("/api/membership/clusters")
class ClusterController {

    private final Clusters clusters;
    private final ClusterTiers tiers;
    private final Secretariats secretariats;

    ClusterController(Clusters clusters, ClusterTiers tiers, Secretariats secretariats) {
        this.clusters = clusters;
        this.tiers = tiers;
        this.secretariats = secretariats;
    }

    @PostMapping
    ResponseEntity<ClusterView> found(@Valid @RequestBody Create request, Caller caller) {
        Cluster cluster = clusters.found(request, caller);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest()
                        .path("/{id}").buildAndExpand(cluster.id()).toUri())
                .body(ClusterView.of(cluster));
    }

    @GetMapping
    List<ClusterView> list() {
        return clusters.all().stream().map(ClusterView::of).toList();
    }

    @GetMapping("/{clusterId}")
    ClusterView get(@PathVariable String clusterId) {
        return ClusterView.of(clusters.get(clusterId));
    }

    /** The cluster's secretariat replaces its tiers. */
    @PutMapping("/{clusterId}/tiers")
    ClusterView replaceTiers(@PathVariable String clusterId, @Valid @RequestBody TiersUpdate request, Caller caller) {
        return ClusterView.of(tiers.replace(clusterId, request, caller));
    }

    @GetMapping("/{clusterId}/secretariat")
    SecretariatView secretariat(@PathVariable String clusterId, Caller caller) {
        return SecretariatView.of(secretariats.get(clusterId, caller));
    }

    /** The alliance office appoints the cluster's secretariat (the whole list). */
    @PutMapping("/{clusterId}/secretariat")
    SecretariatView appoint(@PathVariable String clusterId, @Valid @RequestBody Appointment request, Caller caller) {
        return SecretariatView.of(secretariats.appoint(clusterId, request, caller));
    }
}
