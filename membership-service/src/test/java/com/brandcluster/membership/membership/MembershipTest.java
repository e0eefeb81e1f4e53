package com.brandcluster.membership.membership;

import com.brandcluster.contracts.membership.MemberSnapshot;
import com.brandcluster.contracts.membership.MemberTierChanged;
import com.brandcluster.contracts.membership.MembershipStatusChanged;
import com.brandcluster.membership.membership.Membership.ChangeKind;
import com.brandcluster.membership.membership.Membership.Status;
import com.brandcluster.platform.web.ConflictException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MembershipTest {

    private static final LocalDate ADMITTED_ON = LocalDate.of(2026, 3, 10);
    private static final LocalDate VALID_UNTIL = LocalDate.of(2027, 3, 9);
    private static final Period GRACE = Period.ofDays(60);
    private static final Instant AT = Instant.parse("2026-06-01T02:00:00Z");
    private static final LocalDate JUNE = LocalDate.of(2026, 6, 1);

    private static Membership admitted() {
        return Membership.admit("m-1", "lighting", "ent-1", "Opal Lighting Co., Ltd.", "LIGHT-2026-0042", "member",
                ADMITTED_ON, "sec-1", Instant.parse("2026-03-10T02:00:00Z"));
    }

    /** A membership in the given status, reached through the aggregate's own transitions. */
    private static Membership in(Status status) {
        Membership membership = admitted();
        switch (status) {
            case ACTIVE -> {
            }
            case GRACE -> membership.expire(VALID_UNTIL.plusDays(1), GRACE, AT);
            case LAPSED -> membership.expire(VALID_UNTIL.plusDays(61), GRACE, AT);
            case SUSPENDED -> membership.suspend("sec-1", "unpaid fee", AT);
            case TERMINATED -> membership.terminate("sec-1", "left the industry", AT);
        }
        assertThat(membership.status()).isEqualTo(status);
        return membership;
    }

    private static void assertRefused(Membership membership, Consumer<Membership> transition, String slug) {
        long version = membership.version();
        Status status = membership.status();
        LocalDate validUntil = membership.validUntil();
        String tier = membership.tier();
        assertThatThrownBy(() -> transition.accept(membership))
                .isInstanceOf(ConflictException.class)
                .satisfies(e -> {
                    ConflictException conflict = (ConflictException) e;
                    assertThat(conflict.type()).isEqualTo(slug);
                    assertThat(conflict.properties()).containsEntry("currentState", status.name());
                });
        assertThat(membership.version()).isEqualTo(version);
        assertThat(membership.status()).isEqualTo(status);
        assertThat(membership.validUntil()).isEqualTo(validUntil);
        assertThat(membership.tier()).isEqualTo(tier);
    }

    private static void assertStatusEvent(MembershipStatusChanged event, Membership membership, String change,
                                          Status previous) {
        assertThat(event.change()).isEqualTo(change);
        assertThat(event.status()).isEqualTo(membership.status().name());
        assertThat(event.previousStatus()).isEqualTo(previous.name());
        assertThat(event.version()).isEqualTo(membership.version());
        assertThat(event.membershipId()).isEqualTo("m-1");
        assertThat(event.clusterId()).isEqualTo("lighting");
        assertThat(event.enterpriseId()).isEqualTo("ent-1");
        assertThat(event.memberNumber()).isEqualTo("LIGHT-2026-0042");
        assertThat(event.validUntil()).isEqualTo(membership.validUntil());
        assertThat(event.eventId()).isNotNull();
        assertThat(event.occurredAt()).isEqualTo(AT);
    }

    @Test
    void admissionStartsActiveForOneMembershipYearAtVersionOne() {
        Membership membership = admitted();

        assertThat(membership.status()).isEqualTo(Status.ACTIVE);
        assertThat(membership.validUntil()).isEqualTo(VALID_UNTIL);
        assertThat(membership.version()).isEqualTo(1);
        assertThat(membership.history()).singleElement().satisfies(change -> {
            assertThat(change.kind()).isEqualTo(ChangeKind.ADMITTED);
            assertThat(change.by()).isEqualTo("sec-1");
            assertThat(change.tier()).isEqualTo("member");
        });
    }

    @Nested
    class Suspension {

        @ParameterizedTest
        @EnumSource(value = Status.class, names = {"ACTIVE", "GRACE"})
        void suspendsACurrentMemberWithAReason(Status from) {
            Membership membership = in(from);
            long version = membership.version();

            MembershipStatusChanged event = membership.suspend("sec-2", "fee unpaid for 2026", AT);

            assertThat(membership.status()).isEqualTo(Status.SUSPENDED);
            assertThat(membership.version()).isEqualTo(version + 1);
            assertThat(membership.history().getLast()).isEqualTo(new Membership.Change(ChangeKind.SUSPENDED,
                    Status.SUSPENDED, AT, "sec-2", "fee unpaid for 2026", "member", VALID_UNTIL));
            assertStatusEvent(event, membership, "SUSPENDED", from);
            assertThat(event.reason()).isEqualTo("fee unpaid for 2026");
        }

        @ParameterizedTest
        @EnumSource(value = Status.class, names = {"LAPSED", "SUSPENDED", "TERMINATED"})
        void refusesToSuspendAMembershipThatIsNotCurrent(Status from) {
            assertRefused(in(from), m -> m.suspend("sec-2", "again", AT), "membership-transition-refused");
        }
    }

    @Nested
    class Reinstatement {

        @Test
        void reinstatesToActiveWhileTheMembershipIsValid() {
            Membership membership = in(Status.SUSPENDED);

            MembershipStatusChanged event = membership.reinstate("sec-2", "fee paid", JUNE, GRACE, AT);

            assertThat(membership.status()).isEqualTo(Status.ACTIVE);
            assertThat(membership.version()).isEqualTo(3);
            assertThat(membership.history().getLast().kind()).isEqualTo(ChangeKind.REINSTATED);
            assertThat(membership.history().getLast().reason()).isEqualTo("fee paid");
            assertStatusEvent(event, membership, "REINSTATED", Status.SUSPENDED);
        }

        @Test
        void reinstatesToGraceWhenTheValidityEndedDuringTheSuspension() {
            Membership membership = in(Status.SUSPENDED);

            MembershipStatusChanged event = membership.reinstate("sec-2", "cleared", VALID_UNTIL.plusDays(60), GRACE, AT);

            assertThat(membership.status()).isEqualTo(Status.GRACE);
            assertStatusEvent(event, membership, "REINSTATED", Status.SUSPENDED);
        }

        @Test
        void reinstatesToLapsedWhenTheGracePeriodEndedDuringTheSuspension() {
            Membership membership = in(Status.SUSPENDED);

            MembershipStatusChanged event = membership.reinstate("sec-2", "cleared", VALID_UNTIL.plusDays(61), GRACE, AT);

            assertThat(membership.status()).isEqualTo(Status.LAPSED);
            assertThat(membership.validUntil()).isEqualTo(VALID_UNTIL);
            assertStatusEvent(event, membership, "REINSTATED", Status.SUSPENDED);
        }

        @ParameterizedTest
        @EnumSource(value = Status.class, names = {"ACTIVE", "GRACE", "LAPSED", "TERMINATED"})
        void refusesToReinstateAMembershipThatIsNotSuspended(Status from) {
            assertRefused(in(from), m -> m.reinstate("sec-2", "why not", JUNE, GRACE, AT),
                    "membership-transition-refused");
        }
    }

    @Nested
    class Termination {

        @ParameterizedTest
        @EnumSource(value = Status.class, names = {"ACTIVE", "GRACE", "LAPSED", "SUSPENDED"})
        void terminatesAnyMembershipThatIsNotTerminated(Status from) {
            Membership membership = in(from);
            long version = membership.version();

            MembershipStatusChanged event = membership.terminate("sec-2", "expelled by the plenary", AT);

            assertThat(membership.status()).isEqualTo(Status.TERMINATED);
            assertThat(membership.version()).isEqualTo(version + 1);
            assertThat(membership.history().getLast().kind()).isEqualTo(ChangeKind.TERMINATED);
            assertStatusEvent(event, membership, "TERMINATED", from);
        }

        @Test
        void aTerminationIsFinal() {
            Membership membership = in(Status.TERMINATED);

            assertRefused(membership, m -> m.terminate("sec-2", "twice", AT), "membership-transition-refused");
            assertRefused(membership, m -> m.suspend("sec-2", "x", AT), "membership-transition-refused");
            assertRefused(membership, m -> m.reinstate("sec-2", "x", JUNE, GRACE, AT), "membership-transition-refused");
            assertRefused(membership, m -> m.renew("sec-2", null, JUNE, AT), "membership-transition-refused");
            assertRefused(membership, m -> m.changeTier("council", "sec-2", null, AT), "membership-transition-refused");
            assertThat(membership.expire(VALID_UNTIL.plusYears(2), GRACE, AT)).isEmpty();
        }
    }

    @Nested
    class Renewal {

        @Test
        void extendsAnActiveMembershipByAYearFromItsEnd() {
            Membership membership = admitted();
            LocalDate today = VALID_UNTIL.minusDays(30);

            MembershipStatusChanged event = membership.renew("sec-2", "fee 2027 paid", today, AT);

            assertThat(membership.validUntil()).isEqualTo(LocalDate.of(2028, 3, 9));
            assertThat(membership.status()).isEqualTo(Status.ACTIVE);
            assertThat(membership.version()).isEqualTo(2);
            assertThat(membership.history().getLast()).isEqualTo(new Membership.Change(ChangeKind.RENEWED,
                    Status.ACTIVE, AT, "sec-2", "fee 2027 paid", "member", LocalDate.of(2028, 3, 9)));
            assertStatusEvent(event, membership, "RENEWED", Status.ACTIVE);
        }

        @ParameterizedTest
        @EnumSource(value = Status.class, names = {"GRACE", "LAPSED"})
        void renewsAnExpiredMembershipToActiveForAYearFromToday(Status from) {
            Membership membership = in(from);
            LocalDate today = VALID_UNTIL.plusDays(70);

            MembershipStatusChanged event = membership.renew("sec-2", null, today, AT);

            assertThat(membership.status()).isEqualTo(Status.ACTIVE);
            assertThat(membership.validUntil()).isEqualTo(today.plusYears(1).minusDays(1));
            assertStatusEvent(event, membership, "RENEWED", from);
        }

        @Test
        void refusesARenewalWhileTheMembershipIsValidForAFullYearAlready() {
            Membership membership = admitted();

            assertRefused(membership, m -> m.renew("sec-2", null, ADMITTED_ON, AT), "renewal-not-due");

            membership.renew("sec-2", null, VALID_UNTIL, AT);
            assertRefused(membership, m -> m.renew("sec-2", "double click", VALID_UNTIL, AT), "renewal-not-due");
            assertThat(membership.version()).isEqualTo(2);
        }

        @ParameterizedTest
        @EnumSource(value = Status.class, names = {"SUSPENDED", "TERMINATED"})
        void refusesToRenewASuspendedOrTerminatedMembership(Status from) {
            assertRefused(in(from), m -> m.renew("sec-2", null, VALID_UNTIL, AT), "membership-transition-refused");
        }
    }

    @Nested
    class TierChange {

        @ParameterizedTest
        @EnumSource(value = Status.class, names = {"ACTIVE", "GRACE", "LAPSED", "SUSPENDED"})
        void movesTheMembershipToAnotherTierKeepingItsStatus(Status from) {
            Membership membership = in(from);
            long version = membership.version();

            MemberTierChanged event = membership.changeTier("council", "sec-2", "elected to the council", AT)
                    .orElseThrow();

            assertThat(membership.tier()).isEqualTo("council");
            assertThat(membership.status()).isEqualTo(from);
            assertThat(membership.version()).isEqualTo(version + 1);
            assertThat(membership.history().getLast()).satisfies(change -> {
                assertThat(change.kind()).isEqualTo(ChangeKind.TIER_CHANGED);
                assertThat(change.tier()).isEqualTo("council");
                assertThat(change.reason()).isEqualTo("elected to the council");
                assertThat(change.by()).isEqualTo("sec-2");
            });
            assertThat(event.tier()).isEqualTo("council");
            assertThat(event.previousTier()).isEqualTo("member");
            assertThat(event.version()).isEqualTo(version + 1);
            assertThat(event.membershipId()).isEqualTo("m-1");
            assertThat(event.reason()).isEqualTo("elected to the council");
        }

        @Test
        void movingToTheSameTierChangesAndAnnouncesNothing() {
            Membership membership = admitted();

            assertThat(membership.changeTier("member", "sec-2", null, AT)).isEmpty();
            assertThat(membership.version()).isEqualTo(1);
        }

        @Test
        void refusesToMoveATerminatedMembership() {
            assertRefused(in(Status.TERMINATED), m -> m.changeTier("council", "sec-2", null, AT),
                    "membership-transition-refused");
        }
    }

    @Nested
    class Expiry {

        @Test
        void nothingIsDueWhileTheMembershipIsValid() {
            Membership membership = admitted();

            assertThat(membership.expire(VALID_UNTIL, GRACE, AT)).isEmpty();
            assertThat(membership.status()).isEqualTo(Status.ACTIVE);
            assertThat(membership.version()).isEqualTo(1);
        }

        @Test
        void anActiveMembershipEntersItsGracePeriodTheDayAfterValidUntil() {
            Membership membership = admitted();

            List<MembershipStatusChanged> steps = membership.expire(VALID_UNTIL.plusDays(1), GRACE, AT);

            assertThat(steps).singleElement().satisfies(event -> assertStatusEvent(event, membership, "GRACE", Status.ACTIVE));
            assertThat(membership.history().getLast().by()).isEqualTo(Membership.SYSTEM);
            assertThat(membership.history().getLast().kind()).isEqualTo(ChangeKind.GRACE);
            assertThat(membership.expire(VALID_UNTIL.plusDays(60), GRACE, AT)).isEmpty();
            assertThat(membership.version()).isEqualTo(2);
        }

        @Test
        void aGraceMembershipLapsesTheDayAfterTheGracePeriod() {
            Membership membership = in(Status.GRACE);

            List<MembershipStatusChanged> steps = membership.expire(VALID_UNTIL.plusDays(61), GRACE, AT);

            assertThat(steps).singleElement().satisfies(event -> assertStatusEvent(event, membership, "LAPSED", Status.GRACE));
            assertThat(membership.expire(VALID_UNTIL.plusYears(3), GRACE, AT)).isEmpty();
        }

        @Test
        void aLongOverdueMembershipTakesBothStepsWithConsecutiveVersions() {
            Membership membership = admitted();

            List<MembershipStatusChanged> steps = membership.expire(VALID_UNTIL.plusDays(100), GRACE, AT);

            assertThat(steps).extracting(MembershipStatusChanged::change).containsExactly("GRACE", "LAPSED");
            assertThat(steps).extracting(MembershipStatusChanged::version).containsExactly(2L, 3L);
            assertThat(steps.getFirst().status()).isEqualTo("GRACE");
            assertThat(steps.getLast().previousStatus()).isEqualTo("GRACE");
            assertThat(membership.status()).isEqualTo(Status.LAPSED);
        }

        @ParameterizedTest
        @EnumSource(value = Status.class, names = {"SUSPENDED", "TERMINATED", "LAPSED"})
        void otherStatusesNeverExpire(Status from) {
            Membership membership = in(from);
            long version = membership.version();

            assertThat(membership.expire(VALID_UNTIL.plusYears(2), GRACE, AT)).isEmpty();
            assertThat(membership.status()).isEqualTo(from);
            assertThat(membership.version()).isEqualTo(version);
        }
    }

    @Test
    void aSnapshotCarriesTheWholeStateAtTheCurrentVersionAndChangesNothing() {
        Membership membership = in(Status.SUSPENDED);

        MemberSnapshot snapshot = membership.snapshot(AT);

        assertThat(snapshot.version()).isEqualTo(2);
        assertThat(membership.version()).isEqualTo(2);
        assertThat(snapshot.status()).isEqualTo("SUSPENDED");
        assertThat(snapshot).extracting(MemberSnapshot::membershipId, MemberSnapshot::clusterId,
                        MemberSnapshot::enterpriseId, MemberSnapshot::enterpriseName, MemberSnapshot::memberNumber,
                        MemberSnapshot::tier, MemberSnapshot::validFrom, MemberSnapshot::validUntil)
                .containsExactly("m-1", "lighting", "ent-1", "Opal Lighting Co., Ltd.", "LIGHT-2026-0042", "member",
                        ADMITTED_ON, VALID_UNTIL);
    }

    @Test
    void onlyActiveAndGraceAreCurrent() {
        assertThat(List.of(Status.values())).filteredOn(Status::isCurrent).containsExactly(Status.ACTIVE, Status.GRACE);
    }
}
