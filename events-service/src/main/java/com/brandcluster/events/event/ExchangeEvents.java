package com.brandcluster.events.event;

import com.brandcluster.contracts.events.EventCancelled;
import com.brandcluster.contracts.events.EventPublished;
import com.brandcluster.contracts.events.EventUpdated;
import com.brandcluster.events.event.EventDetails.Kind;
import com.brandcluster.events.event.EventDetails.Visibility;
import com.brandcluster.events.event.EventRequests.EventInput;
import com.brandcluster.platform.membership.MembershipLookup;
import com.brandcluster.platform.membership.MembershipUncheckableException;
import com.brandcluster.platform.outbox.OutboxEvents;
import com.brandcluster.platform.security.Caller;
import com.brandcluster.platform.web.ConflictException;
import com.brandcluster.platform.web.ForbiddenException;
import com.brandcluster.platform.web.MergePatch;
import jakarta.validation.Validator;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The secretariat's work on its cluster's events, and who may read them: a published PUBLIC event anyone, a
 * MEMBERS_ONLY one the cluster's members and secretariat, a draft only the secretariat (to everybody else it does
 * not exist).
 */
@Service
public class ExchangeEvents {

    private static final Logger log = LoggerFactory.getLogger(ExchangeEvents.class);
    /** Seat changes bump the revision, so an edit racing with registrations may need a few fresh attempts. */
    private static final int ATTEMPTS = 10;
    static final Set<String> EDITABLE = Set.of("kind", "title", "description", "agenda", "startsAt", "endsAt",
            "timeZone", "venue", "onlineLink", "capacity", "seatsPerEnterprise", "registrationOpensAt",
            "registrationClosesAt", "visibility", "registrationPolicy");
    static final Set<String> IMMUTABLE = Set.of("id", "clusterId", "status", "seatsTaken", "seatsAvailable",
            "localStartsAt", "localEndsAt", "cancellationReason", "version");

    private final EventRepository events;
    private final MongoOperations mongo;
    private final MembershipLookup membership;
    private final OutboxEvents outboxEvents;
    private final ApplicationEventPublisher followUps;
    private final MergePatch mergePatch;
    private final Clock clock;

    ExchangeEvents(EventRepository events, MongoOperations mongo, MembershipLookup membership,
                   OutboxEvents outboxEvents, ApplicationEventPublisher followUps, JsonMapper json,
                   Validator validator, Clock clock) {
        this.events = events;
        this.mongo = mongo;
        this.membership = membership;
        this.outboxEvents = outboxEvents;
        this.followUps = followUps;
        this.mergePatch = new MergePatch(json, validator);
        this.clock = clock;
    }

    ExchangeEvent create(String clusterId, EventInput input, Caller caller) {
        if (!caller.isSecretariatOf(clusterId)) {
            throw new ForbiddenException("Only the secretariat of cluster '" + clusterId + "' creates its events.");
        }
        ExchangeEvent event = ExchangeEvent.draft(new ObjectId().toHexString(), clusterId, input.details(),
                caller.subject(), clock.instant());
        ExchangeEvent saved = events.insert(event);
        log.info("Event {} drafted in cluster {}", saved.id(), clusterId);
        return saved;
    }

    /** The event, whoever asks; for checks that follow their own rules. */
    public ExchangeEvent get(String eventId) {
        return events.findById(eventId).orElseThrow(() -> new EventNotFoundException(eventId));
    }

    /**
     * The event if the caller may read it: 404 for a draft (unless the caller is its secretariat), 401 for an
     * anonymous caller and 403 for a non-member on a members-only event.
     */
    public ExchangeEvent readable(String eventId, Caller caller) {
        ExchangeEvent event = get(eventId);
        if (caller.isSecretariatOf(event.clusterId())) {
            return event;
        }
        if (event.status() == ExchangeEvent.Status.DRAFT) {
            throw new EventNotFoundException(eventId);
        }
        if (event.details().visibility() == Visibility.PUBLIC) {
            return event;
        }
        if (caller.isAnonymous()) {
            throw new InsufficientAuthenticationException("A members-only event: sign in as a member.");
        }
        if (caller.enterprise().filter(e -> membership.isCurrentMember(event.clusterId(), e)).isPresent()) {
            return event;
        }
        throw new MembersOnlyException(event.clusterId());
    }

