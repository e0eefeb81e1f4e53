package com.brandcluster.salons.consultation;

import com.brandcluster.platform.web.DomainException;
import org.springframework.http.HttpStatus;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * An enterprise's consultation hours in one membership year, in minutes: what its tier allows and what its PENDING
 * and CONFIRMED (and late-cancelled, completed, no-show) bookings use.
 */
record HoursAllowance(int limitMinutes, int usedMinutes) {

    static HoursAllowance ofHours(int hoursPerYear, int usedMinutes) {
        return new HoursAllowance(Math.max(0, hoursPerYear) * 60, usedMinutes);
    }

    int remainingMinutes() {
        return Math.max(0, limitMinutes - usedMinutes);
    }

    /** Whether a booking of this many minutes fits. */
    boolean allows(int minutes) {
        return usedMinutes + minutes <= limitMinutes;
    }

    /** Hours as people say them: {@code 1.5}, {@code 10}, {@code 0.25}. */
    static String hours(int minutes) {
        return BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 2, RoundingMode.DOWN).stripTrailingZeros()
                .toPlainString();
    }

    /** 422 for a booking beyond the allowance, saying how much is left. */
    DomainException exceeded(int requestedMinutes, LocalDate yearEnds) {
        return new Exceeded(this, requestedMinutes, yearEnds);
    }

    private static final class Exceeded extends DomainException {

        Exceeded(HoursAllowance allowance, int requestedMinutes, LocalDate yearEnds) {
            super(HttpStatus.UNPROCESSABLE_CONTENT, "consultation-hours-exceeded", "Consultation hours exceeded",
                    "The enterprise has " + hours(allowance.remainingMinutes()) + " of its "
                            + hours(allowance.limitMinutes()) + " consultation hours left"
                            + (yearEnds == null ? "" : " in the membership year ending " + yearEnds)
                            + "; this consultation takes " + requestedMinutes + " minutes.");
            withProperty("remainingMinutes", allowance.remainingMinutes());
            withProperty("remainingHours", new BigDecimal(hours(allowance.remainingMinutes())));
            withProperty("hoursPerYear", allowance.limitMinutes() / 60);
            withProperty("requestedMinutes", requestedMinutes);
            if (yearEnds != null) {
                withProperty("membershipYearEnds", yearEnds.toString());
            }
        }
    }
}
