package com.brandcluster.salons.programme;

import com.brandcluster.contracts.DomainEvent;
import com.brandcluster.contracts.salons.SalonSessionBooked;
import com.brandcluster.contracts.salons.SalonSessionConfirmed;
import com.brandcluster.contracts.salons.SalonSessionReleased;
import com.brandcluster.platform.outbox.OutboxEvents;
import com.brandcluster.platform.outbox.OutboxRelay;
import com.brandcluster.platform.security.Caller;
import com.brandcluster.platform.web.ConflictException;
import com.brandcluster.platform.web.ForbiddenException;
import com.brandcluster.platform.web.UnprocessableException;
import com.brandcluster.salons.expert.Expert;
import com.brandcluster.salons.expert.ExpertNotFoundException;
import com.brandcluster.salons.expert.Experts;
import com.brandcluster.salons.programme.ProgrammeRequests.ExpertView;
import com.brandcluster.salons.programme.ProgrammeRequests.OpenSalonView;
import com.brandcluster.salons.programme.ProgrammeRequests.ProgrammeInput;
import com.brandcluster.salons.programme.ProgrammeRequests.ProgrammeView;
import com.brandcluster.salons.programme.ProgrammeRequests.SlotView;
import com.brandcluster.salons.programme.SessionSlot.State;
import com.brandcluster.salons.salon.Salon;
import com.brandcluster.salons.salon.Salons;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Salon programmes: the secretariat sets the slots and opens them, experts book the slot they will lead (one expert
 * per slot, whatever the concurrency) or withdraw, the secretariat confirms or releases. Every change of one slot is a
 * conditional update of the programme document whose filter expects the slot in the state and version it was read in
 * ({@code slots: {$elemMatch: {id, state, version}}}) and which sets that slot (through the array filter
 * {@code slots.$[slot]} with {@code slot._id}: the embedded mongo-java-server does not bind the positional {@code $} to
 * an {@code $elemMatch}), bumps the document version and appends the event, all in one write (pattern 1): of many
 * experts booking an OPEN slot at once, on any number of instances, exactly one write matches; the others read the
 * slot again and find it taken.
 */
@Service
class Programmes {

    private static final Logger log = LoggerFactory.getLogger(Programmes.class);
    /** Re-reads when a slot changed between reading and writing; the domain rules then usually refuse at once. */
    private static final int ATTEMPTS = 5;

    private final MongoOperations mongo;
    private final Salons salons;
    private final Experts experts;
    private final OutboxEvents outboxEvents;
    private final ObjectProvider<OutboxRelay> relay;
    private final Clock clock;

    Programmes(MongoOperations mongo, Salons salons, Experts experts, OutboxEvents outboxEvents,
               ObjectProvider<OutboxRelay> relay, Clock clock) {
        this.mongo = mongo;
        this.salons = salons;
        this.experts = experts;
        this.outboxEvents = outboxEvents;
        this.relay = relay;
        this.clock = clock;
    }

    /** The secretariat replaces the programme; a concurrent change of it (a booking, another PUT) is a 409. */
    ProgrammeView replace(String salonId, ProgrammeInput input, Caller caller) {
        Salon salon = salons.get(salonId);
        requireSecretariat(salon, caller);
        Programme programme = find(salonId).orElseGet(() -> Programme.emptyFor(salon));
        programme.replace(input.slots(), salon, () -> new ObjectId().toHexString(), caller.subject(), clock.instant());
        Programme saved;
        try {
            saved = mongo.save(programme);
        } catch (OptimisticLockingFailureException | DuplicateKeyException changedMeanwhile) {
            throw new ConflictException("concurrent-change", "Changed concurrently",
                    "The programme changed while it was being replaced (an expert booked a slot, or another edit); "
                            + "reload it and try again.");
        }
        log.info("Programme of salon {} set: {} slots", salonId, saved.slots().size());
        return view(saved, salon, caller);
    }

    /**
     * The programme as the caller may see it: planned slots only for the secretariat; who holds a confirmed slot for
     * everyone, who holds a booked one only for the secretariat and that expert.
     */
    ProgrammeView get(String salonId, Caller caller) {
        Salon salon = salons.get(salonId);
        return view(find(salonId).orElseGet(() -> Programme.emptyFor(salon)), salon, caller);
    }

