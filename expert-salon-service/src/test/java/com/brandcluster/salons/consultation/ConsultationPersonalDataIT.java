package com.brandcluster.salons.consultation;

import com.brandcluster.contracts.membership.PersonErased;
import com.brandcluster.platform.membership.PersonErasures;
import com.brandcluster.platform.messaging.ProcessedEvents;
import com.brandcluster.platform.security.Roles;
import com.brandcluster.testsupport.ApiClient;
import com.brandcluster.testsupport.TestTokens;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The personal data export of expert-salon-service and the erasure that {@code membership.person.erased.v1} brings:
 * an expert's profile and availability go, consultations stay (anonymised), so the statistics keep their numbers.
 */
class ConsultationPersonalDataIT extends ConsultationIntegrationTest {

    private static final String EXPORT = "/api/salons/me/personal-data";
    private static final String CONSUMER = "expert-salon-service.privacy";

    @Autowired
    ProcessedEvents processedEvents;

    private PersonErasures erasures;

    @BeforeEach
    void erasures() throws Exception {
        erasures = new PersonErasures(processedEvents, CONSUMER);
    }

    @AfterEach
    void closeErasures() throws Exception {
        erasures.close();
    }

    private static String user(String subject, String enterpriseId) {
        return TestTokens.user(subject).roles(Roles.ENTERPRISE).enterpriseId(enterpriseId)
                .email(subject + "@people.example").issue();
    }

    private String bookedBy(String subject, String enterpriseId, String expertId, String clusterId, Instant start) {
        ApiClient.Response booked = api.as(user(subject, enterpriseId)).post(PATH,
                bookingRequest(expertId, clusterId, start));
        assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
        return booked.at("/id");
    }

    private JsonNode export(String token) {
        ApiClient.Response export = api.as(token).get(EXPORT);
        assertThat(export.status()).as(export.toString()).isEqualTo(200);
        return export.json();
    }

    private static List<String> ids(JsonNode export) {
        return export.path("records").valueStream().map(r -> r.get("id").asString()).toList();
    }

    /** The figures without the experts' ids and names: what must not change when a person is erased. */
    private List<String> figures(String clusterId) {
        ApiClient.Response figures = api.as(secretariatOf(clusterId))
                .get("/api/salons/clusters/" + clusterId + "/statistics/consultations");
        assertThat(figures.status()).as(figures.toString()).isEqualTo(200);
        return figures.json().get("experts").valueStream()
                .map(e -> e.get("total").asLong() + " " + e.get("byState")).sorted().toList();
    }





    @Test
    void exportGivesTheCallersBookingsOrExpertProfileAndNothingOfAnotherPerson() throws Exception {
        String cluster = cluster();
        String enterprise = member(cluster);
        String expertId = expertIn(cluster);
        String booker = "booker-" + UUID.randomUUID();
        String colleague = "colleague-" + UUID.randomUUID();
        String mine = bookedBy(booker, enterprise, expertId, cluster, at(2, 10));
        String theirs = bookedBy(colleague, enterprise, expertId, cluster, at(3, 10));

        JsonNode bookerExport = export(user(booker, enterprise));
        JsonNode expertExport = export(expert(expertId));

        assertThat(bookerExport.path("subject").asString()).isEqualTo(booker);
        assertThat(ids(bookerExport)).containsExactly(mine);
        assertThat(bookerExport.toString()).doesNotContain(colleague).doesNotContain(theirs);
        assertThat(expertExport.path("records").findValuesAsString("collection"))
                .contains("experts", "availability", "consultations");
        assertThat(ids(expertExport)).contains(expertId, mine, theirs);
        assertThat(expertExport.toString()).contains("Professor of brand management");
        assertProblem(api.anonymous().get(EXPORT), 401, null);
    }

    @Test
    void erasureDeletesTheExpertsProfileAndAnonymisesConsultationsOnceKeepingTheStatistics() throws Exception {
        String cluster = cluster();
        String enterprise = member(cluster);
        String expertId = expertIn(cluster);
        String booker = "booker-" + UUID.randomUUID();
        String first = bookedBy(booker, enterprise, expertId, cluster, at(2, 10));
        String second = bookedBy("colleague-" + UUID.randomUUID(), enterprise, expertId, cluster, at(3, 10));
        List<String> before = figures(cluster);

        PersonErased expertErased = erasures.erase(expertId);
        erasures.awaitApplied(expertErased);

        assertThat(api.anonymous().get("/api/salons/experts/" + expertId).status()).isEqualTo(404);
        for (String id : List.of(first, second)) {
            Consultation consultation = stored(id);
            assertThat(consultation.expertId()).isEqualTo(expertErased.pseudonym());
            assertThat(consultation.expertName()).isEqualTo(PersonErased.ERASED_NAME);
        }
        assertThat(figures(cluster)).isEqualTo(before);
        assertThat(export(expert(expertId)).path("records").isEmpty()).isTrue();

        // a duplicate delivery is not applied again: data about the expert written since stays
        mongo.insert(new Document("_id", "ent-" + UUID.randomUUID()).append("statedBy", expertId), "needs");
        erasures.publish(expertErased);
        PersonErased bookerErased = erasures.erase(booker);
        erasures.awaitApplied(bookerErased);
        assertThat(mongo.exists(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("statedBy").is(expertId)), "needs"))
                .isTrue();
        Document firstStored = mongo.findById(first, Document.class, "consultations");
        assertThat(firstStored.getString("bookedBy")).isEqualTo(bookerErased.pseudonym());
        assertThat(firstStored.toJson()).doesNotContain(booker).doesNotContain(expertId);
        assertThat(figures(cluster)).isEqualTo(before);
        assertThat(export(user(booker, enterprise)).path("records").isEmpty()).isTrue();
    }
}
