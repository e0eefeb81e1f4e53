package com.brandcluster.membership.cluster;

import com.brandcluster.membership.cluster.Cluster.SecretariatChange;
import com.brandcluster.membership.cluster.Cluster.SecretariatMember;
import com.brandcluster.platform.web.ConflictException;
import com.brandcluster.platform.web.UnprocessableException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** A cluster's tiers and secretariat changes. */
class ClusterTest {

    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    private static final Duration STALE = Duration.ofMinutes(2);
    private static final Duration SETTLE = Duration.ofSeconds(30);
    private static final Tier MEMBER = tier("member", 1);
    private static final Tier COUNCIL = tier("council", 2);

    private static Tier tier(String code, int rank) {
        return new Tier(code, code, rank, new BigDecimal("1000"), 4, 2, rank);
    }

    private static Cluster lighting() {
        return new Cluster("lighting", "China Lighting", "Lighting", "Guangdong", null, LocalDate.of(2018, 5, 20),
                "LIGHT", List.of(COUNCIL, MEMBER), T0, "alliance");
    }

    private static SecretariatMember member(String userId) {
        return new SecretariatMember(userId, userId, userId + "@example.test", null, null);
    }

    @Test
    void foundingIsVersionOneWithTiersByRank() {
        Cluster cluster = lighting();

        assertThat(cluster.version()).isEqualTo(1);
        assertThat(cluster.tiers()).extracting(Tier::code).containsExactly("member", "council");
        assertThat(cluster.entryTier()).isEqualTo(MEMBER);
    }

    @Test
    void tiersAreReplacedAsANewVersion() {
        Cluster cluster = lighting();

        boolean changed = cluster.replaceTiers(List.of(tier("director", 3), MEMBER, COUNCIL), Set.of("member"));

        assertThat(changed).isTrue();
        assertThat(cluster.version()).isEqualTo(2);
        assertThat(cluster.tiers()).extracting(Tier::code).containsExactly("member", "council", "director");
    }

    @Test
    void theSameTiersAreNoChange() {
        Cluster cluster = lighting();

        assertThat(cluster.replaceTiers(List.of(COUNCIL, MEMBER), Set.of())).isFalse();
        assertThat(cluster.version()).isEqualTo(1);
    }

    @Test
    void tiersNeedTheirOwnCodesAndRanks() {
        Cluster cluster = lighting();

        assertThatExceptionOfType(UnprocessableException.class)
                .isThrownBy(() -> cluster.replaceTiers(List.of(MEMBER, tier("member", 2)), Set.of()))
                .satisfies(e -> assertThat(e.type()).isEqualTo("duplicate-tier"));
        assertThatExceptionOfType(UnprocessableException.class)
                .isThrownBy(() -> cluster.replaceTiers(List.of(MEMBER, tier("gold", 1)), Set.of()))
                .satisfies(e -> assertThat(e.type()).isEqualTo("duplicate-tier"));
        assertThatExceptionOfType(UnprocessableException.class)
                .isThrownBy(() -> cluster.replaceTiers(List.of(), Set.of()));
        assertThat(cluster.tiers()).containsExactly(MEMBER, COUNCIL);
        assertThat(cluster.version()).isEqualTo(1);
    }

    @Test
    void aTierAMembershipHoldsCannotBeRemovedAndIsNamed() {
        Cluster cluster = lighting();

        assertThatExceptionOfType(TierInUseException.class)
                .isThrownBy(() -> cluster.replaceTiers(List.of(MEMBER), Set.of("member", "council")))
                .satisfies(e -> assertThat(e.properties()).containsEntry("tiers", List.of("council")))
                .satisfies(e -> assertThat(e.detail()).contains("'council'"));
        assertThat(cluster.tiers()).containsExactly(MEMBER, COUNCIL);
        assertThat(cluster.version()).isEqualTo(1);
    }

    @Test
    void aHeldTierMayChangeItsBenefits() {
        Cluster cluster = lighting();
        Tier richer = new Tier("council", "Council", 2, new BigDecimal("90000"), 30, 6, 3);

        assertThat(cluster.replaceTiers(List.of(MEMBER, richer), Set.of("member", "council"))).isTrue();
        assertThat(cluster.tier("council")).contains(richer);
    }

