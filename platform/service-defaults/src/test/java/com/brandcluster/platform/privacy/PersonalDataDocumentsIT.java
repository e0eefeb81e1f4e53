package com.brandcluster.platform.privacy;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.brandcluster.platform.messaging.testapp.MessagingTest;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

@MessagingTest
class PersonalDataDocumentsIT {

    private static final String REGISTRATIONS = "privacy_test_registrations";
    private static final String INBOX = "privacy_test_inbox";
    private static final String CLAIMS = "privacy_test_claims";

    @Autowired
    MongoTemplate mongo;

    private PersonalDataDocuments documents;
    private String me;
    private String colleague;
    private String myEmail;

    @BeforeEach
    void holdings() {
        documents = new PersonalDataDocuments(mongo, List.of(
                PersonalDataHolding.anonymise(REGISTRATIONS, "revision", "registeredBy", "history.by")
                        .withEmails("attendees.email"),
                PersonalDataHolding.delete(INBOX, "userId"),
                PersonalDataHolding.anonymise(CLAIMS, null, "userId").settingOnErasure("linked", false)));
        me = "user-" + UUID.randomUUID();
        colleague = "user-" + UUID.randomUUID();
        myEmail = me + "@example.com";
    }

    @Test
    void indexesEveryFieldThatFindsAPersonOnceAndKeepsAnIndexThatAlreadyStartsWithIt() {
        mongo.indexOps(CLAIMS).createIndex(new org.springframework.data.mongodb.core.index.Index()
                .on("userId", org.springframework.data.domain.Sort.Direction.ASC)
                .on("clusterId", org.springframework.data.domain.Sort.Direction.ASC).named("userId_clusterId"));

        documents.createIndexes();
        documents.createIndexes();

        assertThat(leadingKeys(REGISTRATIONS)).containsExactlyInAnyOrder("_id", "registeredBy", "history.by",
                "attendees.email");
        assertThat(leadingKeys(INBOX)).containsExactlyInAnyOrder("_id", "userId");
        assertThat(leadingKeys(CLAIMS)).as("the existing userId_clusterId index serves").containsExactlyInAnyOrder(
                "_id", "userId");
    }

    private List<String> leadingKeys(String collection) {
        List<String> keys = new java.util.ArrayList<>();
        mongo.getCollection(collection).listIndexes()
                .forEach(index -> keys.add(index.get("key", Document.class).keySet().iterator().next()));
        return keys;
    }

    private String registration() {
        String id = UUID.randomUUID().toString();
        mongo.insert(new Document("_id", id).append("enterpriseId", "ent-1").append("enterpriseName", "Opple Lighting")
                .append("registeredBy", me).append("registeredAt", new Date())
                .append("attendees", List.of(
                        new Document("id", "a1").append("name", "Li Ming").append("email", myEmail.toUpperCase())
                                .append("jobTitle", "Brand manager"),
                        new Document("id", "a2").append("name", "Wang Fang").append("email", "wang@example.com")
                                .append("jobTitle", "CEO")))
                .append("history", List.of(new Document("status", "PENDING").append("by", me),
                        new Document("status", "CONFIRMED").append("by", colleague)))
                .append("outbox", List.of(new Document("payload", "{\"registeredBy\":\"" + me + "\"}")))
                .append("revision", 3L), REGISTRATIONS);
        return id;
    }

    @Test
    void exportsOnlyThePartsOfADocumentThatAreAboutThePerson() {
        String id = registration();
        mongo.insert(new Document("_id", UUID.randomUUID().toString()).append("userId", colleague)
                .append("text", "not mine"), INBOX);
        mongo.insert(new Document("_id", UUID.randomUUID().toString()).append("userId", me)
                .append("text", "mine"), INBOX);

        List<PersonalDataDocuments.Item> items = documents.export(me, List.of(myEmail.toUpperCase()));

        assertThat(items).extracting(PersonalDataDocuments.Item::collection).containsExactly(REGISTRATIONS, INBOX);
        Map<String, Object> registration = items.getFirst().data();
        assertThat(items.getFirst().id()).isEqualTo(id);
        assertThat(registration).containsEntry("registeredBy", me).containsEntry("enterpriseName", "Opple Lighting")
                .doesNotContainKey("outbox");
        assertThat(registration.get("attendees")).asList().hasSize(1).first().asString().contains("Li Ming")
                .doesNotContain("Wang Fang");
        assertThat(registration.get("history")).asList().hasSize(1).first().asString().contains("PENDING");
        assertThat(items.get(1).data()).containsEntry("text", "mine");
    }

    @Test
    void erasureAnonymisesSharedDocumentsDeletesOwnOnesAndLeavesOthersAlone() {
        String id = registration();
        mongo.insert(new Document("_id", "mine-" + id).append("userId", me), INBOX);
        mongo.insert(new Document("_id", "theirs-" + id).append("userId", colleague), INBOX);
        mongo.insert(new Document("_id", "ent-1:" + me).append("userId", me).append("displayName", "Li Ming")
                .append("locale", "zh-CN"), CLAIMS);
        String pseudonym = "erased-" + UUID.randomUUID();

        PersonalDataDocuments.Outcome outcome = documents.erase(me, List.of(myEmail), pseudonym);

        assertThat(outcome.deleted()).containsEntry(INBOX, 1);
        assertThat(outcome.anonymised()).containsEntry(REGISTRATIONS, 1).containsEntry(CLAIMS, 1);
        Document registration = mongo.findById(id, Document.class, REGISTRATIONS);
        assertThat(registration.getString("registeredBy")).isEqualTo(pseudonym);
        assertThat(registration.getLong("revision")).isEqualTo(4L);
        List<Document> attendees = registration.getList("attendees", Document.class);
        assertThat(attendees).hasSize(2);
        assertThat(attendees.getFirst()).containsEntry("id", "a1").containsEntry("name", "Erased user")
                .containsEntry("email", null).containsEntry("jobTitle", null);
        assertThat(attendees.get(1)).containsEntry("name", "Wang Fang").containsEntry("email", "wang@example.com")
                .containsEntry("jobTitle", "CEO");
        List<Document> history = registration.getList("history", Document.class);
        assertThat(history).extracting(h -> h.getString("by")).containsExactly(pseudonym, colleague);
        assertThat(registration.toJson()).doesNotContain(me).doesNotContainIgnoringCase(myEmail).doesNotContain("Li Ming");
        assertThat(mongo.exists(Query.query(Criteria.where("_id").is("mine-" + id)), INBOX)).isFalse();
        assertThat(mongo.exists(Query.query(Criteria.where("_id").is("theirs-" + id)), INBOX)).isTrue();
        Document claim = mongo.findById("ent-1:" + pseudonym, Document.class, CLAIMS);
        assertThat(claim).containsEntry("userId", pseudonym).containsEntry("displayName", "Erased user")
                .containsEntry("linked", false)
                .containsEntry("locale", null);
        assertThat(mongo.exists(Query.query(Criteria.where("_id").is("ent-1:" + me)), CLAIMS)).isFalse();
    }

    @Test
    void erasingAgainChangesNothing() {
        String id = registration();
        String pseudonym = "erased-" + UUID.randomUUID();
        documents.erase(me, List.of(myEmail), pseudonym);
        Document once = mongo.findById(id, Document.class, REGISTRATIONS);

        PersonalDataDocuments.Outcome again = documents.erase(me, List.of(myEmail), pseudonym);

        assertThat(again.total()).isZero();
        assertThat(mongo.findById(id, Document.class, REGISTRATIONS)).isEqualTo(once);
        assertThat(documents.export(me, List.of(myEmail))).isEmpty();
    }
}
