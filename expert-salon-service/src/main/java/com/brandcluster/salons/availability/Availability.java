package com.brandcluster.salons.availability;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * An expert's availability, one document per expert (its id is the expert's id), replaced whole by each PUT: the
 * last write wins, which is what a PUT of the whole schedule means. Local times and dates are stored as ISO strings
 * (never as BSON dates, which would drag a zone into wall-clock values).
 */
@Document("availability")
class Availability {

    @Id
    private final String expertId;
    private final List<Weekly> weekly;
    private final List<Override> overrides;
    private final int slotMinutes;
    private final int bufferBeforeMinutes;
    private final int bufferAfterMinutes;
    private final int minimumNoticeMinutes;
    private final Integer maxSessionsPerDay;
    /** Null in documents written before the booking policy existed: the defaults apply. */
    private final Boolean autoConfirm;
    private final Integer cancellationCutoffMinutes;
    private final Instant updatedAt;

    record Weekly(DayOfWeek day, String start, String end) {
    }

    record Window(String start, String end) {
    }

    record Override(String date, List<Window> windows) {
    }

    @PersistenceCreator
    Availability(String expertId, List<Weekly> weekly, List<Override> overrides, int slotMinutes,
                 int bufferBeforeMinutes, int bufferAfterMinutes, int minimumNoticeMinutes,
                 Integer maxSessionsPerDay, Boolean autoConfirm, Integer cancellationCutoffMinutes,
                 Instant updatedAt) {
        this.expertId = expertId;
        this.weekly = weekly == null ? List.of() : List.copyOf(weekly);
        this.overrides = overrides == null ? List.of() : List.copyOf(overrides);
        this.slotMinutes = slotMinutes;
        this.bufferBeforeMinutes = bufferBeforeMinutes;
        this.bufferAfterMinutes = bufferAfterMinutes;
        this.minimumNoticeMinutes = minimumNoticeMinutes;
        this.maxSessionsPerDay = maxSessionsPerDay;
        this.autoConfirm = autoConfirm;
        this.cancellationCutoffMinutes = cancellationCutoffMinutes;
        this.updatedAt = updatedAt;
    }

    /** The availability of these rules and this policy, checked (422 for invalid or overlapping windows). */
    static Availability of(String expertId, AvailabilityRules rules, BookingPolicy policy, Instant now) {
        rules.checked();
        return new Availability(expertId,
                rules.weekly().stream().map(w -> new Weekly(w.day(), w.start().toString(), w.end().toString())).toList(),
                rules.overrides().stream().map(o -> new Override(o.date().toString(), o.windows().stream()
                        .map(w -> new Window(w.start().toString(), w.end().toString())).toList())).toList(),
                rules.slotMinutes(), rules.bufferBeforeMinutes(), rules.bufferAfterMinutes(),
                rules.minimumNoticeMinutes(), rules.maxSessionsPerDay(), policy.autoConfirm(),
                Math.toIntExact(policy.cancellationCutoff().toMinutes()), now);
    }

    AvailabilityRules rules() {
        return new AvailabilityRules(
                weekly.stream().map(w -> new AvailabilityRules.WeeklyWindow(w.day(), LocalTime.parse(w.start()),
                        LocalTime.parse(w.end()))).toList(),
                overrides.stream().map(o -> new AvailabilityRules.DateOverride(LocalDate.parse(o.date()),
                        o.windows().stream().map(w -> new AvailabilityRules.TimeWindow(LocalTime.parse(w.start()),
                                LocalTime.parse(w.end()))).toList())).toList(),
                slotMinutes, bufferBeforeMinutes, bufferAfterMinutes, minimumNoticeMinutes, maxSessionsPerDay);
    }

    BookingPolicy policy() {
        return BookingPolicy.of(autoConfirm, cancellationCutoffMinutes);
    }

    String expertId() {
        return expertId;
    }

    Instant updatedAt() {
        return updatedAt;
    }
}
