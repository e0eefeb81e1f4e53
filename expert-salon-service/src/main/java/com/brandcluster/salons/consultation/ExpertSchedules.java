package com.brandcluster.salons.consultation;

import com.brandcluster.platform.web.UnprocessableException;
import com.brandcluster.salons.availability.Availabilities;
import com.brandcluster.salons.availability.AvailabilityRules;
import com.brandcluster.salons.availability.BookingPolicy;
import com.brandcluster.salons.availability.SlotCalendar;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An expert's bookable time as consultations see it: their slot calendar with its booking policy, and the check that
 * a requested start is one of their free slots, saying precisely why not when it is not (a 422 for a start that can
 * never be booked, a 409 for one that is taken).
 */
@Component
class ExpertSchedules {

    private final Availabilities availabilities;

    ExpertSchedules(Availabilities availabilities) {
        this.availabilities = availabilities;
    }

    record Schedule(SlotCalendar calendar, BookingPolicy policy) {
    }

    /** The expert's schedule; 422 when they have not set an availability (404 for an unknown expert). */
    Schedule of(String expertId) {
        return availabilities.calendarOf(expertId)
                .flatMap(calendar -> availabilities.bookingPolicyOf(expertId)
                        .map(policy -> new Schedule(calendar, policy)))
                .orElseThrow(() -> new UnprocessableException("expert-not-bookable", "Expert takes no bookings",
                        "The expert has not set when they take consultations yet."));
    }

    /**
     * The free slot starting at {@code start}, leaving out the consultation's own time ({@code own}, when it is being
     * moved).
     *
     * @throws UnprocessableException 422 {@code slot-in-past}, {@code slot-too-soon} (inside the minimum notice) or
     *                                {@code not-a-slot} (outside the availability or off the slot grid)
     * @throws com.brandcluster.platform.web.ConflictException 409 {@code slot-taken} or {@code expert-day-full}
     */
    SlotCalendar.Slot requireFreeSlot(String expertId, Schedule schedule, Instant start, SlotCalendar.Interval own,
                                      Instant now) {
        SlotCalendar calendar = schedule.calendar();
        AvailabilityRules rules = calendar.rules();
        if (!start.isAfter(now)) {
            throw new UnprocessableException("slot-in-past", "Slot in the past",
                    "The slot at " + start + " is not in the future.");
        }
        if (start.isBefore(now.plus(rules.minimumNotice()))) {
            throw new UnprocessableException("slot-too-soon", "Slot too soon",
                    "The expert takes bookings at least " + rules.minimumNoticeMinutes()
                            + " minutes ahead; the slot at " + start + " is sooner.");
        }
        SlotCalendar.Slot slot = calendar.freeSlotAt(start, List.of(), now).orElseThrow(() ->
                new UnprocessableException("not-a-slot", "Not one of the expert's slots",
                        "The expert offers no slot starting at " + start + ": it is outside their availability or "
                                + "not on their " + rules.slotMinutes() + "-minute slot grid (see their free slots)."));
        List<SlotCalendar.Interval> taken = new ArrayList<>(availabilities.taken(expertId, slot.start(), slot.end()));
        if (own != null) {
            taken.remove(own);
        }
        if (calendar.freeSlotAt(start, taken, now).isEmpty()) {
            boolean overlaps = taken.stream()
                    .anyMatch(t -> ExpertDays.overlap(t.start(), t.end(), slot.start(), slot.end(), rules));
            throw overlaps || rules.maxSessionsPerDay() == null ? ConsultationProblems.slotTaken(start)
                    : ConsultationProblems.dayFull(start.atZone(calendar.zone()).toLocalDate(),
                    rules.maxSessionsPerDay());
        }
        return slot;
    }
}
