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

    /** Sessions on today's and later ledgers that the consultation does not hold at that start. */
    private void releaseUnheldExpertTime(Instant now, Instant settled) {
        String yesterday = now.atOffset(ZoneOffset.UTC).toLocalDate().minusDays(1).toString();
        for (ExpertDays.Ledger ledger : expertDays.withSessionsReservedBefore(yesterday, settled)) {
            List<ExpertDays.Session> old = ledger.sessions().stream()
                    .filter(s -> s.reservedAt().isBefore(settled)).toList();
            Set<String> held = heldSlotKeys(old.stream()
                    .map(s -> Consultation.slotKey(ledger.expertId(), s.start())).toList());
            old.stream().filter(s -> !held.contains(Consultation.slotKey(ledger.expertId(), s.start())
                            + "/" + s.consultationId()))
                    .forEach(s -> {
                        expertDays.release(s.consultationId(), s.start());
                        log.warn("Expert time of consultation {} at {} released: no booking holds it",
                                s.consultationId(), s.start());
                    });
        }
    }

    /**
     * Reservations made in the day after the grace period whose consultation does not exist, and those of
     * consultations cancelled in that day whose hours were to return.
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

    /** {@code slotKey/consultationId} of the consultations holding these slot keys. */
    private Set<String> heldSlotKeys(List<String> slotKeys) {
        Query holding = Query.query(Criteria.where("slotKey").in(slotKeys));
        holding.fields().include("slotKey");
        return mongo.find(holding, Consultation.class).stream()
                .map(c -> c.slotKey() + "/" + c.id()).collect(Collectors.toSet());
    }
}
