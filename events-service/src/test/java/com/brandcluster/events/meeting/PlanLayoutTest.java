package com.brandcluster.events.meeting;

import com.brandcluster.events.meeting.MeetingRequests.SlotInput;
import com.brandcluster.events.meeting.MeetingRequests.TableInput;
import com.brandcluster.platform.web.UnprocessableException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlanLayoutTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** 09:00 to 17:00 in Shanghai. */
    private static final PlanLayout.Window EVENT = new PlanLayout.Window(Instant.parse("2026-06-18T01:00:00Z"),
            Instant.parse("2026-06-18T09:00:00Z"), SHANGHAI);
    private static final LocalDateTime NINE = LocalDateTime.parse("2026-06-18T09:00");

    private final AtomicInteger counter = new AtomicInteger();
    private final Supplier<String> ids = () -> "new-" + counter.incrementAndGet();

    @Test
    void slotsAreTakenInTheEventsZoneOrderedByStartAndTablesInTheOrderGiven() {
        PlanLayout layout = PlanLayout.of(List.of(slot(null, 14, 0, 30), slot(null, 10, 0, 30),
                        slot(null, 10, 30, 30)),
                List.of(new TableInput(null, " Table 1 "), new TableInput(null, "Window table")), EVENT, null, ids);

        assertThat(layout.slots()).extracting(MeetingPlan.Slot::startsAt).containsExactly(
                Instant.parse("2026-06-18T02:00:00Z"), Instant.parse("2026-06-18T02:30:00Z"),
                Instant.parse("2026-06-18T06:00:00Z"));
        assertThat(layout.slots().getFirst().endsAt()).isEqualTo(Instant.parse("2026-06-18T02:30:00Z"));
        assertThat(layout.slots()).extracting(MeetingPlan.Slot::id).doesNotHaveDuplicates().allMatch(
                id -> id.startsWith("new-"));
        assertThat(layout.tables()).extracting(MeetingPlan.Table::name).containsExactly("Table 1", "Window table");
    }

    @Test
    void slotsAndTablesSentBackWithTheirIdsKeepThem() {
        PlanLayout first = PlanLayout.of(List.of(slot(null, 10, 0, 30)), List.of(new TableInput(null, "Table 1")),
                EVENT, null, ids);
        MeetingPlan plan = MeetingPlan.enable("e1", "lighting", first, "secretariat", Instant.now());
        String slotId = first.slots().getFirst().id();
        String tableId = first.tables().getFirst().id();

        PlanLayout next = PlanLayout.of(List.of(slot(slotId, 11, 0, 30), slot(null, 12, 0, 30)),
                List.of(new TableInput(tableId, "Table A"), new TableInput(null, "Table B")), EVENT, plan, ids);

        assertThat(next.slots().getFirst().id()).isEqualTo(slotId);
        assertThat(next.tables()).extracting(MeetingPlan.Table::id).first().isEqualTo(tableId);
        MeetingPlan.Change change = plan.changeTo(next);
        assertThat(change.movedSlots()).containsExactly(slotId);
        assertThat(change.removedSlots()).isEmpty();
        assertThat(change.removedTables()).isEmpty();

        PlanLayout without = PlanLayout.of(List.of(slot(null, 12, 0, 30)), List.of(new TableInput(null, "T")),
                EVENT, plan, ids);
        assertThat(plan.changeTo(without).removedSlots()).containsExactly(slotId);
        assertThat(plan.changeTo(without).removedTables()).containsExactly(tableId);
    }

    @Test
    void overlappingSlotsAreRefusedNamingThem() {
        assertInvalid(List.of(slot(null, 10, 0, 30), slot(null, 10, 15, 30)), List.of(table("T")),
                "The slots from 2026-06-18T10:00 and from 2026-06-18T10:15 overlap.");
    }

    @Test
    void slotsMustEndAfterTheyStartAndLieWithinTheEvent() {
        assertInvalid(List.of(new SlotInput(null, NINE.withHour(10), NINE.withHour(10))), List.of(table("T")),
                "Slot 1 (2026-06-18T10:00) must end after it starts.");
        assertInvalid(List.of(slot(null, 10, 0, 30), slot(null, 8, 30, 30)), List.of(table("T")),
                "Slot 2 (2026-06-18T08:30) must lie within the event, from 2026-06-18T09:00 to 2026-06-18T17:00.");
        assertInvalid(List.of(slot(null, 16, 45, 30)), List.of(table("T")), "must lie within the event");
    }

    @Test
    void aLocalTimeTheClocksSkipIsRefused() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        PlanLayout.Window springForward = new PlanLayout.Window(Instant.parse("2026-03-29T00:00:00Z"),
                Instant.parse("2026-03-29T06:00:00Z"), berlin);

        assertThatThrownBy(() -> PlanLayout.of(List.of(new SlotInput(null, LocalDateTime.parse("2026-03-29T02:30"),
                        LocalDateTime.parse("2026-03-29T03:30"))), List.of(table("T")), springForward, null, ids))
                .isInstanceOf(UnprocessableException.class).hasMessageContaining("the clocks skip it");
    }

    @Test
    void unknownOrRepeatedIdsAndTwoTablesOfOneNameAreRefused() {
        PlanLayout first = PlanLayout.of(List.of(slot(null, 10, 0, 30)), List.of(table("Table 1")), EVENT, null,
                ids);
        MeetingPlan plan = MeetingPlan.enable("e1", "lighting", first, "secretariat", Instant.now());
        String slotId = first.slots().getFirst().id();

        assertInvalid(List.of(slot("no-such-slot", 10, 0, 30)), List.of(table("T")), plan,
                "has the id 'no-such-slot', which is none of this plan's");
        assertInvalid(List.of(slot(slotId, 10, 0, 30), slot(slotId, 11, 0, 30)), List.of(table("T")), plan,
                "of another one in the same request");
        assertInvalid(List.of(slot(null, 10, 0, 30)), List.of(new TableInput("nope", "T")), plan,
                "Table 1 (T) has the id 'nope'");
        assertInvalid(List.of(slot(null, 10, 0, 30)), List.of(table("Table 1"), table("table 1 ")), plan,
                "Table 2 (table 1): another table has this name.");
    }

    private void assertInvalid(List<SlotInput> slots, List<TableInput> tables, String detail) {
        assertInvalid(slots, tables, null, detail);
    }

    private void assertInvalid(List<SlotInput> slots, List<TableInput> tables, MeetingPlan plan, String detail) {
        assertThatThrownBy(() -> PlanLayout.of(slots, tables, EVENT, plan, ids))
                .isInstanceOfSatisfying(UnprocessableException.class, e -> {
                    assertThat(e.type()).isEqualTo("invalid-meeting-plan");
                    assertThat(e.detail()).contains(detail);
                });
    }

    private static SlotInput slot(String id, int hour, int minute, int minutes) {
        LocalDateTime start = NINE.withHour(hour).withMinute(minute);
        return new SlotInput(id, start, start.plusMinutes(minutes));
    }

    private static TableInput table(String name) {
        return new TableInput(null, name);
    }
}