    SlotView open(String salonId, String slotId, Caller caller) {
        Salon salon = salons.get(salonId);
        requireSecretariat(salon, caller);
        return slotView(change(salon, slotId, (programme, now) -> programme.open(slotId, salon, now),
                (before, after, now) -> null), salon);
    }

    /** An expert who serves the salon's cluster books an OPEN slot; a slot someone holds is a 409. */
    SlotView book(String salonId, String slotId, Caller caller) {
        Salon salon = salons.get(salonId);
        Expert expert = profileOf(caller);
        if (!expert.serves(salon.clusterId())) {
            throw new ForbiddenException("Only experts who serve cluster '" + salon.clusterId()
                    + "' lead sessions at its salons; add it to the clusters of your profile.");
        }
        SessionSlot booked = change(salon, slotId, (programme, now) -> programme.book(slotId, expert.id(), salon, now),
                (before, after, now) -> new SalonSessionBooked(UUID.randomUUID(), now, salon.clusterId(),
                        after.version(), after.id(), salon.id(), salon.title(), after.kind().name(), after.title(),
                        after.startsAt(), after.endsAt(), salon.timeZone(), after.expertId()));
        log.info("Session slot {} of salon {} booked by expert {}", slotId, salonId, expert.id());
        return slotView(booked, salon);
    }

    /** The expert who booked a slot withdraws before it is confirmed. */
    SlotView withdraw(String salonId, String slotId, Caller caller) {
        Salon salon = salons.get(salonId);
        if (!caller.isExpert()) {
            throw new ForbiddenException("Only the expert who booked a session slot withdraws from it.");
        }
        SessionSlot open = change(salon, slotId,
                (programme, now) -> programme.withdraw(slotId, caller.subject(), salon, now),
                (before, after, now) -> released(salon, before, after, "EXPERT", now));
        log.info("Expert {} withdrew from session slot {} of salon {}", caller.subject(), slotId, salonId);
        return slotView(open, salon);
    }

    SlotView confirm(String salonId, String slotId, Caller caller) {
        Salon salon = salons.get(salonId);
        requireSecretariat(salon, caller);
        SessionSlot confirmed = change(salon, slotId, (programme, now) -> programme.confirm(slotId, salon, now),
                (before, after, now) -> new SalonSessionConfirmed(UUID.randomUUID(), now, salon.clusterId(),
                        after.version(), after.id(), salon.id(), salon.title(), after.kind().name(), after.title(),
                        after.startsAt(), after.endsAt(), salon.timeZone(), after.expertId()));
        log.info("Session slot {} of salon {} confirmed for expert {}", slotId, salonId, confirmed.expertId());
        return slotView(confirmed, salon);
    }

    SlotView release(String salonId, String slotId, Caller caller) {
        Salon salon = salons.get(salonId);
        requireSecretariat(salon, caller);
        SessionSlot open = change(salon, slotId, (programme, now) -> programme.release(slotId, salon, now),
                (before, after, now) -> released(salon, before, after, "SECRETARIAT", now));
        log.info("Session slot {} of salon {} released", slotId, salonId);
        return slotView(open, salon);
    }

    /**
     * The expert's own view: the salons of the clusters they serve that have not started and have OPEN slots, soonest
     * first, with those slots.
     */
    Page<OpenSalonView> openSessions(String expertId, Caller caller, PageRequest page) {
        if (!caller.isExpert() || !expertId.equals(caller.subject())) {
            throw new ForbiddenException("Only the expert themself sees the sessions open to them.");
        }
        Expert expert = experts.get(expertId);
        List<Salon> ahead = salons.startingAfter(expert.profile().clusters(), clock.instant());
        Map<String, Programme> withOpenSlots = mongo.find(Query.query(Criteria.where("_id")
                        .in(ahead.stream().map(Salon::id).toList()).and("slots.state").is(State.OPEN.name())),
                Programme.class).stream().collect(Collectors.toMap(Programme::salonId, Function.identity()));
        List<OpenSalonView> open = ahead.stream().filter(salon -> withOpenSlots.containsKey(salon.id()))
                .map(salon -> OpenSalonView.of(salon, withOpenSlots.get(salon.id()).slots().stream()
                        .filter(slot -> slot.state() == State.OPEN).toList()))
                .toList();
        int from = (int) Math.min(page.getOffset(), open.size());
        return new PageImpl<>(open.subList(from, Math.min(from + page.getPageSize(), open.size())), page, open.size());
    }

