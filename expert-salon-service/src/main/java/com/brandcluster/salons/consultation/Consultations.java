package com.brandcluster.salons.consultation;

import com.brandcluster.platform.security.Caller;
import com.brandcluster.platform.security.Roles;
import com.brandcluster.platform.web.ForbiddenException;
import com.brandcluster.platform.web.UnprocessableException;
import com.brandcluster.salons.availability.SlotCalendar;
import com.brandcluster.platform.membership.ClusterTiers;
import com.brandcluster.platform.membership.MembershipLookup;
import com.brandcluster.platform.membership.Standing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * A consultation's life after booking, and who sees it. Every change is the aggregate's, written with its event in
 * one save guarded by the version (pattern 1); a save that lost a race is a 409. Reservations of hours and expert
 * time follow the booking: a cancellation releases them after its save, a reschedule reserves the new slot before
 * and releases the old one after (pattern 4).
 */
@Service
class Consultations {

    private static final Logger log = LoggerFactory.getLogger(Consultations.class);

    private final MongoOperations mongo;
    private final ExpertSchedules schedules;
    private final MembershipLookup memberships;
    private final ClusterTiers tiers;
    private final ConsultationHours hours;
    private final ExpertDays expertDays;
    private final ConsultationEvents events;
    private final Clock clock;

    Consultations(MongoOperations mongo, ExpertSchedules schedules, MembershipLookup memberships, ClusterTiers tiers,
                  ConsultationHours hours, ExpertDays expertDays, ConsultationEvents events, Clock clock) {
        this.mongo = mongo;
        this.schedules = schedules;
        this.memberships = memberships;
        this.tiers = tiers;
        this.hours = hours;
        this.expertDays = expertDays;
        this.events = events;
        this.clock = clock;
    }

    /** What a list is narrowed to; every part optional. */
    record Filter(Consultation.State state, Instant from, Instant to, String clusterId, Boolean flagged) {
    }

    /** The booking enterprise's users, the expert and the cluster's secretariat read a consultation. */
    Consultation get(String consultationId, Caller caller) {
        Consultation consultation = find(consultationId);
        if (!caller.actsFor(consultation.enterpriseId()) && !isTheExpert(caller, consultation)
                && !caller.isSecretariatOf(consultation.clusterId())) {
            throw new ForbiddenException("This consultation belongs to another enterprise, expert and cluster.");
        }
        return consultation;
    }

    /**
     * The consultations the caller sees, by start: with {@code clusterId} of one of their clusters, a secretariat's
     * whole cluster; otherwise an enterprise user's enterprise's, an expert's own, or a secretariat's clusters'.
     */
    Page<Consultation> list(Filter filter, Caller caller, Pageable pageable) {
        List<Criteria> criteria = new ArrayList<>();
        if (filter.clusterId() != null && caller.isSecretariatOf(filter.clusterId())) {
            criteria.add(Criteria.where("clusterId").is(filter.clusterId()));
        } else if (caller.enterprise().isPresent()) {
            criteria.add(Criteria.where("enterpriseId").is(caller.enterprise().get()));
        } else if (caller.isExpert()) {
            criteria.add(Criteria.where("expertId").is(caller.subject()));
        } else if (filter.clusterId() == null && caller.hasRole(Roles.SECRETARIAT)) {
            criteria.add(Criteria.where("clusterId").in(caller.secretariatOf()));
        } else {
            throw new ForbiddenException(filter.clusterId() == null
                    ? "Only enterprise users, experts and secretariats list consultations."
                    : "Only the secretariat of cluster '" + filter.clusterId() + "' lists its consultations.");
        }
        if (filter.clusterId() != null) {
            criteria.add(Criteria.where("clusterId").is(filter.clusterId()));
        }
        if (filter.state() != null) {
            criteria.add(Criteria.where("state").is(filter.state()));
        }
        if (filter.from() != null) {
            criteria.add(Criteria.where("start").gte(filter.from()));
        }
        if (filter.to() != null) {
            criteria.add(Criteria.where("start").lt(filter.to()));
        }
        if (filter.flagged() != null) {
            criteria.add(Criteria.where("flag").exists(filter.flagged()));
        }
        Query query = new Query(new Criteria().andOperator(criteria));
        long total = mongo.count(query, Consultation.class);
        List<Consultation> content = mongo.find(query.with(pageable), Consultation.class);
        return new PageImpl<>(content, pageable, total);
    }

    /** The expert confirms a pending booking. */
    Consultation confirm(String consultationId, Caller caller) {
        return byTheExpert(consultationId, caller, "confirms", (consultation, now) -> {
            consultation.confirm(caller.subject(), now);
            events.confirmed(consultation, now);
        });
    }

    /** The expert records the outcome of a confirmed consultation that has started. */
    Consultation complete(String consultationId, Caller caller) {
        return byTheExpert(consultationId, caller, "records the outcome of", (consultation, now) -> {
            consultation.complete(caller.subject(), now);
            events.completed(consultation, now);
        });
    }

    Consultation noShow(String consultationId, Caller caller) {
        return byTheExpert(consultationId, caller, "records the outcome of", (consultation, now) -> {
            consultation.noShow(caller.subject(), now);
            events.noShow(consultation, now);
        });
    }

