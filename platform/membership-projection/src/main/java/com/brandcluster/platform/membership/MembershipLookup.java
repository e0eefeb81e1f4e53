package com.brandcluster.platform.membership;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.brandcluster.platform.feign.RemoteNotFoundException;
import com.brandcluster.platform.feign.RemoteProblemException;
import com.brandcluster.platform.feign.RemoteServiceUnavailableException;

/**
 * An enterprise's membership of a cluster, for decisions such as booking a consultation or registering for an
 * event:
 * <ol>
 * <li>the local standing projection ({@link MemberStandings}, kept by membership events) when it knows the
 * enterprise: no remote call;</li>
 * <li>otherwise (its admission event may still be in flight) membership-service, through {@link MembershipClient},
 * with the caller's token relayed: a 404 there means not a member ({@link Optional#empty()});</li>
 * <li>when membership-service cannot answer (5xx, timeout, connection failure, its circuit breaker open) or refuses
 * the lookup, {@link MembershipUncheckableException} (503 {@code membership-unavailable}): an unknown membership is
 * never taken for a member.</li>
 * </ol>
 * The remote answer is not written into the projection: only versioned events keep it, so there is one writer.
 */
public class MembershipLookup {

    private static final Logger log = LoggerFactory.getLogger(MembershipLookup.class);

    private final MemberStandings localStandings;
    private final MembershipClient membership;

    public MembershipLookup(MemberStandings localStandings, MembershipClient membership) {
        this.localStandings = localStandings;
        this.membership = membership;
    }

    /**
     * The enterprise's membership of the cluster, whatever its status (check {@link Standing#isInGoodStanding()});
     * empty if it is not a member.
     *
     * @throws MembershipUncheckableException if it is not known here and membership-service could not tell
     */
    public Optional<Standing> standingOf(String clusterId, String enterpriseId) {
        Optional<Standing> local = localStandings.of(clusterId, enterpriseId).map(Standing::of);
        return local.isPresent() ? local : remoteStanding(clusterId, enterpriseId);
    }

    /**
     * As {@link #standingOf}, with the member's legal name and member number: the local projection's when it holds
     * both; otherwise membership-service's, as the projection may have heard of the membership only from an event
     * that does not carry them (a status change).
     *
     * @throws MembershipUncheckableException if the details are not known here and membership-service could not tell
     */
    public Optional<Standing> standingWithDetailsOf(String clusterId, String enterpriseId) {
        Optional<Standing> local = localStandings.of(clusterId, enterpriseId).map(Standing::of);
        return local.isPresent() && local.get().hasMemberDetails() ? local : remoteStanding(clusterId, enterpriseId);
    }

    private Optional<Standing> remoteStanding(String clusterId, String enterpriseId) {
        try {
            return Optional.of(Standing.of(membership.member(clusterId, enterpriseId)));
        }
        catch (RemoteNotFoundException notAMember) {
            return Optional.empty();
        }
        catch (RemoteServiceUnavailableException ex) {
            log.warn("Membership of {} in {} not known here and membership-service unavailable ({})", enterpriseId,
                    clusterId, ex.reason());
            throw new MembershipUncheckableException(clusterId, enterpriseId, ex);
        }
        catch (RemoteProblemException ex) {
            log.warn("Membership of {} in {} not known here and membership-service refused the lookup: {} {}",
                    enterpriseId, clusterId, ex.status().value(), ex.type());
            throw new MembershipUncheckableException(clusterId, enterpriseId, ex);
        }
    }

    /**
     * Whether the enterprise is a current member (possibly suspended) of the cluster.
     *
     * @throws MembershipUncheckableException if it is not known here and membership-service could not tell
     */
    public boolean isCurrentMember(String clusterId, String enterpriseId) {
        return standingOf(clusterId, enterpriseId).map(Standing::isCurrentMember).orElse(false);
    }
}
