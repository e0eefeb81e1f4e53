package com.brandcluster.salons.consultation;

import com.brandcluster.salons.availability.SlotCalendar;
import com.brandcluster.salons.availability.TakenTime;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

/**
 * The expert's time that consultations hold: every booking that was not cancelled (PENDING and CONFIRMED ones, and
 * the day's COMPLETED and NO_SHOW ones, which count towards the daily maximum), so booked slots and their buffers
 * disappear from the free slots.
 */
@Component
class ConsultationTakenTime implements TakenTime {

    private final MongoOperations mongo;

    ConsultationTakenTime(MongoOperations mongo) {
        this.mongo = mongo;
    }

    @Override
    public List<SlotCalendar.Interval> takenBetween(String expertId, Instant from, Instant to) {
        Query overlapping = Query.query(Criteria.where("expertId").is(expertId)
                .and("state").ne(Consultation.State.CANCELLED)
                .and("start").lt(to).and("end").gt(from));
        overlapping.fields().include("start", "end");
        return mongo.find(overlapping, Consultation.class).stream().map(Consultation::interval).toList();
    }
}
