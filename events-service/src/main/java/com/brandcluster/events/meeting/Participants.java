package com.brandcluster.events.meeting;

import com.brandcluster.events.event.EventNotFoundException;
import com.brandcluster.events.event.ExchangeEvent;
import com.brandcluster.events.event.ExchangeEvents;
import com.brandcluster.events.registration.ConfirmedRegistrations;
import com.brandcluster.platform.security.Caller;
import com.brandcluster.platform.web.ForbiddenException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Who may do what in an event's matchmaking. The secretariat of the event's cluster manages it and sees all of it;
 * an enterprise takes part while it holds a CONFIRMED registration for the event, and keeps seeing its own meetings
 * after. A draft event does not exist for anybody but the secretariat.
 */
@Component
class Participants {

    /** Who reads: the secretariat ({@code enterpriseId} null), or an enterprise that takes part. */
    record Reader(ExchangeEvent event, String enterpriseId) {

        boolean isSecretariat() {
            return enterpriseId == null;
        }
    }

    private final ExchangeEvents events;
    private final ConfirmedRegistrations registrations;
    private final MongoOperations mongo;

    Participants(ExchangeEvents events, ConfirmedRegistrations registrations, MongoOperations mongo) {
        this.events = events;
        this.registrations = registrations;
        this.mongo = mongo;
    }

    /** The event for its cluster's secretariat: 404 for a draft to anybody else, 403 otherwise. */
    ExchangeEvent managedEvent(String eventId, Caller caller) {
        ExchangeEvent event = visible(eventId, caller);
        if (!caller.isSecretariatOf(event.clusterId())) {
            throw new ForbiddenException("Only the secretariat of cluster '" + event.clusterId()
                    + "' lays out the event's meeting slots and tables.");
        }
        return event;
    }

    /**
     * The event for whoever may read its matchmaking: its secretariat, an enterprise registered for it (CONFIRMED)
     * or one that is party to a meeting at it.
     */
    Reader readableEvent(String eventId, Caller caller) {
        ExchangeEvent event = visible(eventId, caller);
        if (caller.isSecretariatOf(event.clusterId())) {
            return new Reader(event, null);
        }
        String enterpriseId = caller.enterprise().orElseThrow(() -> new ForbiddenException(
                "The event's matchmaking is for its secretariat and the enterprises registered for it."));
        if (!isRegistered(eventId, enterpriseId) && !isPartyToAny(eventId, enterpriseId)) {
            throw notRegistered();
        }
        return new Reader(event, enterpriseId);
    }

    /** The event for an enterprise that takes part in it now (to request meetings). */
    ExchangeEvent takingPart(String eventId, String enterpriseId, Caller caller) {
        ExchangeEvent event = visible(eventId, caller);
        if (event.status() == ExchangeEvent.Status.CANCELLED) {
            throw MeetingProblems.matchmakingClosed(event);
        }
        if (!isRegistered(eventId, enterpriseId)) {
            throw notRegistered();
        }
        return event;
    }

    boolean isRegistered(String eventId, String enterpriseId) {
        return registrations.holds(eventId, enterpriseId);
    }

    private boolean isPartyToAny(String eventId, String enterpriseId) {
        return mongo.exists(Query.query(Criteria.where("exchangeEventId").is(eventId)
                .orOperator(Criteria.where("requesterEnterpriseId").is(enterpriseId),
                        Criteria.where("inviteeEnterpriseId").is(enterpriseId))), Meeting.class);
    }

    private ExchangeEvent visible(String eventId, Caller caller) {
        ExchangeEvent event = events.get(eventId);
        if (event.status() == ExchangeEvent.Status.DRAFT && !caller.isSecretariatOf(event.clusterId())) {
            throw new EventNotFoundException(eventId);
        }
        return event;
    }

    private static MeetingProblems.NotRegisteredException notRegistered() {
        return new MeetingProblems.NotRegisteredException(
                "B2B meetings are for the enterprises with a confirmed registration for the event.");
    }
}
