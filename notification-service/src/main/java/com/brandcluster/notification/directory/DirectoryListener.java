package com.brandcluster.notification.directory;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.annotation.RabbitHandler;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.brandcluster.contracts.membership.ClusterCreated;
import com.brandcluster.contracts.membership.EnterpriseUpdated;
import com.brandcluster.contracts.membership.EnterpriseUserLinked;
import com.brandcluster.contracts.membership.EnterpriseUserUnlinked;
import com.brandcluster.contracts.membership.MemberAdmitted;
import com.brandcluster.contracts.membership.MemberSnapshot;
import com.brandcluster.contracts.membership.MembershipStatusChanged;
import com.brandcluster.contracts.membership.SecretariatChanged;
import com.brandcluster.platform.messaging.Projections;

/**
 * Keeps the recipient directory from membership-service's events (queue {@code notification-service.directory}):
 * enterprise users, cluster secretariats, which enterprises are members of which cluster, and clusters' names.
 * Order and duplicates are harmless: every write goes through {@link Projections#applyIfNewer} (pattern 1 of
 * DESIGN.md §6, one document per link or cluster guarded by the aggregate version).
 */
@Component
@RabbitListener(queues = "notification-service.directory")
class DirectoryListener {

    private static final Logger log = LoggerFactory.getLogger(DirectoryListener.class);

    private final Projections projections;

    DirectoryListener(Projections projections) {
        this.projections = projections;
    }

    @RabbitHandler
    void on(EnterpriseUserLinked event) {
        link(event.enterpriseId(), event.userId(), true, event.email(), event.locale(), event.displayName(),
                event.enterpriseRole(), event.version());
    }

    @RabbitHandler
    void on(EnterpriseUserUnlinked event) {
        link(event.enterpriseId(), event.userId(), false, event.email(), event.locale(), event.displayName(),
                event.enterpriseRole(), event.version());
    }

    @RabbitHandler
    void on(ClusterCreated event) {
        projections.applyIfNewer(ClusterNames.ClusterName.COLLECTION, event.clusterId(), event.version(),
                new Update().set("name", event.name()));
        log.info("Cluster {} is called {}", event.clusterId(), event.name());
    }

    @RabbitHandler
    void on(MemberAdmitted event) {
        member(event.membershipId(), event.clusterId(), event.enterpriseId(), "ACTIVE", event.version());
    }

    @RabbitHandler
    void on(MembershipStatusChanged event) {
        member(event.membershipId(), event.clusterId(), event.enterpriseId(), event.status(), event.version());
    }

    @RabbitHandler
    void on(MemberSnapshot event) {
        member(event.membershipId(), event.clusterId(), event.enterpriseId(), event.status(), event.version());
    }

    /**
     * Consumed so that the fact reaches a queue (events are published {@code mandatory}), but it changes nobody's
     * address or language, and a profile edit by the enterprise's own users needs no notice.
     */
    @RabbitHandler
    void on(EnterpriseUpdated event) {
        log.debug("Enterprise {} updated at version {}: nothing to tell", event.enterpriseId(), event.version());
    }

    @RabbitHandler
    void on(SecretariatChanged event) {
        List<ClusterSecretariat.Member> members = event.members().stream()
                .map(m -> new ClusterSecretariat.Member(m.userId(), m.username(), m.email(), m.locale()))
                .toList();
        boolean applied = projections.applyIfNewer(ClusterSecretariat.COLLECTION, event.clusterId(), event.version(),
                new Update().set("members", members));
        log.info("Secretariat of cluster {} at version {}: {}", event.clusterId(), event.version(),
                applied ? members.size() + " members" : "stale, ignored");
    }

    private void member(String membershipId, String clusterId, String enterpriseId, String status, long version) {
        boolean applied = projections.applyIfNewer(ClusterMember.COLLECTION, membershipId, version, new Update()
                .set("clusterId", clusterId).set("enterpriseId", enterpriseId).set("status", status));
        log.info("Membership {} of {} in cluster {} at version {}: {}", membershipId, enterpriseId, clusterId, version,
                applied ? status : "stale, ignored");
    }

    private void link(String enterpriseId, String userId, boolean linked, String email, String locale,
                      String displayName, String role, long version) {
        boolean applied = projections.applyIfNewer(EnterpriseLink.COLLECTION, EnterpriseLink.idOf(enterpriseId, userId),
                version, new Update().set("enterpriseId", enterpriseId).set("userId", userId).set("linked", linked)
                        .set("email", email).set("locale", locale).set("displayName", displayName)
                        .set("enterpriseRole", role));
        log.info("User {} {} enterprise {} at version {}{}", userId, linked ? "linked to" : "unlinked from",
                enterpriseId, version, applied ? "" : ": stale, ignored");
    }
}
