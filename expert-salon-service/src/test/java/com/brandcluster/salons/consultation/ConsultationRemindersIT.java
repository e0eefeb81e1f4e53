package com.brandcluster.salons.consultation;

import com.brandcluster.contracts.salons.ConsultationReminder;
import com.brandcluster.platform.outbox.OutboxEntry;
import com.brandcluster.salons.reminder.ReminderRounds;
import com.brandcluster.salons.reminder.ReminderJob;
import com.brandcluster.salons.salon.SalonEventsQueue;
import com.brandcluster.testsupport.ApiClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.index.IndexField;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.brandcluster.salons.reminder.ReminderRounds.BEYOND_LEAD_TIME;
import static com.brandcluster.salons.reminder.ReminderRounds.WITHIN_LEAD_TIME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reminders of confirmed consultations, driven by calling the reminder job as of chosen instants (the consultations
 * lie days ahead, beyond the lead time of the job's own scheduled rounds).
 */
class ConsultationRemindersIT extends ConsultationIntegrationTest {

    @Autowired
    ReminderJob job;

    @Autowired
    ConsultationReminders reminders;

    private SalonEventsQueue published;

    @BeforeEach
    void listenToReminders() throws Exception {
        published = SalonEventsQueue.bound(ConsultationReminder.ROUTING_KEY);
    }

    @AfterEach
    void close() throws Exception {
        published.close();
    }

    record Booking(String id, String cluster, String enterprise, String expertId) {
    }

    /** A consultation at {@code start} with an expert who confirms bookings automatically (cut-off one hour). */
    private Booking confirmed(Instant start) {
        String cluster = cluster();
        String enterprise = member(cluster);
        String expertId = expertIn(cluster, availability(60, 0, null, true, 60));
        return new Booking(booked(enterprise, expertId, cluster, start), cluster, enterprise, expertId);
    }

    private List<JsonNode> reminders(List<String> consultationIds, int count) {
        return published.awaitWhere("consultationId", consultationIds, count);
    }

    private static List<OutboxEntry> remindersQueued(Consultation consultation) {
        return consultation.outbox().stream()
                .filter(entry -> entry.routingKey().equals(ConsultationReminder.ROUTING_KEY)).toList();
    }

    @Test
    void aConfirmedConsultationIsRemindedOnceWhenItComesWithinTheLeadTime() {
        Instant start = at(3, 10);
        Booking booking = confirmed(start);

        job.remind(start.minus(BEYOND_LEAD_TIME));
        assertThat(stored(booking.id()).remindedFor()).as("beyond the lead time").isNull();
        job.remind(start.minus(WITHIN_LEAD_TIME));
        job.remind(start.minus(WITHIN_LEAD_TIME).plusSeconds(60));

        JsonNode reminder = reminders(List.of(booking.id()), 1).getFirst();
        assertThat(reminder.get("routingKey").asString()).isEqualTo("salons.consultation.reminder.v1");
        assertThat(reminder.get("clusterId").asString()).isEqualTo(booking.cluster());
        assertThat(reminder.get("enterpriseId").asString()).isEqualTo(booking.enterprise());
        assertThat(reminder.get("expertId").asString()).isEqualTo(booking.expertId());
        assertThat(reminder.get("expertName").asString()).isEqualTo("Wang Lei");
        assertThat(reminder.get("expertTimeZone").asString()).isEqualTo("Asia/Shanghai");
        assertThat(reminder.get("topic").asString()).isEqualTo("BRAND_EVALUATION");
        assertThat(Instant.parse(reminder.get("startsAt").asString())).isEqualTo(start);
        assertThat(Instant.parse(reminder.get("endsAt").asString())).isEqualTo(start.plus(Duration.ofHours(1)));
        assertThat(Instant.parse(reminder.get("occurredAt").asString())).isEqualTo(start.minus(WITHIN_LEAD_TIME));
        Consultation reminded = stored(booking.id());
        assertThat(reminded.remindedFor()).isEqualTo(start);
        assertThat(reminded.version()).as("booked at 0, reminded at 1").isEqualTo(1);
        assertThat(reminder.get("version").asLong()).isEqualTo(1);
        assertThat(remindersQueued(reminded)).hasSize(1);
    }

    @Test
    void roundsRunningAtOnceRemindEachConsultationOnce() throws Exception {
        Instant start = at(4, 10);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(confirmed(start).id());
        }

        ReminderRounds.atOnce(job, start.minus(Duration.ofHours(12)), 8);

        assertThat(reminders(ids, ids.size())).extracting(e -> e.get("consultationId").asString())
                .containsExactlyInAnyOrderElementsOf(ids);
        assertThat(ids).allSatisfy(id -> {
            Consultation reminded = stored(id);
            assertThat(reminded.remindedFor()).isEqualTo(start);
            assertThat(reminded.version()).isEqualTo(1);
            assertThat(remindersQueued(reminded)).hasSize(1);
        });
    }

    @Test
    void aMovedConsultationIsRemindedAgainOfItsNewStart() {
        Instant first = at(3, 10);
        Instant moved = at(3, 14);
        Booking booking = confirmed(first);
        job.remind(first.minus(WITHIN_LEAD_TIME));

        ApiClient.Response rescheduled = api.as(enterpriseUser(booking.enterprise()))
                .post(PATH + "/" + booking.id() + "/reschedule", Map.of("start", moved.toString()));
        assertThat(rescheduled.status()).as(rescheduled.toString()).isEqualTo(200);
        assertThat(rescheduled.at("/state")).isEqualTo("CONFIRMED");
        job.remind(moved.minus(WITHIN_LEAD_TIME));
        job.remind(moved.minus(WITHIN_LEAD_TIME).plusSeconds(60));

        List<JsonNode> sent = reminders(List.of(booking.id()), 2);
        assertThat(sent).extracting(e -> Instant.parse(e.get("startsAt").asString())).containsExactly(first, moved);
        assertThat(sent).extracting(e -> e.get("version").asLong()).as("reminded, moved, reminded")
                .containsExactly(1L, 3L);
        assertThat(stored(booking.id()).remindedFor()).isEqualTo(moved);
    }

    @Test
    void aPendingConsultationIsRemindedAtTheFirstRoundAfterTheExpertConfirmedIt() {
        Instant start = at(3, 10);
        String cluster = cluster();
        String enterprise = member(cluster);
        String expertId = expertIn(cluster);
        String id = booked(enterprise, expertId, cluster, start);
        Instant now = start.minus(Duration.ofHours(20));

        job.remind(now);
        assertThat(stored(id).remindedFor()).as("pending").isNull();
        assertThat(api.as(expert(expertId)).post(PATH + "/" + id + "/confirmation", null).status()).isEqualTo(200);
        job.remind(now.plusSeconds(60));

        assertThat(reminders(List.of(id), 1).getFirst().get("version").asLong()).isEqualTo(2);
        assertThat(stored(id).remindedFor()).isEqualTo(start);
    }

    @Test
    void aCancelledConsultationIsNeverReminded() {
        Instant start = at(3, 10);
        Booking booking = confirmed(start);
        assertThat(api.as(enterpriseUser(booking.enterprise())).post(PATH + "/" + booking.id() + "/cancellation",
                Map.of("reason", "Our brand manager is travelling")).status()).isEqualTo(200);

        job.remind(start.minus(WITHIN_LEAD_TIME));

        assertThat(reminders(List.of(booking.id()), 0)).isEmpty();
        assertThat(stored(booking.id()).remindedFor()).isNull();
        assertThat(remindersQueued(stored(booking.id()))).isEmpty();
    }

    @Test
    void aConsultationThatHasStartedIsNotRemindedAfterAnOutage() {
        Instant start = at(3, 10);
        Booking booking = confirmed(start);

        job.remind(start);
        job.remind(start.plus(Duration.ofMinutes(1)));

        assertThat(reminders(List.of(booking.id()), 0)).isEmpty();
        assertThat(stored(booking.id()).remindedFor()).isNull();
    }

    @Test
    void aChangeSavedFromBeforeTheReminderFailsRatherThanLosingIt() {
        Instant start = at(3, 10);
        Booking booking = confirmed(start);
        Consultation readBefore = stored(booking.id());

        job.remind(start.minus(WITHIN_LEAD_TIME));
        readBefore.cancel(Consultation.Party.ENTERPRISE, "user-of-" + booking.enterprise(), "No longer needed",
                Instant.now());

        assertThatThrownBy(() -> mongo.save(readBefore)).isInstanceOf(OptimisticLockingFailureException.class);
        Consultation kept = stored(booking.id());
        assertThat(kept.state()).isEqualTo(Consultation.State.CONFIRMED);
        assertThat(kept.remindedFor()).isEqualTo(start);
        assertThat(remindersQueued(kept)).hasSize(1);
    }

    @Test
    void smallBatchesReachEveryConsultationOfTheSameStart() {
        Instant start = at(5, 9);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(confirmed(start).id());
        }

        int queued = reminders.remind(start.minus(Duration.ofHours(1)), start, 2);

        assertThat(queued).isGreaterThanOrEqualTo(ids.size());
        assertThat(ids).allSatisfy(id -> assertThat(stored(id).remindedFor()).isEqualTo(start));
        assertThat(reminders(ids, ids.size())).hasSize(ids.size());
    }

    @Test
    void theWindowIsReadThroughAnIndexOnStateAndStart() {
        assertThat(mongo.indexOps(Consultation.class).getIndexInfo()).anySatisfy(index -> {
            assertThat(index.getName()).isEqualTo("state_start");
            assertThat(index.getIndexFields()).extracting(IndexField::getKey).containsExactly("state", "start", "_id");
        });
    }
}