    /**
     * The cluster's events the caller may read, filtered; upcoming ones (not yet ended) soonest first, past ones
     * latest first. Only the secretariat sees drafts and filters by status.
     */
    Page<ExchangeEvent> ofCluster(String clusterId, Filter filter, Caller caller, int page, int size) {
        Criteria criteria = Criteria.where("clusterId").is(clusterId);
        Set<ExchangeEvent.Status> statuses =
                EnumSet.of(ExchangeEvent.Status.PUBLISHED, ExchangeEvent.Status.CANCELLED);
        if (caller.isSecretariatOf(clusterId)) {
            statuses = EnumSet.allOf(ExchangeEvent.Status.class);
        } else if (!seesMembersOnly(clusterId, caller)) {
            criteria.and("details.visibility").is(Visibility.PUBLIC);
        }
        if (filter.status() != null) {
            statuses.retainAll(Set.of(filter.status()));
        }
        criteria.and(ExchangeEvent.STATUS).in(statuses);
        if (filter.kind() != null) {
            criteria.and("details.kind").is(filter.kind());
        }
        Instant now = clock.instant();
        Sort.Direction direction = Sort.Direction.ASC;
        if (filter.when() == When.UPCOMING) {
            criteria.and("details.endsAt").gt(now);
        } else if (filter.when() == When.PAST) {
            criteria.and("details.endsAt").lte(now);
            direction = Sort.Direction.DESC;
        }
        PageRequest request = PageRequest.of(page, size, Sort.by(direction, "details.startsAt").and(Sort.by("_id")));
        Query query = Query.query(criteria);
        long total = mongo.count(query, ExchangeEvent.class);
        return new PageImpl<>(mongo.find(query.with(request), ExchangeEvent.class), request, total);
    }

    /** A JSON merge patch on the editable form; a change of time or place of a published event is announced. */
    ExchangeEvent edit(String eventId, JsonNode patch, Caller caller) {
        ObjectNode checked = mergePatch.check(patch, EDITABLE, IMMUTABLE, "an event");
        Saved<ExchangeEvent.Edit> saved = change(eventId, caller, event -> {
            EventDetails next = mergePatch.merge(EventInput.of(event.details()), checked, EventInput.class).details();
            Instant now = clock.instant();
            ExchangeEvent.Edit edit = event.edit(next, caller.subject(), now);
            if (edit.changed() && event.isPublished() && (edit.timeChanged() || edit.placeChanged())) {
                event.announce(outboxEvents.entryFor(updated(event, edit, now)));
            }
            return edit;
        }, ExchangeEvent.Edit::changed);
        ExchangeEvent.Edit edit = saved.outcome();
        if (edit.changed()) {
            log.info("Event {} edited (time changed: {}, place changed: {})", eventId, edit.timeChanged(),
                    edit.placeChanged());
            if (saved.event().isPublished() && edit.capacityGrew()) {
                followUps.publishEvent(new EventChange.CapacityGrew(eventId));
            }
        }
        return saved.event();
    }

    ExchangeEvent publish(String eventId, Caller caller) {
        ExchangeEvent published = change(eventId, caller, event -> {
            Instant now = clock.instant();
            event.publish(caller.subject(), now);
            EventDetails d = event.details();
            event.announce(outboxEvents.entryFor(new EventPublished(UUID.randomUUID(), now, event.clusterId(),
                    event.version(), event.id(), d.kind().name(), d.title(), d.startsAt(), d.endsAt(),
                    d.timeZone(), d.venue(), d.onlineLink(), d.visibility().name(), d.registrationPolicy().name(),
                    d.capacity(), d.registrationOpensAt(), d.registrationClosesAt())));
            return true;
        }, always()).event();
        log.info("Event {} published in cluster {}", eventId, published.clusterId());
        return published;
    }

