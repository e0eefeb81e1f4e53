package com.brandcluster.events.meeting;

import com.brandcluster.events.event.ExchangeEvent;
import com.brandcluster.events.meeting.MeetingRequests.PlanInput;
import com.brandcluster.platform.security.Caller;
import com.brandcluster.platform.web.ConflictException;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The secretariat lays out an event's matchmaking: its slots and tables. A slot or table that an accepted meeting
 * holds is neither removed nor (a slot) moved: before the plan is saved, the table claims of every slot and table the
 * change takes away are inserted as a lock ({@link MeetingClaims#lock}); one held by a meeting makes the change a 409,
 * and while the lock stands no acceptance takes those tables. An acceptance reads the plan again after it claimed
 * its table, so one that claims after the lock is lifted sees the new plan. The lock is lifted once the plan is saved
 * or refused; one left behind by a crash is lifted by {@link MeetingClaimRepair}, which first moves the plan's
 * revision so that the crashed change can no longer be saved.
 */
@Service
class MeetingPlans {

    private static final Logger log = LoggerFactory.getLogger(MeetingPlans.class);

    private final MongoOperations mongo;
    private final Participants participants;
    private final MeetingClaims claims;
    private final MeetingExpiry expiry;
    private final Clock clock;

    MeetingPlans(MongoOperations mongo, Participants participants, MeetingClaims claims, MeetingExpiry expiry,
                 Clock clock) {
        this.mongo = mongo;
        this.participants = participants;
        this.claims = claims;
        this.expiry = expiry;
        this.clock = clock;
    }

    MeetingPlan put(String eventId, PlanInput input, Caller caller) {
        ExchangeEvent event = participants.managedEvent(eventId, caller);
        if (event.status() == ExchangeEvent.Status.CANCELLED) {
            throw MeetingProblems.matchmakingClosed(event);
        }
        ZoneId zone = ZoneId.of(event.details().timeZone());
        PlanLayout.Window window = new PlanLayout.Window(event.details().startsAt(), event.details().endsAt(), zone);
        Instant now = clock.instant();
        MeetingPlan current = mongo.findById(eventId, MeetingPlan.class);
        PlanLayout layout = PlanLayout.of(input.slots(), input.tables(), window, current,
                () -> new ObjectId().toHexString());
        if (current == null) {
            return enable(event, layout, caller, now);
        }
        MeetingPlan.Change change = current.changeTo(layout);
        String lock = UUID.randomUUID().toString();
        claims.lock(eventId, tablesTakenAway(current, change), lock, current.revision(), now)
                .ifPresent(holder -> {
                    throw inUse(holder, change, current, zone);
                });
        MeetingPlan saved;
        try {
            current.replace(layout, caller.subject(), now);
            saved = mongo.save(current);
        } catch (OptimisticLockingFailureException changedMeanwhile) {
            throw MeetingProblems.concurrentChange("meeting plan");
        } finally {
            claims.unlock(lock);
        }
        log.info("Meeting plan of event {} changed: {} slots, {} tables ({} slots removed, {} moved, {} tables "
                        + "removed)", eventId, saved.slots().size(), saved.tables().size(),
                change.removedSlots().size(), change.movedSlots().size(), change.removedTables().size());
        if (!change.removedSlots().isEmpty()) {
            expiry.expireRequestsInDeadSlots(eventId);
        }
        return saved;
    }

    private MeetingPlan enable(ExchangeEvent event, PlanLayout layout, Caller caller, Instant now) {
        try {
            MeetingPlan plan = mongo.insert(MeetingPlan.enable(event.id(), event.clusterId(), layout,
                    caller.subject(), now));
            log.info("Matchmaking enabled for event {}: {} slots, {} tables", event.id(), plan.slots().size(),
                    plan.tables().size());
            return plan;
        } catch (DuplicateKeyException enabledMeanwhile) {
            throw MeetingProblems.concurrentChange("meeting plan");
        }
    }

    /** Every table in every slot that is removed or moved, and every slot's place at every table removed. */
    private static Set<MeetingClaims.TableInSlot> tablesTakenAway(MeetingPlan plan, MeetingPlan.Change change) {
        Set<MeetingClaims.TableInSlot> taken = new LinkedHashSet<>();
        Set<String> slotsLeaving = change.slotsLeaving();
        for (MeetingPlan.Slot slot : plan.slots()) {
            for (MeetingPlan.Table table : plan.tables()) {
                if (slotsLeaving.contains(slot.id()) || change.removedTables().contains(table.id())) {
                    taken.add(new MeetingClaims.TableInSlot(slot.id(), table.id()));
                }
            }
        }
        return taken;
    }

    private static ConflictException inUse(MeetingClaims.Claim holder, MeetingPlan.Change change, MeetingPlan plan,
                                           ZoneId zone) {
        if (holder.meetingId() == null) {
            return MeetingProblems.concurrentChange("meeting plan");
        }
        String slot = plan.slot(holder.slotId())
                .map(s -> LocalDateTime.ofInstant(s.startsAt(), zone).toString()).orElse(holder.slotId());
        if (change.slotsLeaving().contains(holder.slotId())) {
            return new ConflictException("slot-in-use", "Slot in use",
                    "The slot from " + slot + " has an accepted meeting; it stays, at its time, until the meeting "
                            + "is cancelled.");
        }
        String table = plan.table(holder.tableId()).map(MeetingPlan.Table::name).orElse(holder.tableId());
        return new ConflictException("table-in-use", "Table in use",
                "Table '" + table + "' has an accepted meeting in the slot from " + slot + "; it stays until the "
                        + "meeting is cancelled.");
    }

    /** The plan for the event's secretariat and the enterprises taking part in it. */
    MeetingPlan readable(String eventId, Caller caller) {
        participants.readableEvent(eventId, caller);
        return get(eventId);
    }

    MeetingPlan get(String eventId) {
        return find(eventId).orElseThrow(() -> MeetingProblems.planNotFound(eventId));
    }

    Optional<MeetingPlan> find(String eventId) {
        return Optional.ofNullable(mongo.findById(eventId, MeetingPlan.class));
    }

    /**
     * Moves the plan's revision on if it is still {@code revision}, so that a change that read it can no longer be
     * saved (a crashed change whose lock is being lifted).
     */
    void fence(String eventId, Long revision) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(eventId).and(MeetingPlan.REVISION).is(revision)),
                new Update().inc(MeetingPlan.REVISION, 1), MeetingPlan.class);
    }
}
