package com.brandcluster.notification.membership;

import com.brandcluster.notification.directory.ClusterNames;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoOperations;

import com.brandcluster.contracts.EventFixtures;
import com.brandcluster.contracts.membership.ApplicationRejected;
import com.brandcluster.contracts.membership.ApplicationSubmitted;
import com.brandcluster.contracts.membership.ConventionAdopted;
import com.brandcluster.contracts.membership.ConventionBallotOpened;
import com.brandcluster.contracts.membership.ConventionRejected;
import com.brandcluster.contracts.membership.MemberAdmitted;
import com.brandcluster.contracts.membership.MemberTierChanged;
import com.brandcluster.contracts.membership.MembershipStatusChanged;
import com.brandcluster.contracts.membership.StandardCertified;
import com.brandcluster.notification.RecordingNotifier;
import com.brandcluster.notification.inbox.Audience;
import com.brandcluster.notification.inbox.Category;
import com.brandcluster.notification.inbox.NotificationRequest;
import com.brandcluster.platform.messaging.Projections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** Membership-service's fixtures to audiences, categories, keys and arguments. */
class MembershipNotificationsTest {

    private final RecordingNotifier notifier = new RecordingNotifier();
    private final Projections projections = mock(Projections.class);
    private final MongoOperations mongo = mock(MongoOperations.class);
    private final MembershipNotifications notifications = new MembershipNotifications(notifier, projections, mongo,
            new ClusterNames(mongo));

    @Test
    void anApplicationGoesToTheClustersSecretariat() {
        ApplicationSubmitted submitted = EventFixtures.event(ApplicationSubmitted.class);

        notifications.on(submitted);

        NotificationRequest request = notifier.only();
        assertThat(request.audience()).isEqualTo(new Audience.Secretariat(submitted.clusterId()));
        assertThat(request.category()).isEqualTo(Category.MEMBERSHIP);
        assertThat(request.messageKey()).isEqualTo("membership.application.submitted");
        assertThat(request.sourceId()).isEqualTo(submitted.eventId().toString());
        assertThat(request.link()).isEqualTo("/membership/applications/" + submitted.applicationId());
    }

    @Test
    void decisionsAboutAMembershipGoToTheEnterpriseInTheMandatoryCategory() {
        notifications.on(EventFixtures.event(ApplicationRejected.class));
        notifications.on(EventFixtures.event(MemberAdmitted.class));
        notifications.on(EventFixtures.event(MemberTierChanged.class));
        notifications.on(EventFixtures.event(StandardCertified.class));

        assertThat(notifier.requests()).extracting(NotificationRequest::messageKey).containsExactly(
                "membership.application.rejected", "membership.member.admitted", "membership.member.tier-changed",
                "membership.standard.certified");
        assertThat(notifier.requests()).allSatisfy(r -> {
            assertThat(r.audience()).isInstanceOf(Audience.Enterprise.class);
            assertThat(r.category()).isEqualTo(Category.MEMBERSHIP);
            assertThat(r.category().mandatory()).isTrue();
        });
        assertThat(notifier.requests().getFirst().args())
                .containsEntry("reason", EventFixtures.event(ApplicationRejected.class).reason());
        assertThat(notifier.requests().get(1).args()).containsKeys("memberNumber", "tier", "validUntil");
    }

    @Test
    void eachStatusChangeHasItsOwnMessageAndAnUnknownOneAGeneralOne() {
        for (String change : List.of("SUSPENDED", "REINSTATED", "GRACE", "LAPSED", "TERMINATED", "RENEWED",
                "MERGED")) {
            notifications.on(EventFixtures.event(MembershipStatusChanged.class,
                    Map.of("change", change, "reason", "Unpaid fee")));
        }
        Map<String, Object> withoutReason = new HashMap<>();
        withoutReason.put("change", "SUSPENDED");
        withoutReason.put("reason", null);
        notifications.on(EventFixtures.event(MembershipStatusChanged.class, withoutReason));

        assertThat(notifier.requests()).extracting(NotificationRequest::messageKey).containsExactly(
                "membership.member.status.suspended", "membership.member.status.reinstated",
                "membership.member.status.grace", "membership.member.status.lapsed",
                "membership.member.status.terminated", "membership.member.status.renewed",
                "membership.member.status.changed", "membership.member.status.suspended");
        assertThat(notifier.requests().getFirst().args()).containsEntry("reason", "Unpaid fee");
        assertThat(notifier.requests().getLast().args()).containsEntry("reason", "—");
    }

    @Test
    void aBallotGoesToEveryEnterpriseOfTheElectorateAndIsKeptForItsOutcome() {
        ConventionBallotOpened opened = EventFixtures.event(ConventionBallotOpened.class);

        notifications.on(opened);

        verify(projections).applyIfNewer(eq(Ballot.COLLECTION), eq(opened.conventionId()), eq(opened.version()),
                any());
        assertThat(notifier.requests()).extracting(NotificationRequest::audience).containsExactly(
                new Audience.Enterprise("ent-opal-lighting"), new Audience.Enterprise("ent-foshan-lighting"),
                new Audience.Enterprise("ent-nvc-lighting"));
        assertThat(notifier.requests()).allSatisfy(r -> {
            assertThat(r.category()).isEqualTo(Category.BALLOTS);
            assertThat(r.args()).containsEntry("closesAt", opened.closesAt()).containsEntry("quorum", 50);
        });
    }

    @Test
    void anOutcomeGoesToTheElectorateKeptFromTheBallot() {
        ConventionAdopted adopted = EventFixtures.event(ConventionAdopted.class);
        when(mongo.findById(adopted.conventionId(), Ballot.class)).thenReturn(
                new Ballot(adopted.conventionId(), adopted.clusterId(), List.of("ent-a", "ent-b"), 3));

        notifications.on(adopted);

        assertThat(notifier.requests()).extracting(NotificationRequest::audience)
                .containsExactly(new Audience.Enterprise("ent-a"), new Audience.Enterprise("ent-b"));
        assertThat(notifier.requests()).extracting(NotificationRequest::messageKey)
                .containsOnly("membership.convention.adopted");
    }

    @Test
    void anOutcomeOfABallotNeverSeenGoesToTheSecretariat() {
        ConventionRejected rejected = EventFixtures.event(ConventionRejected.class);

        notifications.on(rejected);

        NotificationRequest request = notifier.only();
        assertThat(request.audience()).isEqualTo(new Audience.Secretariat(rejected.clusterId()));
        assertThat(request.messageKey()).isEqualTo("membership.convention.rejected");
        assertThat(request.category()).isEqualTo(Category.BALLOTS);
    }
}
