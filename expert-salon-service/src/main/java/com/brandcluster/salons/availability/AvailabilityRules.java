package com.brandcluster.salons.availability;

import com.brandcluster.platform.web.UnprocessableException;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * When an expert takes consultations, in wall-clock terms of their own time zone: weekly windows, date overrides
 * (a date with its own windows, or none: a day off), the slot length, the buffers kept free before and after each
 * session, the minimum notice before a slot can be booked, and the most sessions in one (local) day (null: no
 * limit). Windows lie within one day; an end of {@code 00:00} means midnight at the end of the day.
 */
@NullMarked
public record AvailabilityRules(List<WeeklyWindow> weekly, List<DateOverride> overrides, int slotMinutes,
                                int bufferBeforeMinutes, int bufferAfterMinutes, int minimumNoticeMinutes,
                                @Nullable Integer maxSessionsPerDay) {

    public AvailabilityRules {
        weekly = List.copyOf(Objects.requireNonNullElse(weekly, List.of()));
        overrides = List.copyOf(Objects.requireNonNullElse(overrides, List.of()));
    }

    /** A local time range within a day; {@code end} {@code 00:00} is the end of the day. */
    public record TimeWindow(LocalTime start, LocalTime end) {

        int startMinute() {
            return start.toSecondOfDay() / 60;
        }

        int endMinute() {
            return end.equals(LocalTime.MIDNIGHT) ? 24 * 60 : end.toSecondOfDay() / 60;
        }
    }

    public record WeeklyWindow(DayOfWeek day, LocalTime start, LocalTime end) {

        TimeWindow window() {
            return new TimeWindow(start, end);
        }
    }

    /** A date with its own windows; no windows: a day off. */
    public record DateOverride(LocalDate date, List<TimeWindow> windows) {

        public DateOverride {
            windows = List.copyOf(Objects.requireNonNullElse(windows, List.of()));
        }
    }

    public Duration slotLength() {
        return Duration.ofMinutes(slotMinutes);
    }

    public Duration bufferBefore() {
        return Duration.ofMinutes(bufferBeforeMinutes);
    }

    public Duration bufferAfter() {
        return Duration.ofMinutes(bufferAfterMinutes);
    }

    public Duration minimumNotice() {
        return Duration.ofMinutes(minimumNoticeMinutes);
    }

    /** The windows of a local date, sorted: its override's when it has one, else its weekday's. */
    List<TimeWindow> windowsOn(LocalDate date) {
        Optional<DateOverride> override = overrides.stream().filter(o -> o.date().equals(date)).findFirst();
        List<TimeWindow> windows = override.map(DateOverride::windows).orElseGet(() -> weekly.stream()
                .filter(w -> w.day() == date.getDayOfWeek()).map(WeeklyWindow::window).toList());
        return windows.stream().sorted(Comparator.comparing(TimeWindow::startMinute)).toList();
    }

    /**
     * The rules the field-by-field validation cannot see: every window starts before it ends, on whole minutes;
     * the windows of one weekday or of one override do not overlap; a date has one override at most. 422 otherwise.
     */
    public AvailabilityRules checked() {
        for (DayOfWeek day : DayOfWeek.values()) {
            checkWindows(weekly.stream().filter(w -> w.day() == day).map(WeeklyWindow::window).toList(),
                    day.toString());
        }
        Set<LocalDate> dates = new HashSet<>();
        for (DateOverride override : overrides) {
            if (!dates.add(override.date())) {
                throw new UnprocessableException("duplicate-override", "Duplicate date override",
                        "The date " + override.date() + " has more than one override.");
            }
            checkWindows(override.windows(), override.date().toString());
        }
        return this;
    }

    private static void checkWindows(List<TimeWindow> windows, String where) {
        List<TimeWindow> sorted = new ArrayList<>(windows);
        sorted.sort(Comparator.comparing(TimeWindow::startMinute));
        for (TimeWindow w : sorted) {
            if (w.start().getSecond() != 0 || w.start().getNano() != 0 || w.end().getSecond() != 0
                    || w.end().getNano() != 0 || w.startMinute() >= w.endMinute()) {
                throw new UnprocessableException("invalid-window", "Invalid window",
                        "The window " + w.start() + "-" + w.end() + " on " + where
                                + " must start before it ends, on whole minutes (an end of 00:00 is midnight).");
            }
        }
        for (int i = 1; i < sorted.size(); i++) {
            TimeWindow previous = sorted.get(i - 1);
            TimeWindow next = sorted.get(i);
            if (next.startMinute() < previous.endMinute()) {
                throw new UnprocessableException("overlapping-windows", "Overlapping windows",
                        "The windows " + previous.start() + "-" + previous.end() + " and " + next.start() + "-"
                                + next.end() + " on " + where + " overlap.");
            }
        }
    }
}