    @Test
    void aSecretariatChangeIsClaimedThenCommittedWithWhoJoinedAndLeft() {
        Cluster cluster = lighting();
        SecretariatChange first = cluster.beginSecretariatChange("c1", List.of(member("a"), member("b")), "alliance",
                null, T0, STALE);
        Cluster.SecretariatOutcome outcome = cluster.commitSecretariatChange(first.id(), first.target(), T0);
        assertThat(outcome.added()).containsExactly("a", "b");
        assertThat(cluster.version()).isEqualTo(2);

        SecretariatChange second = cluster.beginSecretariatChange("c2", List.of(member("b"), member("c")), "alliance",
                "rotation", T0.plusSeconds(60), STALE);

        assertThat(second.affectedUserIds()).containsExactlyInAnyOrder("a", "b", "c");
        Cluster.SecretariatOutcome next = cluster.commitSecretariatChange("c2", second.target(), T0.plusSeconds(60));
        assertThat(next.added()).containsExactly("c");
        assertThat(next.removed()).containsExactly("a");
        assertThat(cluster.secretariat()).extracting(SecretariatMember::userId).containsExactly("b", "c");
        assertThat(cluster.secretariat().getFirst().since()).isEqualTo(T0);
        assertThat(cluster.secretariat().get(1).since()).isEqualTo(T0.plusSeconds(60));
        assertThat(cluster.pendingSecretariat()).isEmpty();
        assertThat(cluster.version()).isEqualTo(3);
    }

    @Test
    void committingTheSameMembersAgainIsNoNewVersion() {
        Cluster cluster = lighting();
        cluster.commitSecretariatChange("c1",
                cluster.beginSecretariatChange("c1", List.of(member("a")), "alliance", null, T0, STALE).target(), T0);

        SecretariatChange again = cluster.beginSecretariatChange("c2", List.of(member("a")), "alliance", null, T0, STALE);

        assertThat(cluster.commitSecretariatChange("c2", again.target(), T0).changedAnything()).isFalse();
        assertThat(cluster.version()).isEqualTo(2);
    }

    @Test
    void oneSecretariatChangeAtATime() {
        Cluster cluster = lighting();
        cluster.beginSecretariatChange("c1", List.of(member("a")), "alliance", null, T0, STALE);

        assertThatExceptionOfType(ConflictException.class)
                .isThrownBy(() -> cluster.beginSecretariatChange("c2", List.of(member("b")), "alliance", null,
                        T0.plusSeconds(10), STALE))
                .satisfies(e -> assertThat(e.type()).isEqualTo("secretariat-change-in-progress"))
                .satisfies(e -> assertThat(e.properties()).containsEntry("currentState", "CHANGING"));
        assertThat(cluster.takeOverSecretariatChange("job", T0.plusSeconds(10), SETTLE, STALE)).isEmpty();
    }

    @Test
    void anInterruptedChangeIsTakenOverWithEveryUserItTouched() {
        Cluster cluster = lighting();
        cluster.beginSecretariatChange("c1", List.of(member("a")), "alliance", null, T0, STALE);
        cluster.interruptSecretariatChange("c1");

        SecretariatChange retry = cluster.beginSecretariatChange("c2", List.of(member("b")), "alliance", null,
                T0.plusSeconds(1), STALE);

        assertThat(retry.affectedUserIds()).containsExactlyInAnyOrder("a", "b");
        assertThatExceptionOfType(ConflictException.class)
                .isThrownBy(() -> cluster.commitSecretariatChange("c1", List.of(member("a")), T0))
                .satisfies(e -> assertThat(e.type()).isEqualTo("secretariat-change-taken-over"));
        assertThat(cluster.commitSecretariatChange("c2", retry.target(), T0).added()).containsExactly("b");
    }

    @Test
    void aStaleChangeIsTakenOverByTheRepairJobWithTheSameTarget() {
        Cluster cluster = lighting();
        cluster.beginSecretariatChange("c1", List.of(member("a")), "alliance", "new office", T0, STALE);

        SecretariatChange taken = cluster.takeOverSecretariatChange("job", T0.plus(STALE).plusSeconds(1), SETTLE, STALE)
                .orElseThrow();

        assertThat(taken.id()).isEqualTo("job");
        assertThat(taken.target()).extracting(SecretariatMember::userId).containsExactly("a");
        assertThat(taken.reason()).isEqualTo("new office");
        assertThat(taken.interrupted()).isFalse();
    }

    @Test
    void theRepairJobLeavesAnInterruptedChangeToARetryForAWhile() {
        Cluster cluster = lighting();
        cluster.beginSecretariatChange("c1", List.of(member("a")), "alliance", null, T0, STALE);
        cluster.interruptSecretariatChange("c1");

        assertThat(cluster.takeOverSecretariatChange("job", T0.plusSeconds(10), SETTLE, STALE)).isEmpty();
        assertThat(cluster.takeOverSecretariatChange("job", T0.plus(SETTLE).plusSeconds(1), SETTLE, STALE)).isPresent();
    }

    @Test
    void interruptingSomeoneElsesClaimChangesNothing() {
        Cluster cluster = lighting();
        cluster.beginSecretariatChange("c1", List.of(member("a")), "alliance", null, T0, STALE);

        cluster.interruptSecretariatChange("c0");

        assertThat(cluster.pendingSecretariat()).hasValueSatisfying(p -> assertThat(p.interrupted()).isFalse());
    }
}
