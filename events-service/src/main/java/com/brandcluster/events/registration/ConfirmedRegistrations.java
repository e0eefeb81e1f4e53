package com.brandcluster.events.registration;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Who takes part in an event, for features that are open to participants only (the B2B meetings). */
@Component
public class ConfirmedRegistrations {

    private final MongoOperations mongo;

    ConfirmedRegistrations(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /** Whether the enterprise holds a CONFIRMED registration for the event. */
    public boolean holds(String eventId, String enterpriseId) {
        return mongo.exists(Query.query(Criteria.where("exchangeEventId").is(eventId).and("enterpriseId")
                .is(enterpriseId).and("status").is(Registration.Status.CONFIRMED)), Registration.class);
    }
}
