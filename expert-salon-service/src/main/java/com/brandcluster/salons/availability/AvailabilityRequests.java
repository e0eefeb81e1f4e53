package com.brandcluster.salons.availability;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;

@NullMarked
final class AvailabilityRequests {

    private AvailabilityRequests() {
    }

    record WindowInput(@NotNull LocalTime start, @NotNull LocalTime end) {
    }

    record WeeklyWindowInput(@NotNull DayOfWeek day, @NotNull LocalTime start, @NotNull LocalTime end) {
    }

    /** A date with its own windows; {@code "windows": []} makes it a day off. */
    record OverrideInput(@NotNull LocalDate date, @NotNull @Size(max = 10) List<@Valid @NotNull WindowInput> windows) {
    }

    /**
     * The whole availability of an expert, in wall-clock terms of their profile's time zone, with how they take
     * bookings ({@code autoConfirm} false and a cut-off of 24 hours when left out).
     */
    record AvailabilityInput(
            @NotNull @Size(max = 70) List<@Valid @NotNull WeeklyWindowInput> weekly,
            @Size(max = 400) @Nullable List<@Valid @NotNull OverrideInput> overrides,
            @NotNull @Min(15) @Max(240) Integer slotMinutes,
            @Min(0) @Max(240) @Nullable Integer bufferBeforeMinutes,
            @Min(0) @Max(240) @Nullable Integer bufferAfterMinutes,
            @Min(0) @Max(43_200) @Nullable Integer minimumNoticeMinutes,
            @Min(1) @Max(96) @Nullable Integer maxSessionsPerDay,
            @Nullable Boolean autoConfirm,
            @Min(0) @Max(43_200) @Nullable Integer cancellationCutoffMinutes) {

        AvailabilityRules rules() {
            return new AvailabilityRules(
                    weekly.stream().map(w -> new AvailabilityRules.WeeklyWindow(w.day(), w.start(), w.end())).toList(),
                    Objects.requireNonNullElse(overrides, List.<OverrideInput>of()).stream()
                            .map(o -> new AvailabilityRules.DateOverride(o.date(), o.windows().stream()
                                    .map(w -> new AvailabilityRules.TimeWindow(w.start(), w.end())).toList()))
                            .toList(),
                    slotMinutes, orZero(bufferBeforeMinutes), orZero(bufferAfterMinutes),
                    orZero(minimumNoticeMinutes), maxSessionsPerDay);
        }

        BookingPolicy policy() {
            return BookingPolicy.of(autoConfirm, cancellationCutoffMinutes);
        }

        private static int orZero(@Nullable Integer value) {
            return value == null ? 0 : value;
        }
    }

    record AvailabilityView(String expertId, String timeZone, List<AvailabilityRules.WeeklyWindow> weekly,
                            List<AvailabilityRules.DateOverride> overrides, int slotMinutes, int bufferBeforeMinutes,
                            int bufferAfterMinutes, int minimumNoticeMinutes, @Nullable Integer maxSessionsPerDay,
                            boolean autoConfirm, long cancellationCutoffMinutes, Instant updatedAt) {

        static AvailabilityView of(Availability availability, String timeZone) {
            AvailabilityRules r = availability.rules();
            BookingPolicy policy = availability.policy();
            return new AvailabilityView(availability.expertId(), timeZone, r.weekly(), r.overrides(), r.slotMinutes(),
                    r.bufferBeforeMinutes(), r.bufferAfterMinutes(), r.minimumNoticeMinutes(), r.maxSessionsPerDay(),
                    policy.autoConfirm(), policy.cancellationCutoff().toMinutes(), availability.updatedAt());
        }
    }

    /** The free slots of {@code [from, to)}: instants in UTC, local times in {@code timeZone} (the caller's). */
    record SlotsView(String expertId, String expertTimeZone, String timeZone, Instant from, Instant to,
                     int slotMinutes, List<SlotView> slots) {
    }
}
