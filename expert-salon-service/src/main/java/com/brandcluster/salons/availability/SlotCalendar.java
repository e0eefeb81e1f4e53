package com.brandcluster.salons.availability;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The free slots of an expert: a pure function of their {@link AvailabilityRules}, their time zone, the intervals
 * already taken (booked sessions, as UTC instants, without their buffers) and the current instant.
 * <p>
 * Slots are generated per local date of the EXPERT's zone, on a grid that starts at each window's start and steps
 * by the slot length in wall-clock time, so a 09:00-12:00 window gives 09:00, 10:00 and 11:00 local on both sides
 * of a DST change. Around a change:
 * <ul>
 *     <li>a slot whose local start does not exist (the spring-forward gap) is skipped;</li>
 *     <li>a local start that exists twice (the fall-back overlap) is taken once, at its EARLIER offset (the first
 *     occurrence), so the repeated hour is not offered twice;</li>
 *     <li>a slot lasts its length in real time; it must end by the window's end (resolved at its later offset in an
 *     overlap) and must not overlap the previous slot (which can happen when a grid step spans the gap).</li>
 * </ul>
 * A slot is free when its start is in {@code [from, to)}, not before {@code now} plus the minimum notice, and its
 * buffered span {@code [start - before, end + after)} does not overlap the buffered span of a taken interval; and
 * its local date has fewer taken intervals (each counts as one session, by its start's local date) than the daily
 * maximum. Buffers separate sessions from sessions, not from window edges. Callers pass the taken intervals of the
 * local days touched by the range (a day either side is enough).
 */
public final class SlotCalendar {

    /** A taken span of time, {@code [start, end)}, in UTC. */
    public record Interval(Instant start, Instant end) {

        public Interval {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
            if (!end.isAfter(start)) {
                throw new IllegalArgumentException("An interval ends after it starts");
            }
        }
    }

    /** A free slot, {@code [start, end)}, in UTC. */
    public record Slot(Instant start, Instant end) {
    }

    private final AvailabilityRules rules;
    private final ZoneId zone;

    public SlotCalendar(AvailabilityRules rules, ZoneId zone) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    public AvailabilityRules rules() {
        return rules;
    }

    public ZoneId zone() {
        return zone;
    }

    public List<Slot> freeSlots(Instant from, Instant to, List<Interval> taken, Instant now) {
        List<Slot> slots = new ArrayList<>();
        if (!to.isAfter(from)) {
            return slots;
        }
        Duration length = rules.slotLength();
        Instant earliest = now.plus(rules.minimumNotice());
        Instant lastEnd = Instant.MIN;
        LocalDate last = to.atZone(zone).toLocalDate();
        for (LocalDate date = from.atZone(zone).toLocalDate(); !date.isAfter(last); date = date.plusDays(1)) {
            if (dayIsFull(date, taken)) {
                continue;
            }
            for (AvailabilityRules.TimeWindow window : rules.windowsOn(date)) {
                Instant windowEnd = endOf(date, window);
                for (int minute = window.startMinute(); minute + rules.slotMinutes() <= window.endMinute();
                     minute += rules.slotMinutes()) {
                    LocalDateTime local = date.atStartOfDay().plusMinutes(minute);
                    if (zone.getRules().getValidOffsets(local).isEmpty()) {
                        continue; // the spring-forward gap: this wall-clock time does not exist
                    }
                    Instant start = ZonedDateTime.ofLocal(local, zone, null).withEarlierOffsetAtOverlap().toInstant();
                    Instant end = start.plus(length);
                    if (end.isAfter(windowEnd) || start.isBefore(lastEnd)) {
                        continue;
                    }
                    lastEnd = end;
                    if (!start.isBefore(from) && start.isBefore(to) && !start.isBefore(earliest)
                            && isClear(start, end, taken)) {
                        slots.add(new Slot(start, end));
                    }
                }
            }
        }
        return slots;
    }

    /** The free slot that starts at this instant, if there is one (on the grid, free, with enough notice). */
    public Optional<Slot> freeSlotAt(Instant start, List<Interval> taken, Instant now) {
        return freeSlots(start, start.plusNanos(1), taken, now).stream().findFirst();
    }

    private Instant endOf(LocalDate date, AvailabilityRules.TimeWindow window) {
        LocalDateTime end = window.endMinute() == 24 * 60 ? date.plusDays(1).atStartOfDay() : date.atTime(window.end());
        return ZonedDateTime.of(end, zone).withLaterOffsetAtOverlap().toInstant();
    }

    private boolean dayIsFull(LocalDate date, List<Interval> taken) {
        Integer max = rules.maxSessionsPerDay();
        if (max == null) {
            return false;
        }
        long sessions = taken.stream().filter(i -> i.start().atZone(zone).toLocalDate().equals(date)).count();
        return sessions >= max;
    }

    private boolean isClear(Instant start, Instant end, List<Interval> taken) {
        Instant paddedStart = start.minus(rules.bufferBefore());
        Instant paddedEnd = end.plus(rules.bufferAfter());
        for (Interval interval : taken) {
            Instant takenStart = interval.start().minus(rules.bufferBefore());
            Instant takenEnd = interval.end().plus(rules.bufferAfter());
            if (paddedStart.isBefore(takenEnd) && takenStart.isBefore(paddedEnd)) {
                return false;
            }
        }
        return true;
    }
}
