package com.brandcluster.membership.membership;

import com.brandcluster.membership.membership.Membership.ChangeKind;
import com.brandcluster.membership.membership.Membership.Status;
import com.brandcluster.membership.membership.MembershipStatistics.MonthFigures;
import com.brandcluster.membership.membership.MembershipStatistics.StatusCount;
import com.brandcluster.membership.membership.MembershipStatistics.TierCount;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MembershipStatisticsTest {

    private static final Instant NOW = Instant.parse("2026-11-21T09:00:00Z");

    @Test
    void countsEachMembershipWithItsStatusAndTierAtTheEndOfEveryMonth() {
        List<Membership.Change> opal = List.of(
                change(ChangeKind.ADMITTED, Status.ACTIVE, "2026-08-10T08:00:00Z", "member"),
                change(ChangeKind.TIER_CHANGED, Status.ACTIVE, "2026-10-02T08:00:00Z", "council"));
        List<Membership.Change> yankon = List.of(
                change(ChangeKind.ADMITTED, Status.ACTIVE, "2026-09-30T23:59:59Z", "member"),
                change(ChangeKind.SUSPENDED, Status.SUSPENDED, "2026-11-20T10:00:00Z", "member"));
        List<Membership.Change> later = List.of(
                change(ChangeKind.ADMITTED, Status.ACTIVE, "2026-11-21T10:00:00Z", "member"));

        List<MonthFigures> months = MembershipStatistics.monthly(List.of(opal, yankon, later), 4, NOW);

        assertThat(months).extracting(MonthFigures::month).containsExactly("2026-08", "2026-09", "2026-10", "2026-11");
        assertThat(active(months.get(0))).isEqualTo(1);
        assertThat(months.get(0).byTier()).containsExactly(new TierCount("member", 1));
        assertThat(active(months.get(1))).as("admitted in the last second of September").isEqualTo(2);
        assertThat(months.get(2).byTier()).containsExactly(new TierCount("council", 1), new TierCount("member", 1));
        assertThat(active(months.get(3))).as("the current month is counted now: a later admission not yet").isEqualTo(1);
        assertThat(months.get(3).byStatus()).contains(new StatusCount(Status.SUSPENDED, 1));
        assertThat(months.get(3).byTier()).as("suspended members hold no tier seat").containsExactly(
                new TierCount("council", 1));
    }

    @Test
    void everyStatusIsListedEvenWithoutMembers() {
        List<MonthFigures> months = MembershipStatistics.monthly(List.of(), 1, NOW);

        assertThat(months).singleElement().satisfies(month -> {
            assertThat(month.byStatus()).extracting(StatusCount::status).containsExactly(Status.values());
            assertThat(month.byStatus()).allMatch(count -> count.members() == 0);
            assertThat(month.byTier()).isEmpty();
        });
    }

    private static long active(MonthFigures month) {
        return month.byStatus().stream().filter(c -> c.status() == Status.ACTIVE).mapToLong(StatusCount::members)
                .sum();
    }

    private static Membership.Change change(ChangeKind kind, Status status, String at, String tier) {
        return new Membership.Change(kind, status, Instant.parse(at), "secretariat", null, tier,
                LocalDate.parse("2027-08-09"));
    }
}
