package com.brandcluster.events.membership;

import com.brandcluster.platform.feign.RemoteNotFoundException;
import com.brandcluster.platform.feign.RemoteProblemException;
import com.brandcluster.platform.feign.RemoteServiceUnavailableException;
import com.brandcluster.platform.membership.MemberStandings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.util.Optional;

/**
 * An enterprise's membership of a cluster: the local standing projection when it knows the enterprise (no remote
 * call), otherwise membership-service with the caller's token, since a member admitted a moment ago may not have
 * reached the projection yet. A remote 404 means "not a member"; a membership-service that cannot answer, or refuses
 * to, is a 503 ({@link MembershipUncheckableException}), never a member. The remote answer is not written into the
 * projection: only the versioned events write it.
 */
@Service
public class MembershipLookup {

    private static final Logger log = LoggerFactory.getLogger(MembershipLookup.class);

    private final MemberStandings standings;
    private final MembershipClient membershipService;

    MembershipLookup(MemberStandings standings, MembershipClient membershipService) {
        this.standings = standings;
        this.membershipService = membershipService;
    }

    /**
     * @return the membership whatever its status; empty if the enterprise was never a member of the cluster
     * @throws MembershipUncheckableException (503) if neither this service nor membership-service could tell
     */
    public Optional<Standing> standingOf(String clusterId, String enterpriseId) {
        Optional<Standing> local = standings.of(clusterId, enterpriseId)
                .map(s -> new Standing(s.clusterId(), s.enterpriseId(), s.tier(), s.status()));
        if (local.isPresent()) {
            return local;
        }
        try {
            MembershipClient.Membership remote = membershipService.membership(clusterId, enterpriseId);
            return Optional.of(new Standing(clusterId, enterpriseId, remote.tier(), remote.status()));
        } catch (RemoteNotFoundException notAMember) {
            return Optional.empty();
        } catch (RemoteServiceUnavailableException | RemoteProblemException unanswered) {
            log.warn("Membership of {} in {} unknown here, and membership-service did not tell: {}", enterpriseId,
                    clusterId, unanswered.getMessage());
            throw new MembershipUncheckableException(clusterId, enterpriseId, unanswered);
        }
    }

    /** Whether the enterprise is a current member (possibly suspended) of the cluster. */
    public boolean isCurrentMember(String clusterId, String enterpriseId) {
        return standingOf(clusterId, enterpriseId).map(Standing::isCurrentMember).orElse(false);
    }
}
