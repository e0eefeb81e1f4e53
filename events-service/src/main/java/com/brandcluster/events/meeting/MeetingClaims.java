package com.brandcluster.events.meeting;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Pattern 2: what an accepted meeting holds, as claim documents whose unique {@code _id} is the thing held: the slot
 * for each of the two enterprises ({@code event/slot/enterprise/<id>}) and a table in the slot
 * ({@code event/slot/table/<id>}). Whoever inserts a key first holds it, on any number of instances, so no enterprise
 * ever has two accepted meetings in one slot and no table is booked twice.
 *
 * <p>Each claim names the meeting and the acceptance attempt that wrote it. An acceptance writes its claims first
 * and makes the meeting ACCEPTED after (a versioned write that names the attempt); it releases its claims if anything
 * fails, and marks them {@code confirmed} once the meeting is saved. So an unconfirmed claim is an acceptance in
 * progress, or the leftover of one that crashed; {@link MeetingClaimRepair} settles those older than a grace period.
 * A change of the plan takes the table claims of the slots and tables it removes or moves as a short lock (no meeting,
 * the plan's revision), so that no meeting is accepted into them meanwhile; a claim held by a meeting makes that
 * change a 409.
 */
@Component
class MeetingClaims {

    static final String COLLECTION = "meeting_claims";

    /** A claim; {@code meetingId} is null for a plan change's lock. */
    @Document(COLLECTION)
    @CompoundIndex(name = "confirmed_claimed", def = "{'confirmed': 1, 'claimedAt': 1}")
    record Claim(@Id String key, String exchangeEventId, String slotId, String enterpriseId, String tableId,
                 @Indexed String meetingId, @Indexed String attempt, Long planRevision, boolean confirmed,
                 Instant claimedAt) {
    }

    /** How a claim went: held now, held by something else, or held by another attempt at the same meeting. */
    enum Outcome { CLAIMED, TAKEN, BUSY }

    /** A table in a slot, as a plan change locks it. */
    record TableInSlot(String slotId, String tableId) {
    }

    private static final int ATTEMPTS = 3;

    private final MongoOperations mongo;

    MeetingClaims(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /** Claims the meeting's slot for one of its two enterprises. */
    Outcome claimEnterprise(Meeting meeting, String enterpriseId, String attempt, Instant now) {
        return claim(new Claim(enterpriseKey(meeting.exchangeEventId(), meeting.slotId(), enterpriseId),
                meeting.exchangeEventId(), meeting.slotId(), enterpriseId, null, meeting.id(), attempt, null, false,
                now));
    }

    /** Claims the first of {@code tables} that is free in the meeting's slot. */
    Optional<MeetingPlan.Table> claimTable(Meeting meeting, List<MeetingPlan.Table> tables, String attempt,
                                           Instant now) {
        for (MeetingPlan.Table table : tables) {
            Claim claim = new Claim(tableKey(meeting.exchangeEventId(), meeting.slotId(), table.id()),
                    meeting.exchangeEventId(), meeting.slotId(), null, table.id(), meeting.id(), attempt, null, false,
                    now);
            if (claim(claim) == Outcome.CLAIMED) {
                return Optional.of(table);
            }
        }
        return Optional.empty();
    }

    private Outcome claim(Claim claim) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                mongo.insert(claim);
                return Outcome.CLAIMED;
            } catch (DuplicateKeyException held) {
                Claim holder = mongo.findById(claim.key(), Claim.class);
                if (holder != null) {
                    return claim.meetingId().equals(holder.meetingId()) ? Outcome.BUSY : Outcome.TAKEN;
                }
                // released between the insert and the read: try again
            }
        }
        return Outcome.TAKEN;
    }

    /** The acceptance is saved: its claims are no longer in doubt. */
    void confirm(String meetingId, String attempt) {
        mongo.updateMulti(Query.query(Criteria.where("meetingId").is(meetingId).and("attempt").is(attempt)),
                new Update().set("confirmed", true), Claim.class);
    }

    /** Before an accepted meeting is cancelled: should the cancellation not finish, the repair looks at them. */
    void unconfirm(String meetingId) {
        mongo.updateMulti(Query.query(Criteria.where("meetingId").is(meetingId)),
                new Update().set("confirmed", false), Claim.class);
    }

    /** Gives back what one acceptance attempt claimed. */
    void release(String meetingId, String attempt) {
        mongo.remove(Query.query(Criteria.where("meetingId").is(meetingId).and("attempt").is(attempt)), Claim.class);
    }

    /** Gives back everything claimed for the meeting, which no longer holds anything (it ended). */
    void releaseAll(String meetingId) {
        mongo.remove(Query.query(Criteria.where("meetingId").is(meetingId)), Claim.class);
    }

    /**
     * Locks these tables in these slots for a plan change.
     *
     * @return what holds one of them (then nothing is locked), or empty when all are locked now
     */
    Optional<Claim> lock(String eventId, Collection<TableInSlot> tables, String lock, Long planRevision,
                         Instant now) {
        for (TableInSlot t : tables) {
            String key = tableKey(eventId, t.slotId(), t.tableId());
            try {
                mongo.insert(new Claim(key, eventId, t.slotId(), null, t.tableId(), null, lock, planRevision, false,
                        now));
            } catch (DuplicateKeyException held) {
                unlock(lock);
                Claim holder = mongo.findById(key, Claim.class);
                return Optional.of(holder != null ? holder : new Claim(key, eventId, t.slotId(), null, t.tableId(),
                        null, null, null, false, now));
            }
        }
        return Optional.empty();
    }

    void unlock(String lock) {
        mongo.remove(Query.query(Criteria.where("meetingId").is(null).and("attempt").is(lock)), Claim.class);
    }

    /** Unconfirmed claims written before {@code before}: acceptances or plan changes that never finished. */
    List<Claim> unconfirmedBefore(Instant before) {
        return mongo.find(Query.query(Criteria.where("confirmed").is(false).and("claimedAt").lt(before)),
                Claim.class);
    }

    /** Removes the claim if it is still the one given (the same attempt). */
    void remove(Claim claim) {
        mongo.remove(Query.query(Criteria.where("_id").is(claim.key()).and("attempt").is(claim.attempt())),
                Claim.class);
    }

    /** Confirms the claim if it is still the one given. */
    void confirm(Claim claim) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(claim.key()).and("attempt").is(claim.attempt())),
                new Update().set("confirmed", true), Claim.class);
    }

    static String enterpriseKey(String eventId, String slotId, String enterpriseId) {
        return eventId + "/" + slotId + "/enterprise/" + enterpriseId;
    }

    static String tableKey(String eventId, String slotId, String tableId) {
        return eventId + "/" + slotId + "/table/" + tableId;
    }
}
