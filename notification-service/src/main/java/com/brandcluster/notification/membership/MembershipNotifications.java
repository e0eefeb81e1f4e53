package com.brandcluster.notification.membership;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.annotation.RabbitHandler;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.brandcluster.contracts.ClusterEvent;
import com.brandcluster.contracts.membership.ApplicationRejected;
import com.brandcluster.contracts.membership.ApplicationSubmitted;
import com.brandcluster.contracts.membership.ConventionAdopted;
import com.brandcluster.contracts.membership.ConventionBallotOpened;
import com.brandcluster.contracts.membership.ConventionRejected;
import com.brandcluster.contracts.membership.MemberAdmitted;
import com.brandcluster.contracts.membership.MemberTierChanged;
import com.brandcluster.contracts.membership.MembershipStatusChanged;
import com.brandcluster.contracts.membership.StandardCertified;
import com.brandcluster.notification.directory.ClusterNames;
import com.brandcluster.notification.inbox.Args;
import com.brandcluster.notification.inbox.Audience;
import com.brandcluster.notification.inbox.Category;
import com.brandcluster.notification.inbox.EventNotifications;
import com.brandcluster.notification.inbox.NotificationRequest;
import com.brandcluster.notification.inbox.Notifier;
import com.brandcluster.platform.messaging.Projections;

/**
 * Membership-service's events that someone must hear about (queue {@code notification-service.membership}). Every
 * notification's source is the event id, so a redelivery notifies nobody twice. Not notified: cluster created and
 * tiers changed, member snapshots and enterprise profile updates (nobody needs to act on them); user links and
 * secretariat changes keep the directory instead.
 */
@Component
@RabbitListener(queues = "notification-service.membership")
class MembershipNotifications {

    private static final Logger log = LoggerFactory.getLogger(MembershipNotifications.class);

    private final Notifier notifier;
    private final Projections projections;
    private final MongoOperations mongo;
    private final ClusterNames clusters;

    MembershipNotifications(Notifier notifier, Projections projections, MongoOperations mongo,
                            ClusterNames clusters) {
        this.notifier = notifier;
        this.projections = projections;
        this.mongo = mongo;
        this.clusters = clusters;
    }

    @RabbitHandler
    void on(ApplicationSubmitted e) {
        notifier.notify(membership(e, new Audience.Secretariat(e.clusterId()), "membership.application.submitted",
                Args.of("cluster", clusters.of(e.clusterId()), "enterprise", e.enterpriseName(),
                        "tier", e.requestedTier()),
                "/membership/applications/" + e.applicationId()));
    }

    @RabbitHandler
    void on(ApplicationRejected e) {
        notifier.notify(membership(e, new Audience.Enterprise(e.enterpriseId()), "membership.application.rejected",
                Args.of("cluster", clusters.of(e.clusterId()), "enterprise", e.enterpriseName(), "reason", e.reason()),
                "/membership/applications/" + e.applicationId()));
    }

    @RabbitHandler
    void on(MemberAdmitted e) {
        notifier.notify(membership(e, new Audience.Enterprise(e.enterpriseId()), "membership.member.admitted",
                Args.of("cluster", clusters.of(e.clusterId()), "enterprise", e.enterpriseName(),
                        "memberNumber", e.memberNumber(), "tier", e.tier(), "validUntil", e.validUntil()),
                "/membership/memberships/" + e.membershipId()));
    }

    @RabbitHandler
    void on(MembershipStatusChanged e) {
        String change = e.change() == null ? e.status() : e.change();
        String key = switch (change) {
            case "SUSPENDED", "REINSTATED", "GRACE", "LAPSED", "TERMINATED", "RENEWED" ->
                    "membership.member.status." + change.toLowerCase(Locale.ROOT);
            default -> "membership.member.status.changed";
        };
        notifier.notify(membership(e, new Audience.Enterprise(e.enterpriseId()), key,
                Args.of("cluster", clusters.of(e.clusterId()), "memberNumber", e.memberNumber(), "status", e.status(),
                        "reason", Objects.requireNonNullElse(e.reason(), "—"), "validUntil", e.validUntil()),
                "/membership/memberships/" + e.membershipId()));
    }