    private SessionSlot change(Salon salon, String slotId, SlotChange change, SlotEvent event) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Programme programme = find(salon.id()).orElseThrow(() -> new SessionSlotNotFoundException(slotId));
            SessionSlot before = programme.slot(slotId);
            Instant now = clock.instant();
            SessionSlot after = change.apply(programme, now);
            Query unchanged = Query.query(Criteria.where("_id").is(salon.id()).and("slots").elemMatch(
                    Criteria.where("id").is(slotId).and("state").is(before.state().name())
                            .and("version").is(before.version())));
            Update update = new Update().set("slots.$[slot]", after).filterArray(Criteria.where("slot._id").is(slotId))
                    .set("updatedAt", now).inc("revision", 1);
            DomainEvent announced = event.of(before, after, now);
            if (announced != null) {
                update.push("outbox", outboxEvents.entryFor(announced));
            }
            if (mongo.updateFirst(unchanged, update, Programme.class).getModifiedCount() == 1) {
                if (announced != null) {
                    relay.ifAvailable(OutboxRelay::wakeUp); // an update is no save: no after-save event wakes it
                }
                return after;
            }
        }
        throw new ConflictException("concurrent-change", "Changed concurrently",
                "The session slot kept changing while this change was being made; reload it and try again.");
    }

    private Optional<Programme> find(String salonId) {
        return Optional.ofNullable(mongo.findById(salonId, Programme.class));
    }

    private Expert profileOf(Caller caller) {
        if (!caller.isExpert()) {
            throw new ForbiddenException("Only experts book the session they will lead.");
        }
        try {
            return experts.get(caller.subject());
        } catch (ExpertNotFoundException noProfile) {
            throw new UnprocessableException("expert-profile-required", "Expert profile required",
                    "Create your expert profile (POST /api/salons/experts) before booking a session.");
        }
    }

    private static void requireSecretariat(Salon salon, Caller caller) {
        if (!caller.isSecretariatOf(salon.clusterId())) {
            throw new ForbiddenException("Only the secretariat of cluster '" + salon.clusterId()
                    + "' manages the programme of its salons.");
        }
    }

    private ProgrammeView view(Programme programme, Salon salon, Caller caller) {
        boolean secretariat = caller.isSecretariatOf(salon.clusterId());
        Map<String, ExpertView> profiles = new HashMap<>();
        return ProgrammeView.of(programme, salon, slot -> secretariat || slot.state() != State.PLANNED, slot -> {
            boolean visible = slot.state() == State.CONFIRMED || slot.state() == State.BOOKED
                    && (secretariat || caller.isExpert() && slot.isLedBy(caller.subject()));
            return visible ? profiles.computeIfAbsent(slot.expertId(), id -> ExpertView.of(experts.get(id))) : null;
        });
    }

    /** A slot as the secretariat or the expert holding it (the callers of its changes) see it. */
    private SlotView slotView(SessionSlot slot, Salon salon) {
        return SlotView.of(slot, ZoneId.of(salon.timeZone()),
                slot.state().isTaken() ? ExpertView.of(experts.get(slot.expertId())) : null);
    }

    private static SalonSessionReleased released(Salon salon, SessionSlot before, SessionSlot after, String by,
                                                 Instant now) {
        return new SalonSessionReleased(UUID.randomUUID(), now, salon.clusterId(), after.version(), after.id(),
                salon.id(), salon.title(), after.kind().name(), after.title(), after.startsAt(), after.endsAt(),
                salon.timeZone(), before.expertId(), before.state().name(), by);
    }

    /** A change of one slot in the programme as read; throws when the rules refuse it. */
    @FunctionalInterface
    private interface SlotChange {
        SessionSlot apply(Programme programme, Instant now);
    }

    /** The event announcing a slot change, or null when it is not announced. */
    @FunctionalInterface
    private interface SlotEvent {
        DomainEvent of(SessionSlot before, SessionSlot after, Instant now);
    }
}
