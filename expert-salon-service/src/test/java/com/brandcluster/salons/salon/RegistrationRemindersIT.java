package com.brandcluster.salons.salon;

import com.brandcluster.contracts.salons.SalonRegistrationReminder;
import com.brandcluster.platform.outbox.OutboxEntry;
import com.brandcluster.salons.reminder.ReminderRounds;
import com.brandcluster.salons.reminder.ReminderJob;
import com.brandcluster.testsupport.ApiClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.index.IndexField;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static com.brandcluster.salons.reminder.ReminderRounds.BEYOND_LEAD_TIME;
import static com.brandcluster.salons.reminder.ReminderRounds.WITHIN_LEAD_TIME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reminders of confirmed salon registrations, driven by calling the reminder job as of chosen instants (the salons
 * start two weeks ahead, beyond the lead time of the job's own scheduled rounds).
 */
class RegistrationRemindersIT extends SalonIntegrationTest {

    @Autowired
    ReminderJob job;

    @Autowired
    RegistrationReminders reminders;

    private SalonEventsQueue published;

    @BeforeEach
    void listenToReminders() throws Exception {
        published = SalonEventsQueue.bound(SalonRegistrationReminder.ROUTING_KEY);
    }

    @AfterEach
    void close() throws Exception {
        published.close();
    }

    /** Registers and expects this status; returns the registration's id. */
    private String registered(String salonId, String enterpriseId, int attendees, String status) {
        ApiClient.Response response = register(salonId, enterpriseId, attendees);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.at("/status")).isEqualTo(status);
        return response.at("/id");
    }

    /** One enterprise's confirmed registration for a new salon. */
    record Registered(String salonId, String enterprise, String id, Instant start) {
    }

    private Registered oneConfirmed() {
        String cluster = uniqueCluster();
        String salonId = createSalon(cluster, 10, 2);
        String enterprise = member(cluster);
        return new Registered(salonId, enterprise, registered(salonId, enterprise, 1, "CONFIRMED"),
                salon(salonId).startsAt());
    }

    private Registration stored(String registrationId) {
        return mongo.findById(registrationId, Registration.class);
    }

    private static List<OutboxEntry> remindersQueued(Registration registration) {
        return registration.outbox().stream()
                .filter(entry -> entry.routingKey().equals(SalonRegistrationReminder.ROUTING_KEY)).toList();
    }

    @Test
    void confirmedRegistrationsAreRemindedOnceWithTheSalonsDetails() {
        String cluster = uniqueCluster();
        String salonId = createSalon(cluster, 3, 2);
        String opal = member(cluster);
        String foshan = member(cluster);
        String two = registered(salonId, opal, 2, "CONFIRMED");
        String one = registered(salonId, foshan, 1, "CONFIRMED");
        String waitlisted = registered(salonId, member(cluster), 1, "WAITLISTED");
        Salon salon = salon(salonId);
        Instant start = salon.startsAt();

        job.remind(start.minus(BEYOND_LEAD_TIME));
        assertThat(stored(two).remindedFor()).as("beyond the lead time").isNull();
        job.remind(start.minus(WITHIN_LEAD_TIME));
        job.remind(start.minus(WITHIN_LEAD_TIME).plusSeconds(60));

        Map<String, JsonNode> sent = published.awaitWhere("salonId", List.of(salonId), 2).stream()
                .collect(Collectors.toMap(e -> e.get("registrationId").asString(), Function.identity()));
        assertThat(sent).containsOnlyKeys(two, one);
        JsonNode reminder = sent.get(two);
        assertThat(reminder.get("routingKey").asString()).isEqualTo("salons.registration.reminder.v1");
        assertThat(reminder.get("clusterId").asString()).isEqualTo(cluster);
        assertThat(reminder.get("enterpriseId").asString()).isEqualTo(opal);
        assertThat(reminder.get("attendees").asInt()).isEqualTo(2);
        assertThat(reminder.get("title").asString()).isEqualTo("Pricing a lighting brand");
        assertThat(Instant.parse(reminder.get("startsAt").asString())).isEqualTo(start);
        assertThat(Instant.parse(reminder.get("endsAt").asString())).isEqualTo(start.plus(Duration.ofHours(3)));
        assertThat(reminder.get("timeZone").asString()).isEqualTo("Asia/Shanghai");
        assertThat(reminder.get("venue").asString()).isEqualTo("Guangzhou Lighting Centre, Hall 3");
        assertThat(reminder.get("onlineLink").asString()).isEqualTo("https://meet.example.com/salon");
        assertThat(reminder.get("version").asLong()).as("the registration's one change").isEqualTo(1);
        assertThat(sent.get(one).get("enterpriseId").asString()).isEqualTo(foshan);
        assertThat(stored(two).remindedFor()).isEqualTo(start);
        assertThat(remindersQueued(stored(two))).hasSize(1);
        assertThat(remindersQueued(stored(one))).hasSize(1);
        assertThat(stored(waitlisted).remindedFor()).isNull();
    }

    @Test
    void cancelledAndOfferedRegistrationsAreNotReminded() {
        String cluster = uniqueCluster();
        String salonId = createSalon(cluster, 3, 2);
        String kept = registered(salonId, member(cluster), 2, "CONFIRMED");
        String cancelling = member(cluster);
        String cancelled = registered(salonId, cancelling, 1, "CONFIRMED");
        String offered = registered(salonId, member(cluster), 1, "WAITLISTED");
        ApiClient.Response cancellation = api.as(enterpriseUser(cancelling))
                .post("/api/salons/registrations/" + cancelled + "/cancellation", null);
        assertThat(cancellation.status()).as(cancellation.toString()).isEqualTo(200);
        assertThat(stored(offered).status()).isEqualTo(Registration.Status.OFFERED);

        job.remind(salon(salonId).startsAt().minus(WITHIN_LEAD_TIME));

        assertThat(published.awaitWhere("salonId", List.of(salonId), 1))
                .extracting(e -> e.get("registrationId").asString()).containsExactly(kept);
        assertThat(stored(cancelled).remindedFor()).isNull();
        assertThat(stored(offered).remindedFor()).isNull();
    }

    @Test
    void roundsRunningAtOnceRemindEachRegistrationOnce() throws Exception {
        String cluster = uniqueCluster();
        String salonId = createSalon(cluster, 20, 2);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(registered(salonId, member(cluster), 1, "CONFIRMED"));
        }
        Instant start = salon(salonId).startsAt();

        ReminderRounds.atOnce(job, start.minus(Duration.ofHours(12)), 8);

        assertThat(published.awaitWhere("salonId", List.of(salonId), ids.size()))
                .extracting(e -> e.get("registrationId").asString()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(ids).allSatisfy(id -> {
            assertThat(stored(id).remindedFor()).isEqualTo(start);
            assertThat(remindersQueued(stored(id))).hasSize(1);
        });
    }

    @Test
    void aSalonWhoseStartChangedIsRemindedAgainOfItsNewStart() {
        Registered registered = oneConfirmed();
        Instant first = registered.start();
        job.remind(first.minus(WITHIN_LEAD_TIME));
        Instant later = first.plus(Duration.ofHours(2));
        mongo.updateFirst(Query.query(Criteria.where("_id").is(registered.salonId())), new Update()
                .set("startsAt", later).set("endsAt", later.plus(Duration.ofHours(3))), Salon.class);

        job.remind(later.minus(WITHIN_LEAD_TIME));
        job.remind(later.minus(WITHIN_LEAD_TIME).plusSeconds(60));

        assertThat(published.awaitWhere("registrationId", List.of(registered.id()), 2))
                .extracting(e -> Instant.parse(e.get("startsAt").asString())).containsExactly(first, later);
        assertThat(stored(registered.id()).remindedFor()).isEqualTo(later);
    }

    @Test
    void aSalonThatHasStartedIsNotRemindedAfterAnOutage() {
        Registered registered = oneConfirmed();

        job.remind(registered.start());
        job.remind(registered.start().plus(Duration.ofMinutes(1)));

        assertThat(published.awaitWhere("registrationId", List.of(registered.id()), 0)).isEmpty();
        assertThat(stored(registered.id()).remindedFor()).isNull();
    }

    @Test
    void aCancellationSavedFromBeforeTheReminderFailsRatherThanLosingIt() {
        Registered registered = oneConfirmed();
        Registration readBefore = stored(registered.id());

        job.remind(registered.start().minus(WITHIN_LEAD_TIME));
        readBefore.cancel("user-of-" + registered.enterprise(), "cancelled by the enterprise", Instant.now());

        assertThatThrownBy(() -> mongo.save(readBefore)).isInstanceOf(OptimisticLockingFailureException.class);
        Registration kept = stored(registered.id());
        assertThat(kept.status()).isEqualTo(Registration.Status.CONFIRMED);
        assertThat(kept.remindedFor()).isEqualTo(registered.start());
        assertThat(remindersQueued(kept)).hasSize(1);
    }

    @Test
    void smallBatchesReachEveryRegistrationOfSalonsStartingTogether() {
        String cluster = uniqueCluster();
        List<String> salons = List.of(createSalon(cluster, 10, 2), createSalon(cluster, 10, 2),
                createSalon(cluster, 10, 2));
        List<String> ids = new ArrayList<>();
        for (String salonId : salons) {
            for (int i = 0; i < 3; i++) {
                ids.add(registered(salonId, member(cluster), 1, "CONFIRMED"));
            }
        }
        Instant start = salon(salons.getFirst()).startsAt();
        assertThat(salons).allSatisfy(salonId -> assertThat(salon(salonId).startsAt()).isEqualTo(start));

        int queued = reminders.remind(start.minus(Duration.ofHours(1)), start, 2);

        assertThat(queued).isGreaterThanOrEqualTo(ids.size());
        assertThat(ids).allSatisfy(id -> assertThat(stored(id).remindedFor()).isEqualTo(start));
        assertThat(published.awaitWhere("registrationId", ids, ids.size())).hasSize(ids.size());
    }

    @Test
    void theSalonsStartingSoonAreFoundThroughAnIndexOnStatusAndStart() {
        assertThat(mongo.indexOps(Salon.class).getIndexInfo()).anySatisfy(index -> {
            assertThat(index.getName()).isEqualTo("status_starts");
            assertThat(index.getIndexFields()).extracting(IndexField::getKey)
                    .containsExactly("status", "startsAt", "_id");
        });
    }
}