    @RabbitHandler
    void on(MemberTierChanged e) {
        notifier.notify(membership(e, new Audience.Enterprise(e.enterpriseId()), "membership.member.tier-changed",
                Args.of("cluster", clusters.of(e.clusterId()), "memberNumber", e.memberNumber(), "tier", e.tier(),
                        "previousTier", e.previousTier(), "reason", Objects.requireNonNullElse(e.reason(), "—")),
                "/membership/memberships/" + e.membershipId()));
    }

    @RabbitHandler
    void on(StandardCertified e) {
        notifier.notify(membership(e, new Audience.Enterprise(e.enterpriseId()), "membership.standard.certified",
                Args.of("cluster", clusters.of(e.clusterId()), "standard", e.standardCode() + " " + e.standardTitle(),
                        "certificateNumber", e.certificateNumber(), "body", e.certificationBody(),
                        "expiresOn", e.expiresOn()),
                "/membership/memberships/" + e.membershipId()));
    }

    /** Keeps the electorate (version rule), then tells every enterprise of it. */
    @RabbitHandler
    void on(ConventionBallotOpened e) {
        projections.applyIfNewer(Ballot.COLLECTION, e.conventionId(), e.version(),
                new Update().set("clusterId", e.clusterId()).set("electorate", e.electorate()));
        Map<String, Object> args = Args.of("cluster", clusters.of(e.clusterId()), "title", e.title(),
                "conventionVersion", e.conventionVersion(), "closesAt", e.closesAt(),
                "quorum", e.quorumPercent());
        for (String enterprise : e.electorate()) {
            notifier.notify(ballot(e, new Audience.Enterprise(enterprise), "membership.convention.ballot-opened",
                    args, conventionLink(e.conventionId())));
        }
    }

    @RabbitHandler
    void on(ConventionAdopted e) {
        toElectorate(e, e.conventionId(), "membership.convention.adopted",
                Args.of("cluster", clusters.of(e.clusterId()), "title", e.title(),
                        "conventionVersion", e.conventionVersion(), "votesFor", e.tally().votesFor(),
                        "votesAgainst", e.tally().votesAgainst(), "abstentions", e.tally().abstentions()));
    }

    @RabbitHandler
    void on(ConventionRejected e) {
        toElectorate(e, e.conventionId(), "membership.convention.rejected",
                Args.of("cluster", clusters.of(e.clusterId()), "title", e.title(),
                        "conventionVersion", e.conventionVersion(), "votesFor", e.tally().votesFor(),
                        "votesAgainst", e.tally().votesAgainst(), "abstentions", e.tally().abstentions()));
    }

    private void toElectorate(ClusterEvent e, String conventionId, String key, Map<String, Object> args) {
        Ballot ballot = mongo.findById(conventionId, Ballot.class);
        List<String> electorate = ballot == null ? List.of() : ballot.electorate();
        if (ballot == null) {
            // Published after ballot-opened on the same queue, so only a ballot opened before this service existed
            // is unknown; its secretariat is told instead, so that somebody hears of the outcome.
            log.warn("Outcome of convention {} without its ballot: telling the secretariat of {}", conventionId,
                    e.clusterId());
            notifier.notify(ballot(e, new Audience.Secretariat(e.clusterId()), key, args,
                    conventionLink(conventionId)));
        }
        for (String enterprise : electorate) {
            notifier.notify(ballot(e, new Audience.Enterprise(enterprise), key, args, conventionLink(conventionId)));
        }
    }

    private static String conventionLink(String conventionId) {
        return "/membership/conventions/" + conventionId;
    }

    private static NotificationRequest membership(ClusterEvent e, Audience audience, String key,
                                                  Map<String, Object> args, String link) {
        return EventNotifications.request(e, audience, Category.MEMBERSHIP, key, args, null, link, null);
    }

    private static NotificationRequest ballot(ClusterEvent e, Audience audience, String key,
                                              Map<String, Object> args, String link) {
        return EventNotifications.request(e, audience, Category.BALLOTS, key, args, null, link, null);
    }
}
