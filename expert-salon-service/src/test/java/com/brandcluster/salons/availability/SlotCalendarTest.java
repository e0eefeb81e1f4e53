package com.brandcluster.salons.availability;

import com.brandcluster.platform.web.UnprocessableException;
import com.brandcluster.salons.availability.AvailabilityRules.DateOverride;
import com.brandcluster.salons.availability.AvailabilityRules.TimeWindow;
import com.brandcluster.salons.availability.AvailabilityRules.WeeklyWindow;
import com.brandcluster.salons.availability.SlotCalendar.Interval;
import com.brandcluster.salons.availability.SlotCalendar.Slot;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SlotCalendarTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant LONG_AGO = Instant.parse("2026-01-01T00:00:00Z");

    private static WeeklyWindow window(DayOfWeek day, String start, String end) {
        return new WeeklyWindow(day, LocalTime.parse(start), LocalTime.parse(end));
    }

    private static List<WeeklyWindow> everyDay(String start, String end) {
        return Arrays.stream(DayOfWeek.values()).map(d -> window(d, start, end)).toList();
    }

    private static AvailabilityRules rules(List<WeeklyWindow> weekly, int slotMinutes) {
        return new AvailabilityRules(weekly, List.of(), slotMinutes, 0, 0, 0, null);
    }

    private static List<Instant> starts(List<Slot> slots) {
        return slots.stream().map(Slot::start).toList();
    }

    private static List<Instant> instants(String... values) {
        return Arrays.stream(values).map(Instant::parse).toList();
    }

    private static List<String> localStarts(List<Slot> slots, ZoneId zone) {
        return slots.stream().map(s -> s.start().atZone(zone).toLocalDateTime().toString()).toList();
    }

    private static List<Slot> slots(AvailabilityRules rules, ZoneId zone, String from, String to) {
        return new SlotCalendar(rules, zone).freeSlots(Instant.parse(from), Instant.parse(to), List.of(), LONG_AGO);
    }

    @Nested
    class EuropeBerlin {

        @Test
        void morningWindowStaysNineToTwelveLocalAcrossSpringForward() {
            List<Slot> slots = slots(rules(everyDay("09:00", "12:00"), 60), BERLIN,
                    "2026-03-28T00:00:00Z", "2026-03-30T00:00:00Z");

            assertThat(starts(slots)).containsExactlyElementsOf(instants(
                    "2026-03-28T08:00:00Z", "2026-03-28T09:00:00Z", "2026-03-28T10:00:00Z",
                    "2026-03-29T07:00:00Z", "2026-03-29T08:00:00Z", "2026-03-29T09:00:00Z"));
            assertThat(localStarts(slots, BERLIN)).containsExactly(
                    "2026-03-28T09:00", "2026-03-28T10:00", "2026-03-28T11:00",
                    "2026-03-29T09:00", "2026-03-29T10:00", "2026-03-29T11:00");
        }

        @Test
        void windowSpanningTheSpringForwardGapSkipsTheMissingHour() {
            List<Slot> slots = slots(rules(List.of(window(DayOfWeek.SUNDAY, "01:00", "04:00")), 60), BERLIN,
                    "2026-03-28T12:00:00Z", "2026-03-29T12:00:00Z");

            // 01:00 CET and 03:00 CEST; 02:00 does not exist on 29 March in Berlin
            assertThat(starts(slots)).containsExactlyElementsOf(instants("2026-03-29T00:00:00Z", "2026-03-29T01:00:00Z"));
            assertThat(slots.get(0).end()).isEqualTo(Instant.parse("2026-03-29T01:00:00Z"));
        }

        @Test
        void gridStepsAcrossTheGapNeverGiveOverlappingSlots() {
            List<Slot> slots = slots(rules(List.of(window(DayOfWeek.SUNDAY, "01:00", "04:00")), 45), BERLIN,
                    "2026-03-28T12:00:00Z", "2026-03-29T12:00:00Z");

            // grid 01:00, 01:45, 02:30 (gap), 03:15 CEST = 01:15Z would overlap 01:45 CET (00:45Z-01:30Z)
            assertThat(starts(slots)).containsExactlyElementsOf(instants("2026-03-29T00:00:00Z", "2026-03-29T00:45:00Z"));
        }

        @Test
        void morningWindowStaysNineToTwelveLocalAcrossFallBack() {
            List<Slot> slots = slots(rules(everyDay("09:00", "12:00"), 60), BERLIN,
                    "2026-10-24T00:00:00Z", "2026-10-26T00:00:00Z");

            assertThat(starts(slots)).containsExactlyElementsOf(instants(
                    "2026-10-24T07:00:00Z", "2026-10-24T08:00:00Z", "2026-10-24T09:00:00Z",
                    "2026-10-25T08:00:00Z", "2026-10-25T09:00:00Z", "2026-10-25T10:00:00Z"));
            assertThat(localStarts(slots, BERLIN)).containsExactly(
                    "2026-10-24T09:00", "2026-10-24T10:00", "2026-10-24T11:00",
                    "2026-10-25T09:00", "2026-10-25T10:00", "2026-10-25T11:00");
        }

        @Test
        void windowSpanningTheFallBackOverlapTakesTheRepeatedHourOnceAtItsEarlierOffset() {
            List<Slot> slots = slots(rules(List.of(window(DayOfWeek.SUNDAY, "01:00", "04:00")), 60), BERLIN,
                    "2026-10-24T12:00:00Z", "2026-10-25T12:00:00Z");

            // 01:00 CEST, 02:00 CEST (the first 02:00), 03:00 CET; the second 02:00 (CET, 01:00Z) is not offered
            assertThat(starts(slots)).containsExactlyElementsOf(instants(
                    "2026-10-24T23:00:00Z", "2026-10-25T00:00:00Z", "2026-10-25T02:00:00Z"));
        }
    }

    @Nested
    class AmericaNewYork {

        @Test
        void morningWindowStaysNineToTwelveLocalAcrossSpringForward() {
            List<Slot> slots = slots(rules(everyDay("09:00", "12:00"), 60), NEW_YORK,
                    "2026-03-07T12:00:00Z", "2026-03-09T00:00:00Z");

            assertThat(starts(slots)).containsExactlyElementsOf(instants(
                    "2026-03-07T14:00:00Z", "2026-03-07T15:00:00Z", "2026-03-07T16:00:00Z",
                    "2026-03-08T13:00:00Z", "2026-03-08T14:00:00Z", "2026-03-08T15:00:00Z"));
        }

        @Test
        void windowSpanningTheSpringForwardGapSkipsTheMissingHour() {
            List<Slot> slots = slots(rules(List.of(window(DayOfWeek.SUNDAY, "01:00", "04:00")), 60), NEW_YORK,
                    "2026-03-08T00:00:00Z", "2026-03-09T00:00:00Z");

            assertThat(starts(slots)).containsExactlyElementsOf(instants("2026-03-08T06:00:00Z", "2026-03-08T07:00:00Z"));
            assertThat(localStarts(slots, NEW_YORK)).containsExactly("2026-03-08T01:00", "2026-03-08T03:00");
        }

        @Test
        void morningWindowStaysNineToTwelveLocalAcrossFallBack() {
            List<Slot> slots = slots(rules(everyDay("09:00", "12:00"), 60), NEW_YORK,
                    "2026-10-31T12:00:00Z", "2026-11-02T00:00:00Z");

            assertThat(starts(slots)).containsExactlyElementsOf(instants(
                    "2026-10-31T13:00:00Z", "2026-10-31T14:00:00Z", "2026-10-31T15:00:00Z",
                    "2026-11-01T14:00:00Z", "2026-11-01T15:00:00Z", "2026-11-01T16:00:00Z"));
        }

        @Test
        void windowSpanningTheFallBackOverlapTakesTheRepeatedHourOnceAtItsEarlierOffset() {
            List<Slot> slots = slots(rules(List.of(window(DayOfWeek.SUNDAY, "01:00", "04:00")), 60), NEW_YORK,
                    "2026-11-01T00:00:00Z", "2026-11-02T00:00:00Z");

            // 01:00 EDT (first occurrence), 02:00 EST, 03:00 EST; the window is four real hours long
            assertThat(starts(slots)).containsExactlyElementsOf(instants(
                    "2026-11-01T05:00:00Z", "2026-11-01T07:00:00Z", "2026-11-01T08:00:00Z"));
            assertThat(localStarts(slots, NEW_YORK)).containsExactly(
                    "2026-11-01T01:00", "2026-11-01T02:00", "2026-11-01T03:00");
        }

        @Test
        void aViewerInAnotherZoneSeesTheSameInstantsInTheirLocalTime() {
            List<Slot> slots = slots(rules(everyDay("09:00", "12:00"), 60), BERLIN,
                    "2026-03-29T00:00:00Z", "2026-03-30T00:00:00Z");

            List<SlotView> views = slots.stream().map(s -> SlotView.of(s, NEW_YORK)).toList();

            // Berlin has just sprung forward (UTC+2) and New York did three weeks earlier (UTC-4): six hours apart
            assertThat(views.get(0).start()).isEqualTo(Instant.parse("2026-03-29T07:00:00Z"));
            assertThat(views.get(0).localStart().toString()).isEqualTo("2026-03-29T03:00-04:00");
            assertThat(views.get(2).localEnd().toString()).isEqualTo("2026-03-29T06:00-04:00");
        }
    }

    @Nested
    class AsiaShanghai {

        private final AvailabilityRules weekdays = new AvailabilityRules(List.of(
                window(DayOfWeek.MONDAY, "09:00", "12:00"), window(DayOfWeek.SATURDAY, "09:00", "12:00"),
                window(DayOfWeek.SUNDAY, "09:00", "12:00")), List.of(), 60, 0, 0, 0, null);

        @Test
        void slotsAreUnchangedWhenEuropeAndAmericaChangeTheirClocks() {
            for (String day : List.of("2026-03-08", "2026-03-29", "2026-10-25", "2026-11-01")) {
                List<Slot> slots = slots(weekdays, SHANGHAI, day + "T00:00:00Z", day + "T12:00:00Z");
                assertThat(starts(slots)).as(day).containsExactlyElementsOf(instants(
                        day + "T01:00:00Z", day + "T02:00:00Z", day + "T03:00:00Z"));
            }
        }
    }

    @Nested
    class TakenTimeAndLimits {

        // Monday 30 March 2026 in Shanghai (UTC+8): 09:00-12:00 local = 01:00Z-04:00Z, 30-minute slots
        private AvailabilityRules rules(int before, int after, int notice, Integer max) {
            return new AvailabilityRules(everyDay("09:00", "12:00"), List.of(), 30, before, after, notice, max);
        }

        private List<Slot> monday(AvailabilityRules rules, List<Interval> taken, String now) {
            return new SlotCalendar(rules, SHANGHAI).freeSlots(Instant.parse("2026-03-30T00:00:00Z"),
                    Instant.parse("2026-03-31T00:00:00Z"), taken, Instant.parse(now));
        }

        private static Interval taken(String start, String end) {
            return new Interval(Instant.parse(start), Instant.parse(end));
        }

        @Test
        void aTakenIntervalAndItsBuffersBlockTheSlotsAroundIt() {
            List<Slot> slots = monday(rules(15, 15, 0, null),
                    List.of(taken("2026-03-30T02:00:00Z", "2026-03-30T02:30:00Z")), "2026-03-01T00:00:00Z");

            // 10:00 is taken; 09:30 ends inside its 15-minute before-buffer, 10:30 starts inside its after-buffer
            assertThat(localStarts(slots, SHANGHAI)).containsExactly("2026-03-30T09:00", "2026-03-30T11:00",
                    "2026-03-30T11:30");
        }

        @Test
        void withoutBuffersOnlyTheTakenSlotIsBlocked() {
            List<Slot> slots = monday(rules(0, 0, 0, null),
                    List.of(taken("2026-03-30T02:00:00Z", "2026-03-30T02:30:00Z")), "2026-03-01T00:00:00Z");

            assertThat(localStarts(slots, SHANGHAI)).containsExactly("2026-03-30T09:00", "2026-03-30T09:30",
                    "2026-03-30T10:30", "2026-03-30T11:00", "2026-03-30T11:30");
        }

        @Test
        void theDailyMaximumClosesTheDayOnceReached() {
            List<Interval> two = List.of(taken("2026-03-30T01:00:00Z", "2026-03-30T01:30:00Z"),
                    taken("2026-03-30T03:30:00Z", "2026-03-30T04:00:00Z"));

            assertThat(monday(rules(0, 0, 0, 2), two, "2026-03-01T00:00:00Z")).isEmpty();
            assertThat(monday(rules(0, 0, 0, 3), two, "2026-03-01T00:00:00Z")).hasSize(4);
            assertThat(monday(rules(0, 0, 0, 1), List.of(), "2026-03-01T00:00:00Z")).hasSize(6);
        }

        @Test
        void theDailyMaximumCountsByTheExpertsLocalDay() {
            // 23:30 local on Sunday 29 March is 15:30Z; it does not count for Monday
            List<Slot> slots = monday(rules(0, 0, 0, 1),
                    List.of(taken("2026-03-29T15:30:00Z", "2026-03-29T16:00:00Z")), "2026-03-01T00:00:00Z");

            assertThat(slots).hasSize(6);
        }

        @Test
        void pastSlotsAndSlotsInsideTheMinimumNoticeAreNotOffered() {
            // now is 09:10 local; with an hour's notice the first bookable start is 10:10
            List<Slot> slots = monday(rules(0, 0, 60, null), List.of(), "2026-03-30T01:10:00Z");

            assertThat(localStarts(slots, SHANGHAI)).containsExactly("2026-03-30T10:30", "2026-03-30T11:00",
                    "2026-03-30T11:30");
        }

        @Test
        void aSlotStartingExactlyAtTheNoticeBoundaryIsOffered() {
            List<Slot> slots = monday(rules(0, 0, 60, null), List.of(), "2026-03-30T01:30:00Z");

            assertThat(localStarts(slots, SHANGHAI)).first().isEqualTo("2026-03-30T10:30");
        }

        @Test
        void theRangeIsHalfOpen() {
            List<Slot> slots = new SlotCalendar(rules(0, 0, 0, null), SHANGHAI).freeSlots(
                    Instant.parse("2026-03-30T01:30:00Z"), Instant.parse("2026-03-30T02:30:00Z"), List.of(), LONG_AGO);

            assertThat(localStarts(slots, SHANGHAI)).containsExactly("2026-03-30T09:30", "2026-03-30T10:00");
        }

        @Test
        void freeSlotAtAnswersOnlyForAFreeStartOnTheGrid() {
            SlotCalendar calendar = new SlotCalendar(rules(0, 0, 0, null), SHANGHAI);
            List<Interval> taken = List.of(taken("2026-03-30T02:00:00Z", "2026-03-30T02:30:00Z"));

            assertThat(calendar.freeSlotAt(Instant.parse("2026-03-30T01:30:00Z"), taken, LONG_AGO))
                    .contains(new Slot(Instant.parse("2026-03-30T01:30:00Z"), Instant.parse("2026-03-30T02:00:00Z")));
            assertThat(calendar.freeSlotAt(Instant.parse("2026-03-30T01:15:00Z"), taken, LONG_AGO)).isEmpty();
            assertThat(calendar.freeSlotAt(Instant.parse("2026-03-30T02:00:00Z"), taken, LONG_AGO)).isEmpty();
            assertThat(calendar.freeSlotAt(Instant.parse("2026-03-30T05:00:00Z"), taken, LONG_AGO)).isEmpty();
        }
    }

    @Nested
    class Overrides {

        private static final LocalDate MONDAY = LocalDate.parse("2026-03-30");

        private List<Slot> monday(List<DateOverride> overrides) {
            AvailabilityRules rules = new AvailabilityRules(everyDay("09:00", "12:00"), overrides, 60, 0, 0, 0, null);
            return new SlotCalendar(rules, SHANGHAI).freeSlots(Instant.parse("2026-03-29T16:00:00Z"),
                    Instant.parse("2026-03-31T16:00:00Z"), List.of(), LONG_AGO);
        }

        @Test
        void anOverrideReplacesTheWeeklyWindowsOfItsDate() {
            List<Slot> slots = monday(List.of(new DateOverride(MONDAY, List.of(
                    new TimeWindow(LocalTime.parse("14:00"), LocalTime.parse("16:00"))))));

            assertThat(localStarts(slots, SHANGHAI)).containsExactly("2026-03-30T14:00", "2026-03-30T15:00",
                    "2026-03-31T09:00", "2026-03-31T10:00", "2026-03-31T11:00");
        }

        @Test
        void anOverrideWithoutWindowsIsADayOff() {
            List<Slot> slots = monday(List.of(new DateOverride(MONDAY, List.of())));

            assertThat(localStarts(slots, SHANGHAI)).containsExactly("2026-03-31T09:00", "2026-03-31T10:00",
                    "2026-03-31T11:00");
        }

        @Test
        void aWindowEndingAtMidnightRunsToTheEndOfTheDay() {
            AvailabilityRules rules = rules(List.of(window(DayOfWeek.MONDAY, "22:00", "00:00")), 60);

            List<Slot> slots = slots(rules, SHANGHAI, "2026-03-30T00:00:00Z", "2026-03-31T00:00:00Z");

            assertThat(localStarts(slots, SHANGHAI)).containsExactly("2026-03-30T22:00", "2026-03-30T23:00");
            assertThat(slots.get(1).end()).isEqualTo(Instant.parse("2026-03-30T16:00:00Z"));
        }
    }

    @Nested
    class RuleChecks {

        @Test
        void refusesOverlappingWeeklyWindows() {
            AvailabilityRules rules = rules(List.of(window(DayOfWeek.MONDAY, "09:00", "12:00"),
                    window(DayOfWeek.MONDAY, "11:00", "13:00")), 60);

            assertThatThrownBy(rules::checked).isInstanceOfSatisfying(UnprocessableException.class,
                    e -> assertThat(e.type()).isEqualTo("overlapping-windows"));
        }

        @Test
        void acceptsTouchingWindowsAndTheSameHoursOnDifferentDays() {
            AvailabilityRules rules = rules(List.of(window(DayOfWeek.MONDAY, "09:00", "12:00"),
                    window(DayOfWeek.MONDAY, "12:00", "13:00"), window(DayOfWeek.TUESDAY, "09:00", "12:00")), 60);

            assertThat(rules.checked()).isSameAs(rules);
        }

        @Test
        void refusesAWindowThatEndsBeforeItStartsOrOffTheMinute() {
            assertThatThrownBy(() -> rules(List.of(window(DayOfWeek.MONDAY, "12:00", "09:00")), 60).checked())
                    .isInstanceOfSatisfying(UnprocessableException.class,
                            e -> assertThat(e.type()).isEqualTo("invalid-window"));
            assertThatThrownBy(() -> rules(List.of(window(DayOfWeek.MONDAY, "09:00:30", "12:00")), 60).checked())
                    .isInstanceOfSatisfying(UnprocessableException.class,
                            e -> assertThat(e.type()).isEqualTo("invalid-window"));
        }

        @Test
        void refusesTwoOverridesOfOneDateAndOverlappingOverrideWindows() {
            LocalDate date = LocalDate.parse("2026-05-01");
            AvailabilityRules twice = new AvailabilityRules(List.of(), List.of(new DateOverride(date, List.of()),
                    new DateOverride(date, List.of())), 60, 0, 0, 0, null);
            AvailabilityRules overlapping = new AvailabilityRules(List.of(), List.of(new DateOverride(date, List.of(
                    new TimeWindow(LocalTime.parse("09:00"), LocalTime.parse("11:00")),
                    new TimeWindow(LocalTime.parse("10:00"), LocalTime.parse("12:00"))))), 60, 0, 0, 0, null);

            assertThatThrownBy(twice::checked).isInstanceOfSatisfying(UnprocessableException.class,
                    e -> assertThat(e.type()).isEqualTo("duplicate-override"));
            assertThatThrownBy(overlapping::checked).isInstanceOfSatisfying(UnprocessableException.class,
                    e -> assertThat(e.type()).isEqualTo("overlapping-windows"));
        }
    }
}