    /** Cancels the event; its registrations are cancelled after it (each with its own event). */
    ExchangeEvent cancel(String eventId, String reason, Caller caller) {
        ExchangeEvent cancelled = change(eventId, caller, event -> {
            Instant now = clock.instant();
            event.cancel(reason, caller.subject(), now);
            EventDetails d = event.details();
            event.announce(outboxEvents.entryFor(new EventCancelled(UUID.randomUUID(), now, event.clusterId(),
                    event.version(), event.id(), d.kind().name(), d.title(), d.startsAt(), d.endsAt(),
                    d.timeZone(), d.venue(), d.onlineLink(), reason)));
            return true;
        }, always()).event();
        log.info("Event {} cancelled in cluster {}", eventId, cancelled.clusterId());
        followUps.publishEvent(new EventChange.Cancelled(eventId));
        return cancelled;
    }

    /** Cancelled events whose registrations have not all been cancelled after them yet. */
    public List<String> cancelledWithOpenRegistrations() {
        return events.findByStatusAndRegistrationsSettledFalse(ExchangeEvent.Status.CANCELLED).stream()
                .map(ExchangeEvent::id).toList();
    }

    /** Every registration of the cancelled event has been cancelled after it. */
    public void registrationsSettled(String eventId) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(eventId).and(ExchangeEvent.STATUS)
                        .is(ExchangeEvent.Status.CANCELLED)),
                new Update().set("registrationsSettled", true), ExchangeEvent.class);
    }

    /**
     * Loads the event for its secretariat, applies the change and, if {@code worthSaving} says so, saves it with
     * what it announces (pattern 1); a save that lost a race (an edit, or a seat count bumping the revision) is
     * applied again to the fresh event.
     */
    private <R> Saved<R> change(String eventId, Caller caller, Function<ExchangeEvent, R> change,
                                Predicate<R> worthSaving) {
        for (int attempt = 1; ; attempt++) {
            ExchangeEvent event = managed(eventId, caller);
            R outcome = change.apply(event);
            if (!worthSaving.test(outcome)) {
                return new Saved<>(event, outcome);
            }
            try {
                return new Saved<>(events.save(event), outcome);
            } catch (OptimisticLockingFailureException lostRace) {
                if (attempt == ATTEMPTS) {
                    throw new ConflictException("concurrent-change", "Changed concurrently",
                            "The event kept changing while this change was applied; reload it and try again.");
                }
            }
        }
    }

    private record Saved<R>(ExchangeEvent event, R outcome) {
    }

    private static Predicate<Boolean> always() {
        return changed -> true;
    }

    /** The event for its cluster's secretariat (403 for anybody else); a draft does not exist for anybody else. */
    public ExchangeEvent managed(String eventId, Caller caller) {
        ExchangeEvent event = get(eventId);
        if (caller.isSecretariatOf(event.clusterId())) {
            return event;
        }
        if (event.status() == ExchangeEvent.Status.DRAFT) {
            throw new EventNotFoundException(eventId);
        }
        throw new ForbiddenException("Only the secretariat of cluster '" + event.clusterId()
                + "' manages its events.");
    }

    /** Whether the caller is a member who sees members-only events; if that cannot be checked now, public ones. */
    private boolean seesMembersOnly(String clusterId, Caller caller) {
        try {
            return caller.enterprise().filter(e -> membership.isCurrentMember(clusterId, e)).isPresent();
        } catch (MembershipUncheckableException uncheckable) {
            log.info("Listing only public events of {}: {}", clusterId, uncheckable.detail());
            return false;
        }
    }

    private static EventUpdated updated(ExchangeEvent event, ExchangeEvent.Edit edit, Instant now) {
        EventDetails before = edit.before();
        EventDetails after = edit.after();
        List<String> changes = new ArrayList<>(2);
        if (edit.timeChanged()) {
            changes.add("TIME");
        }
        if (edit.placeChanged()) {
            changes.add("PLACE");
        }
        return new EventUpdated(UUID.randomUUID(), now, event.clusterId(), event.version(), event.id(),
                after.title(), changes, after.startsAt(), after.endsAt(), after.timeZone(), after.venue(),
                after.onlineLink(), before.startsAt(), before.endsAt(), before.venue(), before.onlineLink());
    }

    enum When { UPCOMING, PAST }

    record Filter(Kind kind, When when, ExchangeEvent.Status status) {
    }
}
