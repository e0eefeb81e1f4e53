package com.brandcluster.platform.membership;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class StandingTest {

    @ParameterizedTest
    @CsvSource({"ACTIVE,true", "GRACE,true", "SUSPENDED,false", "LAPSED,false", "TERMINATED,false", ",false"})
    void onlyActiveAndGraceMembershipsAreInGoodStanding(String status, boolean inGoodStanding) {
        Standing standing = new Standing("lighting", "ent-1", "LIGHT-2026-0001", "Opal Lighting", "member", status, LocalDate.parse("2026-12-31"), 1,
                Standing.Source.MEMBERSHIP_SERVICE);

        assertThat(standing.isInGoodStanding()).isEqualTo(inGoodStanding);
    }

    @ParameterizedTest
    @CsvSource({"ACTIVE,true", "GRACE,true", "SUSPENDED,true", "LAPSED,false", "TERMINATED,false", ",false"})
    void aSuspendedMemberIsStillACurrentMemberButALapsedOneIsNot(String status, boolean current) {
        Standing standing = new Standing("lighting", "ent-1", "LIGHT-2026-0001", "Opal Lighting", "member", status, LocalDate.parse("2026-12-31"), 1,
                Standing.Source.LOCAL_PROJECTION);

        assertThat(standing.isCurrentMember()).isEqualTo(current);
    }
}