    /**
     * The booking enterprise, the expert or the cluster's secretariat cancels, with a reason. The slot is free as
     * soon as the save removed its key; the expert's time and (unless the enterprise cancelled late) the hours are
     * released after it.
     */
    Consultation cancel(String consultationId, String reason, Caller caller) {
        Consultation consultation = find(consultationId);
        Consultation.Party party;
        if (caller.actsFor(consultation.enterpriseId())) {
            party = Consultation.Party.ENTERPRISE;
        } else if (isTheExpert(caller, consultation)) {
            party = Consultation.Party.EXPERT;
        } else if (caller.isSecretariatOf(consultation.clusterId())) {
            party = Consultation.Party.SECRETARIAT;
        } else {
            throw new ForbiddenException("Only the booking enterprise, the expert or the secretariat of cluster '"
                    + consultation.clusterId() + "' cancels this consultation.");
        }
        Instant now = clock.instant();
        Consultation.Cancellation cancellation = consultation.cancel(party, caller.subject(), reason.strip(), now);
        events.cancelled(consultation, now);
        Consultation saved = save(consultation);
        expertDays.releaseAll(saved.id());
        if (cancellation.hoursReturned()) {
            hours.release(saved.hoursAccount(), saved.id());
        }
        log.info("Consultation {} cancelled by the {}{}", saved.id(), party, cancellation.late() ? " (late)" : "");
        return saved;
    }

    /**
     * The booking enterprise moves the booking to another free slot of the same expert before the cut-off. The new
     * slot is reserved on the expert's days first; then one save moves times and slot key together (a target another
     * booking took meanwhile fails on the unique key, and the booking stays where it was); then the old slot's
     * reservation is released.
     */
    Consultation reschedule(String consultationId, Instant start, Caller caller) {
        Consultation consultation = find(consultationId);
        if (!caller.actsFor(consultation.enterpriseId())) {
            throw new ForbiddenException("Only the booking enterprise moves its consultation.");
        }
        Instant now = clock.instant();
        consultation.checkReschedulable(now);
        if (start.equals(consultation.start())) {
            throw new UnprocessableException("same-slot", "Same slot",
                    "The consultation is at " + start + " already.");
        }
        Standing standing = ConsultationBooking.inGoodStanding(memberships, consultation.clusterId(),
                consultation.enterpriseId());
        ExpertSchedules.Schedule schedule = schedules.of(consultation.expertId());
        SlotCalendar.Slot slot = schedules.requireFreeSlot(consultation.expertId(), schedule, start,
                consultation.interval(), now);
        int previousMinutes = consultation.minutes();
        int minutes = Math.toIntExact(Duration.between(slot.start(), slot.end()).toMinutes());
        if (minutes != previousMinutes) {
            adjustHours(consultation, standing, minutes);
        }
        Instant previousStart = consultation.start();
        Instant previousEnd = consultation.end();
        Consultation saved;
        try {
            expertDays.reserve(consultation.id(), consultation.expertId(), slot, schedule.calendar(), now);
            try {
                consultation.reschedule(slot, schedule.policy().autoConfirm(), caller.subject(), now);
                events.rescheduled(consultation, previousStart, previousEnd, now);
                saved = save(consultation);
            } catch (RuntimeException e) {
                expertDays.release(consultation.id(), slot.start());
                throw e;
            }
        } catch (RuntimeException e) {
            if (minutes != previousMinutes) {
                hours.adjust(consultation.hoursAccount(), consultation.id(), previousMinutes, Integer.MAX_VALUE);
            }
            throw e;
        }
        expertDays.release(saved.id(), previousStart);
        log.info("Consultation {} moved from {} to {}", saved.id(), previousStart, saved.start());
        return saved;
    }

    private void adjustHours(Consultation consultation, Standing standing, int minutes) {
        int hoursPerYear = tiers.consultationHoursPerYear(consultation.clusterId(), standing.tier())
                .orElseThrow(() -> ConsultationProblems.hoursUnknown(consultation.clusterId(), standing.tier()));
        if (!hours.adjust(consultation.hoursAccount(), consultation.id(), minutes, hoursPerYear * 60)) {
            throw HoursAllowance.ofHours(hoursPerYear, hours.usedMinutes(consultation.hoursAccount())
                            - consultation.minutes())
                    .exceeded(minutes, standing.validUntil());
        }
    }

    /** A change only the consultation's expert makes, announced and saved. */
    private Consultation byTheExpert(String consultationId, Caller caller, String verb,
                                     BiConsumer<Consultation, Instant> change) {
        Consultation consultation = find(consultationId);
        if (!isTheExpert(caller, consultation)) {
            throw new ForbiddenException("Only the consultation's expert " + verb + " it.");
        }
        change.accept(consultation, clock.instant());
        return save(consultation);
    }

    private static boolean isTheExpert(Caller caller, Consultation consultation) {
        return caller.isExpert() && consultation.expertId().equals(caller.subject());
    }

    private Consultation find(String consultationId) {
        Consultation consultation = mongo.findById(consultationId, Consultation.class);
        if (consultation == null) {
            throw ConsultationProblems.notFound(consultationId);
        }
        return consultation;
    }

    private Consultation save(Consultation consultation) {
        try {
            return mongo.save(consultation);
        } catch (OptimisticLockingFailureException e) {
            throw ConsultationProblems.changedConcurrently();
        } catch (DuplicateKeyException e) {
            throw ConsultationProblems.slotTaken(consultation.start());
        }
    }
}
