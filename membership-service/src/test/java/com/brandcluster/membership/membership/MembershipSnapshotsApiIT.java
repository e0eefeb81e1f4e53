package com.brandcluster.membership.membership;

import com.brandcluster.contracts.membership.MemberSnapshot;
import com.brandcluster.contracts.membership.MembershipStatusChanged;
import com.brandcluster.membership.membership.PublishedMembershipEvents.Message;
import com.brandcluster.testsupport.ApiClient;
import com.brandcluster.membership.audit.AuditLog;
import com.brandcluster.membership.cluster.Clusters;
import com.brandcluster.platform.outbox.OutboxEvents;
import com.brandcluster.platform.outbox.OutboxRelay;
import com.brandcluster.platform.security.Caller;
import com.brandcluster.platform.security.Roles;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoOperations;

import java.time.Clock;
import java.time.Duration;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class MembershipSnapshotsApiIT extends MembershipLifecycleIntegrationTest {

    @Autowired
    private ApplicationContext context;

    private static String snapshots(String clusterId) {
        return "/api/membership/clusters/" + clusterId + "/snapshots";
    }

    @Test
    void theAllianceOfficeRepublishesEveryMembershipOfAClusterAtItsCurrentVersion() {
        String cluster = foundCluster(uniqueSlug("lighting"));
        String otherCluster = foundCluster(uniqueSlug("coking"));
        Member active = admit(cluster, "snap-active");
        Member suspended = admit(cluster, "snap-suspended");
        admit(otherCluster, "snap-elsewhere");
        String secretariat = secretariatOf(cluster);
        api.as(secretariat).post(memberPath(cluster, suspended) + "/suspension", Map.of("reason", "Fee unpaid"));
        api.as(secretariat).put(memberPath(cluster, suspended) + "/tier", Map.of("tier", "council"));
        ApiClient.Response activeBefore = membership(cluster, active);
        ApiClient.Response suspendedBefore = membership(cluster, suspended);

        ApiClient.Response queued = api.as(allianceAdmin()).post(snapshots(cluster), null);

        assertThat(queued.status()).as(queued.toString()).isEqualTo(202);
        assertThat(queued.at("/clusterId")).isEqualTo(cluster);
        assertThat(queued.at("/snapshots")).isEqualTo("2");
        List<Message> published = events.await(cluster, MemberSnapshot.ROUTING_KEY, 2);
        Message ofActive = published.stream().filter(m -> m.text("enterpriseId").equals(active.enterpriseId()))
                .findFirst().orElseThrow();
        assertThat(ofActive.version()).isEqualTo(1);
        assertThat(ofActive.text("status")).isEqualTo("ACTIVE");
        assertThat(ofActive.text("tier")).isEqualTo("member");
        assertThat(ofActive.text("membershipId")).isEqualTo(activeBefore.at("/id"));
        assertThat(ofActive.text("memberNumber")).isEqualTo(activeBefore.at("/memberNumber"));
        assertThat(ofActive.text("enterpriseName")).isEqualTo(activeBefore.at("/enterpriseName"));
        assertThat(ofActive.text("validFrom")).isEqualTo(activeBefore.at("/validFrom"));
        assertThat(ofActive.text("validUntil")).isEqualTo(activeBefore.at("/validUntil"));
        Message ofSuspended = published.stream().filter(m -> m.text("enterpriseId").equals(suspended.enterpriseId()))
                .findFirst().orElseThrow();
        assertThat(ofSuspended.version()).isEqualTo(3);
        assertThat(ofSuspended.text("status")).isEqualTo("SUSPENDED");
        assertThat(ofSuspended.text("tier")).isEqualTo("council");

        assertThat(membership(cluster, active).json()).as("nothing else changed").isEqualTo(activeBefore.json());
        assertThat(membership(cluster, suspended).json()).isEqualTo(suspendedBefore.json());
        events.assertStaysAt(cluster, MemberSnapshot.ROUTING_KEY, 2);
        assertThat(events.of(cluster, MembershipStatusChanged.ROUTING_KEY)).hasSize(1);
        assertThat(events.of(otherCluster, MemberSnapshot.ROUTING_KEY)).isEmpty();

        ApiClient.Response trail = api.as(secretariat).get("/api/membership/clusters/" + cluster + "/audit");
        assertThat(trail.at("/content/0/action")).isEqualTo("membership.snapshots-published");
        assertThat(trail.at("/content/0/actorRole")).isEqualTo("alliance-admin");
        assertThat(trail.at("/content/0/details/snapshots")).isEqualTo("2");
    }

    @Test
    void aMembershipChangesNormallyAfterASnapshot() {
        String cluster = foundCluster(uniqueSlug("lighting"));
        Member member = admit(cluster, "after-snapshot");
        api.as(allianceAdmin()).post(snapshots(cluster), null);

        ApiClient.Response suspended = api.as(secretariatOf(cluster)).post(memberPath(cluster, member) + "/suspension",
                Map.of("reason", "Fee unpaid"));

        assertThat(suspended.status()).as(suspended.toString()).isEqualTo(200);
        assertThat(suspended.at("/version")).isEqualTo("2");
        assertThat(events.await(cluster, MembershipStatusChanged.ROUTING_KEY, 1).getFirst().version()).isEqualTo(2);
        assertThat(events.await(cluster, MemberSnapshot.ROUTING_KEY, 1).getFirst().version()).isEqualTo(1);
    }

    @Test
    void pagesThroughMoreMembershipsThanOneBatchHolds() {
        String cluster = foundCluster(uniqueSlug("lighting"));
        for (int i = 0; i < 3; i++) {
            admit(cluster, "snap-batched-" + i);
        }
        MembershipSnapshots oneAtATime = new MembershipSnapshots(context.getBean(MongoOperations.class),
                context.getBean(Clusters.class), context.getBean(OutboxEvents.class),
                context.getBeanProvider(OutboxRelay.class), context.getBean(AuditLog.class),
                new MembershipProperties(Period.ofDays(60), Duration.ofHours(1), 1), Clock.systemUTC());
        Caller operator = new Caller("operator", "operator", null, Set.of(Roles.ALLIANCE_ADMIN), null, Set.of());

        assertThat(oneAtATime.publish(cluster, operator)).isEqualTo(3);

        assertThat(events.await(cluster, MemberSnapshot.ROUTING_KEY, 3))
                .extracting(m -> m.text("membershipId")).doesNotHaveDuplicates();
    }

    @Test
    void onlyTheAllianceOfficeRebuildsProjections() {
        String cluster = foundCluster(uniqueSlug("lighting"));
        Member member = admit(cluster, "snap-guarded");
        Member other = outsider("snap-other");

        for (String token : List.of(secretariatOf(cluster), secretariatOf("coking-coal"), as(member), as(other),
                expert())) {
            assertProblem(api.as(token).post(snapshots(cluster), null), 403, "forbidden");
        }
        assertProblem(api.anonymous().post(snapshots(cluster), null), 401, null);
        assertProblem(api.as(allianceAdmin()).post(snapshots("no-such-cluster"), null), 404, "not-found");

        events.assertStaysAt(cluster, MemberSnapshot.ROUTING_KEY, 0);
        assertThat(api.as(secretariatOf(cluster)).get("/api/membership/clusters/" + cluster + "/audit")
                .at("/content/0/action")).isEqualTo("application.approved");
    }
}
