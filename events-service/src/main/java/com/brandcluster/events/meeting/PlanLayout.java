package com.brandcluster.events.meeting;

import com.brandcluster.events.meeting.MeetingRequests.SlotInput;
import com.brandcluster.events.meeting.MeetingRequests.TableInput;
import com.brandcluster.platform.web.UnprocessableException;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The slots and tables the secretariat lays out for an event's matchmaking, checked as a whole. Slot times are local
 * to the event's zone and must lie within the event and not overlap; a slot or table sent back with its id keeps it
 * (an unknown id is refused), one without an id gets a new one. Slots are kept in order of their start, tables in
 * the order given (the order in which they are assigned).
 */
record PlanLayout(List<MeetingPlan.Slot> slots, List<MeetingPlan.Table> tables) {

    /** The event the slots must fit in: its start and end, and its IANA zone. */
    record Window(Instant startsAt, Instant endsAt, ZoneId zone) {
    }

    /**
     * @param current the plan as it is, or null when matchmaking is being enabled
     * @throws UnprocessableException 422 {@code invalid-meeting-plan} naming the first slot or table that breaks a
     *                                rule
     */
    static PlanLayout of(List<SlotInput> slotInputs, List<TableInput> tableInputs, Window window,
                         MeetingPlan current, Supplier<String> newId) {
        List<MeetingPlan.Slot> slots = new ArrayList<>();
        Set<String> slotIds = new HashSet<>();
        for (int i = 0; i < slotInputs.size(); i++) {
            SlotInput input = slotInputs.get(i);
            String what = "Slot " + (i + 1) + " (" + input.startsAt() + ")";
            String id = keptId(input.id(), what, slotIds, current == null ? Set.of()
                    : ids(current.slots().stream().map(MeetingPlan.Slot::id).toList()), newId);
            Instant start = at(input.startsAt(), window.zone(), what);
            Instant end = at(input.endsAt(), window.zone(), what);
            if (!end.isAfter(start)) {
                throw invalid(what + " must end after it starts.");
            }
            if (start.isBefore(window.startsAt()) || end.isAfter(window.endsAt())) {
                throw invalid(what + " must lie within the event, from " + local(window.startsAt(), window)
                        + " to " + local(window.endsAt(), window) + ".");
            }
            slots.add(new MeetingPlan.Slot(id, start, end));
        }
        slots.sort(Comparator.comparing(MeetingPlan.Slot::startsAt));
        for (int i = 1; i < slots.size(); i++) {
            MeetingPlan.Slot before = slots.get(i - 1);
            MeetingPlan.Slot after = slots.get(i);
            if (after.startsAt().isBefore(before.endsAt())) {
                throw invalid("The slots from " + local(before.startsAt(), window) + " and from "
                        + local(after.startsAt(), window) + " overlap.");
            }
        }
        List<MeetingPlan.Table> tables = new ArrayList<>();
        Set<String> tableIds = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < tableInputs.size(); i++) {
            TableInput input = tableInputs.get(i);
            String name = input.name().strip();
            String what = "Table " + (i + 1) + " (" + name + ")";
            String id = keptId(input.id(), what, tableIds, current == null ? Set.of()
                    : ids(current.tables().stream().map(MeetingPlan.Table::id).toList()), newId);
            if (!names.add(name.toLowerCase(Locale.ROOT))) {
                throw invalid(what + ": another table has this name.");
            }
            tables.add(new MeetingPlan.Table(id, name));
        }
        return new PlanLayout(List.copyOf(slots), List.copyOf(tables));
    }

    /** The id sent back, which must be one of the plan's and not sent twice; a new id when none was sent. */
    private static String keptId(String sent, String what, Set<String> seen, Set<String> known,
                                 Supplier<String> newId) {
        if (sent == null) {
            return newId.get();
        }
        if (!known.contains(sent)) {
            throw invalid(what + " has the id '" + sent + "', which is none of this plan's; leave the id out for "
                    + "a new one.");
        }
        if (!seen.add(sent)) {
            throw invalid(what + " has the id '" + sent + "' of another one in the same request.");
        }
        return sent;
    }

    private static Set<String> ids(List<String> ids) {
        return Set.copyOf(ids);
    }

    /** A local time the clocks skip in the zone (a DST gap) is refused rather than silently shifted. */
    private static Instant at(LocalDateTime local, ZoneId zone, String what) {
        if (zone.getRules().getValidOffsets(local).isEmpty()) {
            throw invalid(what + ": the time " + local + " does not exist in " + zone.getId()
                    + " (the clocks skip it).");
        }
        return local.atZone(zone).toInstant();
    }

    private static LocalDateTime local(Instant instant, Window window) {
        return LocalDateTime.ofInstant(instant, window.zone());
    }

    private static UnprocessableException invalid(String detail) {
        return new UnprocessableException("invalid-meeting-plan", "Invalid meeting plan", detail);
    }
}
