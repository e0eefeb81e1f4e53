package com.brandcluster.salons.matching;

import com.brandcluster.platform.membership.MemberStanding;
import com.brandcluster.platform.membership.MemberStandings;
import com.brandcluster.platform.membership.MembershipLookup;
import com.brandcluster.platform.membership.Standing;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The clusters in which an enterprise is a member in good standing (ACTIVE or GRACE): the only clusters whose experts
 * it can book, so the only ones matching looks in.
 */
@Component
class MemberClusters {

    private final MemberStandings standings;
    private final MembershipLookup membership;

    MemberClusters(MemberStandings standings, MembershipLookup membership) {
        this.standings = standings;
        this.membership = membership;
    }

    /**
     * Refuses (422) clusters the enterprise is not a member of in good standing. Each is looked up locally first,
     * then at membership-service (its admission event may still be in flight); a lookup that cannot be answered is
     * a 503 and nothing is stated.
     */
    void requireGoodStanding(Collection<String> clusters, String enterpriseId) {
        List<String> refused = clusters.stream().filter(cluster -> !inGoodStanding(cluster, enterpriseId)).toList();
        if (!refused.isEmpty()) {
            throw new NotAMemberOfClustersException(refused);
        }
    }

    /**
     * The clusters to match in, in id order: those the local projection shows the enterprise in good standing of,
     * plus those named in the needs that membership-service confirms while the projection does not know them yet.
     * A named cluster whose membership was suspended or lapsed since is left out.
     */
    Set<String> of(Needs needs) {
        Set<String> clusters = new TreeSet<>(locallyInGoodStanding(needs.enterpriseId()));
        needs.clusters().stream()
                .filter(cluster -> !clusters.contains(cluster) && inGoodStanding(cluster, needs.enterpriseId()))
                .forEach(clusters::add);
        return clusters;
    }

    private boolean inGoodStanding(String clusterId, String enterpriseId) {
        Optional<Standing> standing = membership.standingOf(clusterId, enterpriseId);
        return standing.isPresent() && standing.get().isInGoodStanding();
    }

    private Set<String> locallyInGoodStanding(String enterpriseId) {
        return standings.ofEnterprise(enterpriseId).stream().filter(MemberStanding::isInGoodStanding)
                .map(MemberStanding::clusterId).collect(Collectors.toSet());
    }
}
