package com.brandcluster.salons.programme;

import com.brandcluster.platform.web.ConflictException;

/** 409: an expert holds the session slot, so another cannot book it and the programme cannot drop or move it. */
class SessionSlotTakenException extends ConflictException {

    /** @param change what the programme would have done to the slot ("removed", "moved"); null for a booking */
    SessionSlotTakenException(SessionSlot slot, String change) {
        super("session-slot-taken", "Session slot taken", change == null
                ? "The session slot '" + slot.title() + "' is " + slot.state() + " already: one expert leads a session."
                : "The session slot '" + slot.title() + "' is " + slot.state() + " by an expert; the secretariat "
                        + "releases it before it can be " + change + ".");
        withCurrentState(slot.state().name());
        withProperty("slotId", slot.id());
    }
}
