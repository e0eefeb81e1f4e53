package com.brandcluster.salons.consultation;

import com.brandcluster.platform.web.DomainException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class HoursAllowanceTest {

    @Test
    void aBookingFitsWhileUsedPlusItsMinutesStayWithinTheTiersHours() {
        HoursAllowance allowance = HoursAllowance.ofHours(2, 60);

        assertThat(allowance.limitMinutes()).isEqualTo(120);
        assertThat(allowance.remainingMinutes()).isEqualTo(60);
        assertThat(allowance.allows(60)).isTrue();
        assertThat(allowance.allows(61)).isFalse();
        assertThat(HoursAllowance.ofHours(0, 0).allows(15)).isFalse();
        assertThat(HoursAllowance.ofHours(1, 90).remainingMinutes()).as("never negative").isZero();
    }

    @Test
    void hoursAreSaidAsPeopleSayThem() {
        assertThat(HoursAllowance.hours(90)).isEqualTo("1.5");
        assertThat(HoursAllowance.hours(600)).isEqualTo("10");
        assertThat(HoursAllowance.hours(15)).isEqualTo("0.25");
        assertThat(HoursAllowance.hours(20)).isEqualTo("0.33");
        assertThat(HoursAllowance.hours(0)).isEqualTo("0");
    }

    @Test
    void theRefusalSaysHowMuchRemains() {
        DomainException refusal = HoursAllowance.ofHours(10, 570).exceeded(60, LocalDate.parse("2027-03-17"));

        assertThat(refusal.status().value()).isEqualTo(422);
        assertThat(refusal.type()).isEqualTo("consultation-hours-exceeded");
        assertThat(refusal.detail()).isEqualTo("The enterprise has 0.5 of its 10 consultation hours left in the "
                + "membership year ending 2027-03-17; this consultation takes 60 minutes.");
        assertThat(refusal.properties()).containsEntry("remainingMinutes", 30)
                .containsEntry("remainingHours", new BigDecimal("0.5"))
                .containsEntry("hoursPerYear", 10)
                .containsEntry("requestedMinutes", 60)
                .containsEntry("membershipYearEnds", "2027-03-17");
    }
}
