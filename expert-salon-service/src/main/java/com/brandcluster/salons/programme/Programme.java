package com.brandcluster.salons.programme;

import com.brandcluster.platform.outbox.OutboxCarrier;
import com.brandcluster.platform.outbox.OutboxEntry;
import com.brandcluster.platform.web.ConflictException;
import com.brandcluster.platform.web.ForbiddenException;
import com.brandcluster.platform.web.UnprocessableException;
import com.brandcluster.salons.programme.ProgrammeRequests.SlotInput;
import com.brandcluster.salons.programme.SessionSlot.State;
import com.brandcluster.salons.salon.Salon;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A salon's programme: its session slots, in start order, within the salon's time and never overlapping. One document
 * per salon (its id is the salon's). The secretariat replaces the whole programme (a PUT, guarded by the document
 * version), but a slot an expert holds keeps its place until released. Each slot's own state changes (opening,
 * booking, confirmation, release) are written one slot at a time by a conditional update that expects the slot's
 * state and version ({@link Programmes}, pattern 1), which also bumps the document version so that a PUT based on an
 * older programme fails instead of undoing them.
 */
@Document("salon_programmes")
@CompoundIndex(name = "slot_expert", def = "{'slots.expertId': 1}")
class Programme implements OutboxCarrier {

    @Id
    private String salonId;
    private String clusterId;
    private List<SessionSlot> slots = new ArrayList<>();
    private Instant updatedAt;
    private String updatedBy;
    private List<OutboxEntry> outbox = new ArrayList<>();
    @Version
    private Long revision;

    protected Programme() {
    }

    /** The programme of a salon that has none yet: no slots. */
    static Programme emptyFor(Salon salon) {
        Programme programme = new Programme();
        programme.salonId = salon.id();
        programme.clusterId = salon.clusterId();
        return programme;
    }

