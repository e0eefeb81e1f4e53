package com.brandcluster.salons.consultation;

import com.brandcluster.platform.security.Caller;
import com.brandcluster.platform.web.ConflictException;
import com.brandcluster.platform.web.ForbiddenException;
import com.brandcluster.platform.web.UnprocessableException;
import com.brandcluster.salons.availability.SlotCalendar;
import com.brandcluster.salons.expert.Expert;
import com.brandcluster.salons.expert.Experts;
import com.brandcluster.platform.membership.ClusterTiers;
import com.brandcluster.platform.membership.MembershipLookup;
import com.brandcluster.platform.membership.Standing;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * Booking a consultation. After the checks that read (the expert serves the cluster, the enterprise is a member in
 * good standing, the start is a free slot), three writes, each guarded in MongoDB and each undone if a later one
 * fails (pattern 4, keyed by the consultation id so that a retry never doubles them):
 * <ol>
 *     <li>the slot's minutes are reserved from the enterprise's consultation hours (pattern 3,
 *     {@link ConsultationHours});</li>
 *     <li>the slot is reserved on the expert's days, against buffers and the daily maximum ({@link ExpertDays});</li>
 *     <li>the consultation is inserted with its slot key and its {@code booked} event (patterns 1 and 2): the unique
 *     slot key makes this the one write that decides which booking holds the slot.</li>
 * </ol>
 * With an {@code Idempotency-Key}, the consultation id comes from the key's claim ({@link IdempotencyKeys}).
 */
@Service
class ConsultationBooking {

    private static final Logger log = LoggerFactory.getLogger(ConsultationBooking.class);

    private final MongoOperations mongo;
    private final Experts experts;
    private final MembershipLookup memberships;
    private final ClusterTiers tiers;
    private final ExpertSchedules schedules;
    private final ConsultationHours hours;
    private final ExpertDays expertDays;
    private final IdempotencyKeys idempotencyKeys;
    private final ConsultationEvents events;
    private final ConsultationProperties properties;
    private final Clock clock;

