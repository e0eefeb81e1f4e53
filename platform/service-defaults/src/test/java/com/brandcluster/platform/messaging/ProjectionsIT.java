package com.brandcluster.platform.messaging;

import com.brandcluster.platform.messaging.testapp.MessagingTest;
import com.brandcluster.platform.messaging.testapp.TestEvents;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import static org.assertj.core.api.Assertions.assertThat;

@MessagingTest
class ProjectionsIT {

    private static final String COLLECTION = "projections_it";

    @Autowired
    Projections projections;

    @Autowired
    MongoTemplate mongo;

    @Test
    void createsTheProjectionWithTheFirstVersionItSees() {
        String id = TestEvents.newId();

        assertThat(projections.applyIfNewer(COLLECTION, id, 2, new Update().set("status", "SUSPENDED"))).isTrue();

        assertThat(projection(id)).containsEntry("status", "SUSPENDED").containsEntry("version", 2L);
    }

    @Test
    void appliesANewerVersionAndIgnoresOlderAndEqualOnes() {
        String id = TestEvents.newId();

        assertThat(projections.applyIfNewer(COLLECTION, id, 3, new Update().set("status", "ACTIVE"))).isTrue();
        assertThat(projections.applyIfNewer(COLLECTION, id, 2, new Update().set("status", "SUSPENDED"))).isFalse();
        assertThat(projections.applyIfNewer(COLLECTION, id, 3, new Update().set("status", "ACTIVE"))).isFalse();
        assertThat(projection(id)).containsEntry("status", "ACTIVE").containsEntry("version", 3L);

        assertThat(projections.applyIfNewer(COLLECTION, id, 4, new Update().set("status", "LAPSED"))).isTrue();
        assertThat(projection(id)).containsEntry("status", "LAPSED").containsEntry("version", 4L);
    }

    @Test
    void leavesTheCallersUpdateAsItWas() {
        Update update = new Update().set("status", "ACTIVE");

        projections.applyIfNewer(COLLECTION, TestEvents.newId(), 1, update);

        assertThat(update.getUpdateObject()).isEqualTo(new Document("$set", new Document("status", "ACTIVE")));
    }

    private Document projection(String id) {
        Document document = mongo.findOne(Query.query(Criteria.where("_id").is(id)), Document.class, COLLECTION);
        assertThat(document).isNotNull();
        return document;
    }
}
