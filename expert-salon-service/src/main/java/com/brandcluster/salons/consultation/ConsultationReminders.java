package com.brandcluster.salons.consultation;

import com.brandcluster.salons.reminder.BookingReminders;
import com.brandcluster.salons.reminder.KeysetBatches;
import com.brandcluster.salons.reminder.ReminderWrites;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.aggregation.ComparisonOperators;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Reminds the booking enterprise and the expert of a confirmed consultation before it starts, once per consultation
 * and start ({@link ReminderWrites}: a lifecycle change saved from an earlier read is a 409 rather than losing the
 * reminder). A pending, cancelled or started consultation is not reminded; one moved to another start is due again.
 * The {@code state_start} index bounds the read to the confirmed consultations in the window, in batch order; the
 * comparison of {@code remindedFor} with {@code start} filters what it finds.
 */
@Component
class ConsultationReminders implements BookingReminders {

    private final MongoOperations mongo;
    private final ConsultationEvents events;
    private final KeysetBatches<Consultation> batches;

    ConsultationReminders(MongoOperations mongo, ConsultationEvents events) {
        this.mongo = mongo;
        this.events = events;
        this.batches = new KeysetBatches<>(mongo, Consultation.class, "start", Consultation::start, Consultation::id);
    }

    @Override
    public int remind(Instant now, Instant until, int batchSize) {
        Criteria due = new Criteria().andOperator(
                Criteria.where("state").is(Consultation.State.CONFIRMED).and("start").gt(now).lte(until),
                Criteria.expr(ComparisonOperators.valueOf(ReminderWrites.FIELD).notEqualTo("start")));
        return batches.sum(due, batchSize, consultation -> ReminderWrites.remind(mongo, Consultation.class,
                consultation.id(), "version", consultation.version(), consultation.start(),
                events.reminder(consultation, now)) ? 1 : 0);
    }
}
