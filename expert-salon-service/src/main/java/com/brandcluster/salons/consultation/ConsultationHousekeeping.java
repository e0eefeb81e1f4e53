package com.brandcluster.salons.consultation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Pattern 4's safety net. A booking releases what it reserved when a later step fails; only a crashed instance can
 * leave a reservation behind: expert time whose booking was never written (or was since cancelled or moved), or hours
 * whose booking was never written or was cancelled in time without the release. Reservations older than the grace
 * period that no booking holds are released here, idempotently, on any number of instances. Expired idempotency keys
 * are deleted too.
 */
@Component
class ConsultationHousekeeping {

    private static final Logger log = LoggerFactory.getLogger(ConsultationHousekeeping.class);
    /** Hours reservations are looked at once, in this window after the grace period. */
    private static final Duration HOURS_WINDOW = Duration.ofDays(1);

    private final MongoOperations mongo;
    private final ExpertDays expertDays;
    private final ConsultationHours hours;
    private final IdempotencyKeys idempotencyKeys;
    private final ConsultationProperties properties;
    private final Clock clock;

    ConsultationHousekeeping(MongoOperations mongo, ExpertDays expertDays, ConsultationHours hours,
                             IdempotencyKeys idempotencyKeys, ConsultationProperties properties, Clock clock) {
        this.mongo = mongo;
        this.expertDays = expertDays;
        this.hours = hours;
        this.idempotencyKeys = idempotencyKeys;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${brandcluster.consultations.housekeeping-interval:PT5M}",
            initialDelayString = "${brandcluster.consultations.housekeeping-interval:PT5M}")
    void run() {
        tidy(clock.instant());
    }

    /** One round as of {@code now}. */
    void tidy(Instant now) {
        Instant settled = now.minus(properties.reservationGrace());
        releaseUnheldExpertTime(now, settled);
        releaseUnheldHours(settled);
        long forgotten = idempotencyKeys.forgetExpired(now);
        if (forgotten > 0) {
            log.info("{} expired idempotency keys forgotten", forgotten);
        }
    }

    /** Sessions on the ledgers from yesterday on that no consultation holds at their start. */
    private void releaseUnheldExpertTime(Instant now, Instant settled) {
        String yesterday = now.atOffset(ZoneOffset.UTC).toLocalDate().minusDays(1).toString();
        for (ExpertDays.Ledger ledger : expertDays.withSessionsReservedBefore(yesterday, settled)) {
            List<ExpertDays.Session> old = ledger.sessions().stream()
                    .filter(s -> s.reservedAt().isBefore(settled)).toList();
            Set<String> held = held(ledger.expertId(), old);
            for (ExpertDays.Session session : old) {
                if (!held.contains(holding(ledger.expertId(), session.start(), session.consultationId()))) {
                    expertDays.release(session.consultationId(), session.start());
                    log.warn("Expert time of consultation {} at {} released: no booking holds it",
                            session.consultationId(), session.start());
                }
            }
        }
    }

    /**
     * Hours reserved between a day and the grace period ago for a consultation that does not exist, and the hours of
     * consultations cancelled in that time that were to return.
     */
    private void releaseUnheldHours(Instant settled) {
        Instant since = settled.minus(HOURS_WINDOW);
        for (ConsultationHours.Account account : hours.withReservationsBetween(since, settled)) {
            List<String> ids = account.reservations().stream()
                    .filter(r -> !r.reservedAt().isBefore(since) && r.reservedAt().isBefore(settled))
                    .map(ConsultationHours.Reservation::consultationId).toList();
            Set<String> existing = mongo.find(Query.query(Criteria.where("_id").in(ids)), Consultation.class)
                    .stream().map(Consultation::id).collect(Collectors.toSet());
            ids.stream().filter(id -> !existing.contains(id)).forEach(id -> {
                hours.release(account.id(), id);
                log.warn("Hours of consultation {} released: it was never booked", id);
            });
        }
        mongo.find(Query.query(Criteria.where("state").is(Consultation.State.CANCELLED)
                        .and("cancellation.hoursReturned").is(true)
                        .and("cancellation.at").gte(since).lt(settled)), Consultation.class)
                .forEach(cancelled -> hours.release(cancelled.hoursAccount(), cancelled.id()));
    }

    /** {@link #holding} of the consultations that hold the slots of these sessions. */
    private Set<String> held(String expertId, List<ExpertDays.Session> sessions) {
        Query holding = Query.query(Criteria.where("slotKey").in(sessions.stream()
                .map(s -> Consultation.slotKey(expertId, s.start())).toList()));
        holding.fields().include("expertId", "start");
        return mongo.find(holding, Consultation.class).stream()
                .map(c -> holding(c.expertId(), c.start(), c.id())).collect(Collectors.toSet());
    }

    /** The consultation holding the expert's slot at this start. */
    private static String holding(String expertId, Instant start, String consultationId) {
        return Consultation.slotKey(expertId, start) + "/" + consultationId;
    }
}
