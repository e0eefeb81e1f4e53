package com.brandcluster.membership.officer;

import com.brandcluster.platform.web.ConflictException;
import com.brandcluster.platform.web.UnprocessableException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class OfficerSlateTest {

    private static final LocalDate START = LocalDate.parse("2026-01-01");
    private static final LocalDate END = LocalDate.parse("2028-12-31");
    private static final Instant AT = Instant.parse("2026-01-05T02:00:00Z");

    private static Officer officer(Seat seat, String enterpriseId) {
        return new Officer(seat, enterpriseId, "Name of " + enterpriseId, "Person of " + enterpriseId, START, END);
    }

    private static List<Officer> fullSlate() {
        return List.of(officer(Seat.DIRECTOR, "ent-d1"), officer(Seat.CHAIRMAN, "ent-c"),
                officer(Seat.VICE_CHAIRMAN, "ent-v1"), officer(Seat.VICE_CHAIRMAN, "ent-v2"),
                officer(Seat.SECRETARY_GENERAL, "ent-s"), officer(Seat.DIRECTOR, "ent-d2"));
    }

    @Test
    void aNewClusterHasAnEmptySlateAtVersionZero() {
        OfficerSlate slate = OfficerSlate.empty("lighting");

        assertThat(slate.current()).isEmpty();
        assertThat(slate.version()).isZero();
        assertThat(slate.currentVersion()).isNull();
        assertThat(slate.history()).isEmpty();
    }

    @Test
    void acceptsOneChairmanOneSecretaryGeneralAndSeveralViceChairmenAndDirectorsInSeatOrder() {
        OfficerSlate slate = OfficerSlate.empty("lighting");

        slate.replace(fullSlate(), null, "secretary-1", "li.hua", "elected at the 2026 plenary", AT);

        assertThat(slate.version()).isEqualTo(1);
        assertThat(slate.current()).extracting(Officer::seat).containsExactly(Seat.CHAIRMAN, Seat.VICE_CHAIRMAN,
                Seat.VICE_CHAIRMAN, Seat.SECRETARY_GENERAL, Seat.DIRECTOR, Seat.DIRECTOR);
        assertThat(slate.currentVersion().setBy()).isEqualTo("secretary-1");
        assertThat(slate.currentVersion().reason()).isEqualTo("elected at the 2026 plenary");
    }

    @Test
    void replacingKeepsThePreviousSlatesNewestFirst() {
        OfficerSlate slate = OfficerSlate.empty("lighting");
        slate.replace(fullSlate(), null, "secretary-1", "li.hua", null, AT);

        slate.replace(List.of(officer(Seat.CHAIRMAN, "ent-v1")), 1L, "secretary-2", "wang.fang", "re-election",
                AT.plusSeconds(3600));

        assertThat(slate.version()).isEqualTo(2);
        assertThat(slate.current()).extracting(Officer::enterpriseId).containsExactly("ent-v1");
        assertThat(slate.history()).extracting(OfficerSlate.SlateVersion::number).containsExactly(2L, 1L);
        assertThat(slate.history().get(1).officers()).hasSize(6);
        assertThat(slate.history().get(1).setBy()).isEqualTo("secretary-1");
    }

    @Test
    void anEmptySlateClearsTheOfficersAndIsKeptInTheHistory() {
        OfficerSlate slate = OfficerSlate.empty("lighting");
        slate.replace(fullSlate(), null, "secretary-1", "li.hua", null, AT);

        slate.replace(List.of(), null, "secretary-1", "li.hua", "dissolved board", AT.plusSeconds(60));

        assertThat(slate.current()).isEmpty();
        assertThat(slate.version()).isEqualTo(2);
    }

    @Test
    void refusesASecondChairman() {
        OfficerSlate slate = OfficerSlate.empty("lighting");

        assertThatExceptionOfType(UnprocessableException.class)
                .isThrownBy(() -> slate.replace(List.of(officer(Seat.CHAIRMAN, "ent-a"), officer(Seat.CHAIRMAN, "ent-b")),
                        null, "secretary-1", "li.hua", null, AT))
                .satisfies(e -> assertThat(e.type()).isEqualTo("seat-held-twice"));
        assertThat(slate.version()).isZero();
    }

    @Test
    void refusesASecondSecretaryGeneral() {
        assertThatExceptionOfType(UnprocessableException.class)
                .isThrownBy(() -> OfficerSlate.check(List.of(officer(Seat.SECRETARY_GENERAL, "ent-a"),
                        officer(Seat.SECRETARY_GENERAL, "ent-b"))))
                .satisfies(e -> assertThat(e.type()).isEqualTo("seat-held-twice"));
    }

    @Test
    void refusesATermThatDoesNotEndAfterItStarts() {
        Officer backwards = new Officer(Seat.DIRECTOR, "ent-a", "A", "Zhang Wei", END, START);
        Officer oneInstant = new Officer(Seat.DIRECTOR, "ent-b", "B", "Zhang Wei", START, START);

        for (Officer officer : List.of(backwards, oneInstant)) {
            assertThatExceptionOfType(UnprocessableException.class)
                    .isThrownBy(() -> OfficerSlate.check(List.of(officer)))
                    .satisfies(e -> assertThat(e.type()).isEqualTo("invalid-term"));
        }
    }

    @Test
    void refusesAnEnterpriseListedTwiceForOverlappingTerms() {
        Officer director = new Officer(Seat.DIRECTOR, "ent-a", "A", "Zhang Wei", START, END);
        Officer sameSeatAgain = new Officer(Seat.DIRECTOR, "ent-a", "A", "Chen Jie", END, END.plusYears(2));
        Officer otherSeat = new Officer(Seat.VICE_CHAIRMAN, "ent-a", "A", "Zhang Wei", START.plusMonths(6),
                END.plusYears(1));

        assertThatExceptionOfType(UnprocessableException.class)
                .isThrownBy(() -> OfficerSlate.check(List.of(director, sameSeatAgain)))
                .satisfies(e -> assertThat(e.type()).isEqualTo("duplicate-officer"));
        assertThatExceptionOfType(UnprocessableException.class)
                .isThrownBy(() -> OfficerSlate.check(List.of(director, otherSeat)))
                .satisfies(e -> assertThat(e.type()).isEqualTo("duplicate-officer"));
    }

    @Test
    void acceptsTheSameEnterpriseInConsecutiveTerms() {
        Officer director = new Officer(Seat.DIRECTOR, "ent-a", "A", "Zhang Wei", START, END);
        Officer thenViceChairman = new Officer(Seat.VICE_CHAIRMAN, "ent-a", "A", "Zhang Wei", END.plusDays(1),
                END.plusYears(3));
        OfficerSlate slate = OfficerSlate.empty("lighting");

        slate.replace(List.of(director, thenViceChairman), null, "secretary-1", "li.hua", null, AT);

        assertThat(slate.current()).hasSize(2);
    }

    @Test
    void refusesToReplaceASlateThatChangedSinceTheCallerReadIt() {
        OfficerSlate slate = OfficerSlate.empty("lighting");
        slate.replace(fullSlate(), null, "secretary-1", "li.hua", null, AT);

        assertThatExceptionOfType(ConflictException.class)
                .isThrownBy(() -> slate.replace(List.of(), 0L, "secretary-2", "wang.fang", null, AT))
                .satisfies(e -> assertThat(e.properties()).containsEntry("currentState", "1"));
        assertThat(slate.version()).isEqualTo(1);
        assertThat(slate.current()).hasSize(6);
    }
}
