package com.brandcluster.events.registration;

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

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The personal data export of events-service and the erasure that {@code membership.person.erased.v1} brings: an
 * attendee keeps their place and check-in as "Erased user", so the attendance counts keep their numbers.
 */
class AttendeePersonalDataIT extends AttendanceIntegrationTest {

    private static final String EXPORT = "/api/events/me/personal-data";
    private static final String CONSUMER = "events-service.privacy";

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

    /** The registrant of the enterprise ({@code enterpriseUser}), who also attends, under this address. */
    private record Registrant(String subject, String email, String cluster, String event, String registration,
                              List<String> attendees) {

        String token(String enterpriseId) {
            return TestTokens.user(subject).roles(Roles.ENTERPRISE).enterpriseId(enterpriseId).email(email).issue();
        }
    }

    private Registrant registrantWhoAttends(String enterprise, String cluster, String event) {
        String subject = "user-of-" + enterprise;
        String email = "li.ming-" + UUID.randomUUID() + "@people.example";
        Map<String, Object> liMing = new HashMap<>(attendee("Li Ming", "Export manager", true));
        liMing.put("email", email.toUpperCase());
        ApiClient.Response registered = register(event, enterprise, liMing, attendee("Zhao Lei", "CEO", false));
        return new Registrant(subject, email, cluster, event, registered.at("/id"), attendeeIds(registered));
    }




    private String counts(String event) {
        ApiClient.Response counts = api.as(secretariatOf(eventCluster(event)))
                .get("/api/events/events/" + event + "/attendance");
        assertThat(counts.status()).as(counts.toString()).isEqualTo(200);
        return counts.json().toString();
    }

    private String eventCluster(String eventId) {
        return event(eventId).clusterId();
    }

    @Test
    void exportGivesTheCallersRegistrationEntryAndNothingOfTheOtherAttendees() throws Exception {
        String cluster = cluster();
        String event = published(cluster, 10, 4);
        String enterprise = member(cluster);
        Registrant registrant = registrantWhoAttends(enterprise, cluster, event);

        ApiClient.Response export = api.as(registrant.token(enterprise)).get(EXPORT);

        assertThat(export.status()).as(export.toString()).isEqualTo(200);
        JsonNode records = export.json().get("records");
        assertThat(records.valueStream().map(r -> r.get("id").asString()).toList())
                .containsExactly(registrant.registration());
        assertThat(records.toString()).contains("Li Ming").doesNotContain("Zhao Lei");
        ApiClient.Response another = api.as(enterpriseUser(member(cluster))).get(EXPORT);
        assertThat(another.json().get("records").isEmpty()).isTrue();
        assertProblem(api.anonymous().get(EXPORT), 401, null);
    }

    @Test
    void erasureAnonymisesTheAttendeeOnceAndKeepsTheAttendanceCounts() throws Exception {
        String cluster = cluster();
        String event = published(cluster, 10, 4);
        String enterprise = member(cluster);
        Registrant registrant = registrantWhoAttends(enterprise, cluster, event);
        underway(event);
        checkIn(secretariatOf(cluster), registrant.registration());
        String before = counts(event);

        PersonErased first = erasures.erase(registrant.subject(), registrant.email());
        erasures.awaitApplied(first);

        Registration.Attendee liMing = stored(registrant.registration(), registrant.attendees().getFirst());
        assertThat(liMing.name()).isEqualTo(PersonErased.ERASED_NAME);
        assertThat(liMing.email()).isNull();
        assertThat(liMing.jobTitle()).isNull();
        assertThat(liMing.checkedInAt()).isNotNull();
        Registration.Attendee zhaoLei = stored(registrant.registration(), registrant.attendees().get(1));
        assertThat(zhaoLei.name()).isEqualTo("Zhao Lei");
        assertThat(mongo.findById(registrant.registration(), Document.class, Registration.COLLECTION).toJson())
                .doesNotContain(registrant.subject()).doesNotContainIgnoringCase(registrant.email());
        assertThat(counts(event)).isEqualTo(before);
        assertThat(api.as(registrant.token(enterprise)).get(EXPORT).json().get("records").isEmpty()).isTrue();

        // a duplicate delivery is not applied again: what names the person since stays
        String later = "plan-" + UUID.randomUUID();
        mongo.insert(new Document("_id", later).append("changedBy", registrant.subject()), "meeting_plans");
        erasures.publish(first);
        PersonErased witness = erasures.erase("someone-" + UUID.randomUUID(), "nobody@people.example");
        erasures.awaitApplied(witness);
        assertThat(mongo.findById(later, Document.class, "meeting_plans").getString("changedBy"))
                .isEqualTo(registrant.subject());
    }
}
