package com.brandcluster.membership.officer;

import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;

/**
 * One officer of a slate: a seat held by a member enterprise through a named person for a term. The enterprise's
 * name is kept as it was when the slate was set, so past slates read as they were.
 */
@NullMarked
record Officer(Seat seat, String enterpriseId, @Nullable String enterpriseName, String person, LocalDate termStart,
               LocalDate termEnd) {

    /** Whether the two terms share at least one day (terms include both their start and their end day). */
    boolean overlaps(Officer other) {
        return !termStart.isAfter(other.termEnd) && !other.termStart.isAfter(termEnd);
    }
}