    /**
     * Sets the programme to these slots (local times in the salon's zone). A slot that names an existing id is that
     * slot, edited; one without an id is a new PLANNED slot. Refused (422, naming the slot) when a slot is outside the
     * salon, ends before it starts, starts or ends at a local time the clocks skip, overlaps another, or names an id
     * this programme does not have (or twice); refused (409) when it would remove or move a slot an expert holds.
     */
    void replace(List<SlotInput> inputs, Salon salon, Supplier<String> newIds, String by, Instant now) {
        requireNotStarted(salon, now);
        ZoneId zone = ZoneId.of(salon.timeZone());
        Map<String, SessionSlot> current = new HashMap<>();
        slots.forEach(slot -> current.put(slot.id(), slot));
        Set<String> named = new HashSet<>();
        List<Labelled> next = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            SlotInput input = inputs.get(i);
            String label = label(i, input.title());
            if (input.id() != null && (!current.containsKey(input.id()) || !named.add(input.id()))) {
                throw new InvalidProgrammeException(label + " names the id '" + input.id() + "', which "
                        + (current.containsKey(input.id()) ? "another slot names too" : "this programme does not have")
                        + "; leave the id out for a new slot.");
            }
            Instant start = instant(input.startsAt(), zone, label, "start");
            Instant end = instant(input.endsAt(), zone, label, "end");
            if (!end.isAfter(start)) {
                throw new InvalidProgrammeException(label + " must end after it starts.");
            }
            if (start.isBefore(salon.startsAt()) || end.isAfter(salon.endsAt())) {
                throw new InvalidProgrammeException(label + " must lie within the salon, "
                        + LocalDateTime.ofInstant(salon.startsAt(), zone) + " to "
                        + LocalDateTime.ofInstant(salon.endsAt(), zone) + " (" + zone.getId() + ").");
            }
            SessionSlot slot = input.id() == null
                    ? SessionSlot.planned(newIds.get(), input.kind(), input.title(), input.description(), start, end)
                    : current.get(input.id()).edited(input.kind(), input.title(), input.description(), start, end);
            next.add(new Labelled(label, slot));
        }
        next.sort(Comparator.comparing((Labelled l) -> l.slot().startsAt()));
        for (int i = 1; i < next.size(); i++) {
            if (next.get(i - 1).slot().overlaps(next.get(i).slot())) {
                throw new InvalidProgrammeException(next.get(i).label() + " overlaps " + next.get(i - 1).label() + ".");
            }
        }
        for (SessionSlot held : slots.stream().filter(s -> s.state().isTaken()).toList()) {
            SessionSlot kept = next.stream().map(Labelled::slot).filter(s -> s.id().equals(held.id())).findFirst()
                    .orElseThrow(() -> new SessionSlotTakenException(held, "removed"));
            if (!kept.startsAt().equals(held.startsAt()) || !kept.endsAt().equals(held.endsAt())) {
                throw new SessionSlotTakenException(held, "moved");
            }
        }
        slots = new ArrayList<>(next.stream().map(Labelled::slot).toList());
        updatedAt = now;
        updatedBy = by;
    }

    /** The secretariat opens a PLANNED slot for experts to book. */
    SessionSlot open(String slotId, Salon salon, Instant now) {
        SessionSlot slot = changeable(slotId, salon, now);
        require(slot, State.PLANNED, State.OPEN);
        return replaced(slot.opened());
    }

    /** An expert books an OPEN slot to lead it; a slot that another expert holds is a 409. */
    SessionSlot book(String slotId, String expertId, Salon salon, Instant now) {
        SessionSlot slot = changeable(slotId, salon, now);
        if (slot.state().isTaken()) {
            throw new SessionSlotTakenException(slot, null);
        }
        require(slot, State.OPEN, State.BOOKED);
        return replaced(slot.bookedBy(expertId, now));
    }

    /** The expert who booked a slot withdraws before the secretariat confirms it; it is OPEN again. */
    SessionSlot withdraw(String slotId, String expertId, Salon salon, Instant now) {
        SessionSlot slot = changeable(slotId, salon, now);
        if (slot.state().isTaken() && !slot.isLedBy(expertId)) {
            throw new ForbiddenException("Only the expert who booked this session slot withdraws from it.");
        }
        if (slot.state() == State.CONFIRMED) {
            throw new ConflictException("session-slot-state", "Session slot in another state",
                    "This session is confirmed; ask the secretariat to release it.")
                    .withCurrentState(State.CONFIRMED.name());
        }
        require(slot, State.BOOKED, State.OPEN);
        return replaced(slot.released());
    }

    /** The secretariat confirms the expert who booked the slot. */
    SessionSlot confirm(String slotId, Salon salon, Instant now) {
        SessionSlot slot = changeable(slotId, salon, now);
        require(slot, State.BOOKED, State.CONFIRMED);
        return replaced(slot.confirmed(now));
    }

    /** The secretariat puts a booked or confirmed slot back to OPEN. */
    SessionSlot release(String slotId, Salon salon, Instant now) {
        SessionSlot slot = changeable(slotId, salon, now);
        if (!slot.state().isTaken()) {
            throw illegal(slot, State.OPEN);
        }
        return replaced(slot.released());
    }

    SessionSlot slot(String slotId) {
        return slots.stream().filter(s -> s.id().equals(slotId)).findFirst()
                .orElseThrow(() -> new SessionSlotNotFoundException(slotId));
    }

    private SessionSlot changeable(String slotId, Salon salon, Instant now) {
        SessionSlot slot = slot(slotId);
        requireNotStarted(salon, now);
        return slot;
    }

    private SessionSlot replaced(SessionSlot changed) {
        slots.replaceAll(slot -> slot.id().equals(changed.id()) ? changed : slot);
        return changed;
    }

    private static void requireNotStarted(Salon salon, Instant now) {
        if (!now.isBefore(salon.startsAt())) {
            throw new UnprocessableException("salon-started", "Salon started",
                    "The salon started at " + salon.startsAt() + "; its programme no longer changes.");
        }
    }

    private static void require(SessionSlot slot, State expected, State target) {
        if (slot.state() != expected) {
            throw illegal(slot, target);
        }
    }

    private static ConflictException illegal(SessionSlot slot, State target) {
        return new ConflictException("session-slot-state", "Session slot in another state",
                "This session slot is " + slot.state() + "; it cannot become " + target + ".")
                .withCurrentState(slot.state().name());
    }

    /** A local time that does not exist in the zone (skipped by a DST change) is refused rather than shifted. */
    private static Instant instant(LocalDateTime local, ZoneId zone, String label, String what) {
        if (zone.getRules().getValidOffsets(local).isEmpty()) {
            throw new InvalidProgrammeException("The " + what + " of " + label + ", " + local + ", does not exist in "
                    + zone.getId() + " (the clocks skip it).");
        }
        return local.atZone(zone).toInstant();
    }

    private static String label(int index, String title) {
        return "Slot " + (index + 1) + " ('" + title + "')";
    }

    private record Labelled(String label, SessionSlot slot) {
    }

    @Override
    public List<OutboxEntry> outbox() {
        return outbox;
    }

    String salonId() {
        return salonId;
    }

    String clusterId() {
        return clusterId;
    }

    List<SessionSlot> slots() {
        return List.copyOf(slots);
    }

    Instant updatedAt() {
        return updatedAt;
    }
}