    ConsultationBooking(MongoOperations mongo, Experts experts, MembershipLookup memberships, ClusterTiers tiers,
                        ExpertSchedules schedules, ConsultationHours hours, ExpertDays expertDays,
                        IdempotencyKeys idempotencyKeys, ConsultationEvents events, ConsultationProperties properties,
                        Clock clock) {
        this.mongo = mongo;
        this.experts = experts;
        this.memberships = memberships;
        this.tiers = tiers;
        this.schedules = schedules;
        this.hours = hours;
        this.expertDays = expertDays;
        this.idempotencyKeys = idempotencyKeys;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    /** The booking, and whether it is the answer to an earlier request with the same idempotency key. */
    record Booked(Consultation consultation, boolean replayed) {
    }

    /** Books, or with a key already used for this request, answers with what that request booked. */
    Booked book(ConsultationRequests.Book request, String idempotencyKey, Caller caller) {
        String enterpriseId = caller.enterprise().orElseThrow(() ->
                new ForbiddenException("Only a user acting for a member enterprise books consultations."));
        if (idempotencyKey == null) {
            return new Booked(book(request, enterpriseId, new ObjectId().toHexString(), caller), false);
        }
        Instant giveUpAt = clock.instant().plus(properties.idempotencyWait());
        for (int attempt = 1; ; attempt++) {
            switch (idempotencyKeys.claim(enterpriseId, idempotencyKey, request.fingerprint(), clock.instant())) {
                case IdempotencyKeys.Replay(String id) -> {
                    return new Booked(mongo.findById(id, Consultation.class), true);
                }
                case IdempotencyKeys.Execute(String id) -> {
                    try {
                        Consultation booked = book(request, enterpriseId, id, caller);
                        idempotencyKeys.complete(enterpriseId, idempotencyKey, id);
                        return new Booked(booked, false);
                    } catch (RuntimeException e) {
                        idempotencyKeys.giveUp(enterpriseId, idempotencyKey, id);
                        throw e;
                    }
                }
                case IdempotencyKeys.Running() -> {
                    if (clock.instant().isAfter(giveUpAt)) {
                        throw new ConflictException("idempotency-key-in-progress", "Request in progress",
                                "A request with this Idempotency-Key is still being processed; retry later.");
                    }
                    // the first request with this key finishes in milliseconds: wait for its answer
                    LockSupport.parkNanos(Duration.ofMillis(Math.min(200, 10L * attempt)).toNanos()
                            + ThreadLocalRandom.current().nextLong(1_000_000));
                }
            }
        }
    }

    private Consultation book(ConsultationRequests.Book request, String enterpriseId, String consultationId,
                              Caller caller) {
        Consultation earlier = mongo.findById(consultationId, Consultation.class);
        if (earlier != null) {
            return earlier; // an interrupted attempt with the same idempotency key got this far
        }
        Expert expert = experts.get(request.expertId());
        if (!expert.serves(request.clusterId())) {
            throw new UnprocessableException("expert-not-in-cluster", "Expert does not serve the cluster",
                    "The expert does not serve cluster '" + request.clusterId() + "'.");
        }
        Standing standing = inGoodStanding(memberships, request.clusterId(), enterpriseId);
        ExpertSchedules.Schedule schedule = schedules.of(expert.id());
        Instant now = clock.instant();
        SlotCalendar.Slot slot = schedules.requireFreeSlot(expert.id(), schedule, request.start(), null, now);
        int hoursPerYear = tiers.consultationHoursPerYear(request.clusterId(), standing.tier())
                .orElseThrow(() -> ConsultationProblems.hoursUnknown(request.clusterId(), standing.tier()));
        int minutes = Math.toIntExact(Duration.between(slot.start(), slot.end()).toMinutes());
        String account = ConsultationHours.accountId(request.clusterId(), enterpriseId, standing.validUntil());
        if (!hours.reserve(request.clusterId(), enterpriseId, standing.validUntil(), consultationId, minutes,
                hoursPerYear * 60, now)) {
            throw HoursAllowance.ofHours(hoursPerYear, hours.usedMinutes(account))
                    .exceeded(minutes, standing.validUntil());
        }
        try {
            expertDays.reserve(consultationId, expert.id(), slot, schedule.calendar(), now);
            Consultation consultation = Consultation.book(consultationId, new Consultation.Booking(
                            request.clusterId(), enterpriseId, expert.id(), expert.profile().name(),
                            expert.profile().timeZone(), request.topic(), request.note()),
                    slot, schedule.policy().autoConfirm(), schedule.policy().cancellationCutoff(), account,
                    caller.subject(), now);
            events.booked(consultation, now);
            Consultation saved = insert(consultation);
            log.info("Consultation {} booked with expert {} at {} ({})", saved.id(), saved.expertId(), saved.start(),
                    saved.state());
            return saved;
        } catch (RuntimeException e) {
            expertDays.release(consultationId, slot.start());
            hours.release(account, consultationId);
            throw e;
        }
    }

    /**
     * The enterprise's membership, which must be in good standing: 403 for a non-member or a suspended, lapsed or
     * terminated member, 503 when it cannot be checked.
     */
    static Standing inGoodStanding(MembershipLookup memberships, String clusterId, String enterpriseId) {
        Standing standing = memberships.standingOf(clusterId, enterpriseId)
                .orElseThrow(() -> ConsultationProblems.notAMember(clusterId));
        if (!standing.isInGoodStanding()) {
            throw ConsultationProblems.notInGoodStanding(clusterId, standing.status());
        }
        return standing;
    }

    /** Inserts the booking; 409 when another booking holds the slot key. */
    private Consultation insert(Consultation consultation) {
        try {
            return mongo.insert(consultation);
        } catch (DuplicateKeyException e) {
            throw ConsultationProblems.slotTaken(consultation.start());
        }
    }
}
