package com.brandcluster.events.meeting;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An event's matchmaking: the meeting slots (non-overlapping, within the event, ordered by start) and the tables, in
 * the order tables are assigned. One document per event, its id the event's; it exists once the secretariat enabled
 * matchmaking. Pattern 1: replaced as a whole, guarded by {@code revision}.
 */
@Document(MeetingPlan.COLLECTION)
class MeetingPlan {

    static final String COLLECTION = "meeting_plans";
    static final String REVISION = "revision";

    record Slot(String id, Instant startsAt, Instant endsAt) {

        Meeting.SlotTimes times() {
            return new Meeting.SlotTimes(startsAt, endsAt);
        }
    }

    record Table(String id, String name) {
    }

    /** What a new layout takes away from the plan: slots removed or moved, tables removed. */
    record Change(Set<String> removedSlots, Set<String> movedSlots, Set<String> removedTables) {

        Set<String> slotsLeaving() {
            Set<String> leaving = new HashSet<>(removedSlots);
            leaving.addAll(movedSlots);
            return leaving;
        }
    }

    @Id
    private String exchangeEventId;
    private String clusterId;
    private List<Slot> slots = new ArrayList<>();
    private List<Table> tables = new ArrayList<>();
    /** How often the secretariat laid the plan out: the version shown. */
    private long changes;
    private Instant changedAt;
    private String changedBy;
    @Version
    private Long revision;

    protected MeetingPlan() {
    }

    static MeetingPlan enable(String eventId, String clusterId, PlanLayout layout, String by, Instant at) {
        MeetingPlan plan = new MeetingPlan();
        plan.exchangeEventId = eventId;
        plan.clusterId = clusterId;
        plan.replace(layout, by, at);
        return plan;
    }

    /** What replacing the layout with {@code next} would take away. */
    Change changeTo(PlanLayout next) {
        Map<String, Slot> nextSlots = next.slots().stream().collect(Collectors.toMap(Slot::id, Function.identity()));
        Set<String> nextTables = next.tables().stream().map(Table::id).collect(Collectors.toSet());
        Set<String> removed = new HashSet<>();
        Set<String> moved = new HashSet<>();
        for (Slot slot : slots) {
            Slot after = nextSlots.get(slot.id());
            if (after == null) {
                removed.add(slot.id());
            } else if (!after.equals(slot)) {
                moved.add(slot.id());
            }
        }
        Set<String> removedTables = tables.stream().map(Table::id).filter(id -> !nextTables.contains(id))
                .collect(Collectors.toSet());
        return new Change(removed, moved, removedTables);
    }

    void replace(PlanLayout layout, String by, Instant at) {
        slots = new ArrayList<>(layout.slots());
        tables = new ArrayList<>(layout.tables());
        changes++;
        changedAt = at;
        changedBy = by;
    }

    Optional<Slot> slot(String slotId) {
        return slots.stream().filter(s -> s.id().equals(slotId)).findFirst();
    }

    Optional<Table> table(String tableId) {
        return tables.stream().filter(t -> Objects.equals(t.id(), tableId)).findFirst();
    }

    String exchangeEventId() {
        return exchangeEventId;
    }

    String clusterId() {
        return clusterId;
    }

    List<Slot> slots() {
        return List.copyOf(slots);
    }

    List<Table> tables() {
        return List.copyOf(tables);
    }

    long version() {
        return changes;
    }

    Long revision() {
        return revision;
    }

    Instant changedAt() {
        return changedAt;
    }
}
