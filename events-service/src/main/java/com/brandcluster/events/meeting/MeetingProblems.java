package com.brandcluster.events.meeting;

import com.brandcluster.events.event.ExchangeEvent;
import com.brandcluster.platform.web.ConflictException;
import com.brandcluster.platform.web.DomainException;
import com.brandcluster.platform.web.NotFoundException;
import com.brandcluster.platform.web.UnprocessableException;
import org.springframework.http.HttpStatus;

/** The problems of matchmaking that more than one use case answers with. */
final class MeetingProblems {

    private MeetingProblems() {
    }

    static NotFoundException meetingNotFound(String meetingId) {
        return new NotFoundException("Meeting", meetingId);
    }

    static NotFoundException planNotFound(String eventId) {
        return new NotFoundException("Meeting plan of event", eventId);
    }

    static UnprocessableException matchmakingNotEnabled() {
        return new UnprocessableException("matchmaking-not-enabled", "Matchmaking not enabled",
                "The organiser has not set up meeting slots and tables for this event.");
    }

    /** 409 for an event that is not (or no longer) published. */
    static ConflictException matchmakingClosed(ExchangeEvent event) {
        return new ConflictException("event-state", "Event in another state",
                "This event is " + event.status() + "; its matchmaking is closed.")
                .withCurrentState(event.status().name());
    }

    static ConflictException slotTaken(String detail) {
        return new ConflictException("slot-taken", "Slot taken", detail);
    }

    static ConflictException concurrentChange(String what) {
        return new ConflictException("concurrent-change", "Changed concurrently",
                "The " + what + " was changed by someone else at the same moment; reload it and try again.");
    }

    /** 403: B2B meetings are for the enterprises that take part in the event. */
    static final class NotRegisteredException extends DomainException {

        NotRegisteredException(String detail) {
            super(HttpStatus.FORBIDDEN, "not-registered", "Not registered for the event", detail);
        }
    }
}
