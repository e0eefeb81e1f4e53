package com.brandcluster.salons.consultation;

import com.brandcluster.salons.availability.AvailabilityRules;
import com.brandcluster.salons.availability.SlotCalendar;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * Buffers and the daily maximum under concurrency. The unique slot key of a {@link Consultation} stops two bookings
 * of the same start, but not two bookings of neighbouring slots whose buffers overlap, nor one booking too many on a
 * day. For those, one ledger document per expert and local day (in the expert's zone) lists the consultation sessions
 * whose buffered span touches that day, and carries a version. A reservation reads the ledgers of the days its own
 * buffered span touches, checks against the sessions there, and writes each ledger with a conditional update on the
 * version it read (an insert for a day without a ledger). Two bookings whose buffered spans share an instant share a
 * day, and two bookings of the same day share that day's ledger: one of them finds the version moved and checks again,
 * now seeing the other's session. Sessions are keyed by consultation and start, so reserving and releasing are
 * idempotent (pattern 4); a booking that fails after reserving releases its session.
 */
@Component
class ExpertDays {

    static final String COLLECTION = "consultation_expert_days";
    private static final int ATTEMPTS = 50;

    private final MongoOperations mongo;

    ExpertDays(MongoOperations mongo) {
        this.mongo = mongo;
    }

    @Document(COLLECTION)
    record Ledger(@Id String id, String expertId, @Indexed String date, List<Session> sessions, long version) {
    }

    record Session(@Indexed String consultationId, Instant start, Instant end, Instant reservedAt) {
    }

    /** What a session already on the expert's days says about a new one. */
    enum Verdict { FREE, HELD_ALREADY, OVERLAPS, DAY_FULL }

    /**
     * Reserves the slot for the consultation.
     *
     * @throws com.brandcluster.platform.web.ConflictException 409 {@code slot-taken} when a session of another
     *                                                         consultation overlaps it with buffers,
     *                                                         {@code expert-day-full} when its day has the maximum
     */
    void reserve(String consultationId, String expertId, SlotCalendar.Slot slot, SlotCalendar calendar, Instant now) {
        List<LocalDate> days = daysTouched(slot.start(), slot.end(), calendar.rules(), calendar.zone());
        Session session = new Session(consultationId, slot.start(), slot.end(), now);
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Map<LocalDate, Ledger> ledgers = new LinkedHashMap<>();
            days.forEach(day -> ledgers.put(day, mongo.findById(id(expertId, day), Ledger.class)));
            List<Session> sessions = ledgers.values().stream().filter(Objects::nonNull)
                    .flatMap(l -> l.sessions().stream()).distinct().toList();
            switch (verdict(sessions, session, calendar.rules(), calendar.zone())) {
                case HELD_ALREADY -> {
                    return;
                }
                case OVERLAPS -> throw ConsultationProblems.slotTaken(slot.start());
                case DAY_FULL -> throw ConsultationProblems.dayFull(slot.start().atZone(calendar.zone())
                        .toLocalDate(), calendar.rules().maxSessionsPerDay());
                case FREE -> {
                    if (write(expertId, ledgers, session)) {
                        return;
                    }
                }
            }
            // another booking changed one of these days meanwhile: back off a little and check again
            LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(100_000, 2_000_000L * Math.min(attempt, 10)));
        }
        throw ConsultationProblems.changedConcurrently();
    }

    /** Frees the consultation's session at {@code start} (after a reschedule, or a booking that failed). */
    void release(String consultationId, Instant start) {
        pull(Criteria.where("consultationId").is(consultationId).and("start").is(Date.from(start)), consultationId);
    }

    /** Frees every session of the consultation (it was cancelled). */
    void releaseAll(String consultationId) {
        pull(Criteria.where("consultationId").is(consultationId), consultationId);
    }

    /** Ledgers of days from {@code fromDate} (ISO) on with sessions reserved before {@code reservedBefore}. */
    List<Ledger> withSessionsReservedBefore(String fromDate, Instant reservedBefore) {
        return mongo.find(Query.query(Criteria.where("date").gte(fromDate).and("sessions").elemMatch(
                Criteria.where("reservedAt").lt(reservedBefore))), Ledger.class);
    }

    /**
     * The verdict on a new session given those on its days: the same consultation holding the same start already
     * (a retry), a session of another consultation whose buffered span overlaps the new one's, or its local day
     * holding the maximum of other consultations' sessions. The consultation's own sessions at other starts are
     * ignored: they are the ones a reschedule leaves.
     */
    static Verdict verdict(Collection<Session> sessions, Session session, AvailabilityRules rules, ZoneId zone) {
        LocalDate day = session.start().atZone(zone).toLocalDate();
        int sameDay = 0;
        for (Session other : sessions) {
            if (other.consultationId().equals(session.consultationId())) {
                if (other.start().equals(session.start())) {
                    return Verdict.HELD_ALREADY;
                }
                continue;
            }
            if (overlap(other.start(), other.end(), session.start(), session.end(), rules)) {
                return Verdict.OVERLAPS;
            }
            if (other.start().atZone(zone).toLocalDate().equals(day)) {
                sameDay++;
            }
        }
        Integer max = rules.maxSessionsPerDay();
        return max != null && sameDay >= max ? Verdict.DAY_FULL : Verdict.FREE;
    }

    /** Whether two sessions' buffered spans overlap: the calendar's rule for keeping sessions apart. */
    static boolean overlap(Instant aStart, Instant aEnd, Instant bStart, Instant bEnd, AvailabilityRules rules) {
        return aStart.minus(rules.bufferBefore()).isBefore(bEnd.plus(rules.bufferAfter()))
                && bStart.minus(rules.bufferBefore()).isBefore(aEnd.plus(rules.bufferAfter()));
    }

    /** The local days of the session's buffered span {@code [start - before, end + after)}. */
    static List<LocalDate> daysTouched(Instant start, Instant end, AvailabilityRules rules, ZoneId zone) {
        LocalDate first = start.minus(rules.bufferBefore()).atZone(zone).toLocalDate();
        LocalDate last = end.plus(rules.bufferAfter()).minusNanos(1).atZone(zone).toLocalDate();
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            days.add(day);
        }
        return days;
    }

    static String id(String expertId, LocalDate day) {
        return expertId + "/" + day;
    }

    /**
     * Adds the session to every ledger, each guarded by the version read; false (with what was added taken back) when
     * any of them changed meanwhile.
     */
    private boolean write(String expertId, Map<LocalDate, Ledger> ledgers, Session session) {
        List<String> written = new ArrayList<>();
        for (Map.Entry<LocalDate, Ledger> entry : ledgers.entrySet()) {
            String id = id(expertId, entry.getKey());
            boolean added;
            if (entry.getValue() == null) {
                try {
                    mongo.insert(new Ledger(id, expertId, entry.getKey().toString(), List.of(session), 1));
                    added = true;
                } catch (DuplicateKeyException createdMeanwhile) {
                    added = false;
                }
            } else {
                added = mongo.updateFirst(
                        Query.query(Criteria.where("_id").is(id).and("version").is(entry.getValue().version())),
                        new Update().push("sessions", session).inc("version", 1), Ledger.class)
                        .getModifiedCount() == 1;
            }
            if (!added) {
                written.forEach(done -> pullFrom(done, session));
                return false;
            }
            written.add(id);
        }
        return true;
    }

    private void pullFrom(String ledgerId, Session session) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(ledgerId)), new Update()
                .pull("sessions", new org.bson.Document("consultationId", session.consultationId())
                        .append("start", Date.from(session.start())))
                .inc("version", 1), Ledger.class);
    }

    private void pull(Criteria which, String consultationId) {
        mongo.updateMulti(Query.query(Criteria.where("sessions.consultationId").is(consultationId)),
                new Update().pull("sessions", Query.query(which).getQueryObject()).inc("version", 1), Ledger.class);
    }
}
