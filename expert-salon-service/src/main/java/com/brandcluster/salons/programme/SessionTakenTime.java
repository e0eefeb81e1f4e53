package com.brandcluster.salons.programme;

import com.brandcluster.salons.availability.SlotCalendar;
import com.brandcluster.salons.availability.TakenTime;
import com.brandcluster.salons.programme.SessionSlot.State;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

/**
 * The salon sessions an expert leads (BOOKED or CONFIRMED) are taken time: no consultation slot overlaps them (with
 * the expert's buffers), and each counts towards the expert's daily maximum.
 */
@Component
class SessionTakenTime implements TakenTime {

    private final MongoOperations mongo;

    SessionTakenTime(MongoOperations mongo) {
        this.mongo = mongo;
    }

    @Override
    public List<SlotCalendar.Interval> takenBetween(String expertId, Instant from, Instant to) {
        Query leading = Query.query(Criteria.where("slots").elemMatch(Criteria.where("expertId").is(expertId)
                .and("state").in(State.BOOKED.name(), State.CONFIRMED.name())
                .and("startsAt").lt(to).and("endsAt").gt(from)));
        return mongo.find(leading, Programme.class).stream()
                .flatMap(programme -> programme.slots().stream())
                .filter(slot -> slot.isLedBy(expertId) && slot.startsAt().isBefore(to) && slot.endsAt().isAfter(from))
                .map(slot -> new SlotCalendar.Interval(slot.startsAt(), slot.endsAt()))
                .toList();
    }
}
