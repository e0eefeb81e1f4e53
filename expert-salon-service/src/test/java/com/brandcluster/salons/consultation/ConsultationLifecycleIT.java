package com.brandcluster.salons.consultation;

import com.brandcluster.contracts.Exchanges;
import com.brandcluster.contracts.salons.ConsultationBooked;
import com.brandcluster.contracts.salons.ConsultationCancelled;
import com.brandcluster.contracts.salons.ConsultationConfirmed;
import com.brandcluster.contracts.salons.ConsultationRescheduled;
import com.brandcluster.salons.availability.SlotCalendar;
import com.brandcluster.salons.expert.Topic;
import com.brandcluster.testsupport.ApiClient;
import com.brandcluster.testsupport.RabbitExtension;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ConsultationLifecycleIT extends ConsultationIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, String> REASON = Map.of("reason", "Our brand manager is travelling");

    private Connection connection;
    private Channel channel;
    private String published;

    @BeforeEach
    void listenToConsultationEvents() throws Exception {
        connection = RabbitExtension.info().connectionFactory().newConnection();
        channel = connection.createChannel();
        published = channel.queueDeclare("", false, true, true, null).getQueue();
        channel.queueBind(published, Exchanges.SALONS, "salons.consultation.#");
    }

    @AfterEach
    void close() throws Exception {
        connection.close();
    }

    @Test
    void theExpertConfirmsAPendingBookingOnce() {
        String cluster = cluster();
        String enterprise = member(cluster);
        String expertId = expertIn(cluster);
        String id = booked(enterprise, expertId, cluster, at(3, 10));
        String path = PATH + "/" + id + "/confirmation";

        assertProblem(api.as(expert(newSubject())).post(path, null), 403, "forbidden");
        assertProblem(api.as(enterpriseUser(enterprise)).post(path, null), 403, "forbidden");
        assertProblem(api.as(secretariatOf(cluster)).post(path, null), 403, "forbidden");
        assertProblem(api.anonymous().post(path, null), 401, null);
        assertProblem(api.as(expert(expertId)).post(PATH + "/" + new ObjectId() + "/confirmation", null), 404,
                "not-found");
        ApiClient.Response confirmed = api.as(expert(expertId)).post(path, null);
        ApiClient.Response twice = api.as(expert(expertId)).post(path, null);

        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        assertThat(confirmed.at("/state")).isEqualTo("CONFIRMED");
        assertThat(confirmed.at("/version")).isEqualTo("1");
        assertProblem(twice, 409, "consultation-state");
        assertThat(twice.at("/currentState")).isEqualTo("CONFIRMED");
        assertThat(stored(id).version()).isEqualTo(1);
    }

    @Test
    void aCancellationBeforeTheCutoffReturnsTheHoursAndFreesTheSlot() {
        String cluster = cluster();
        String enterprise = member(cluster);
        String expertId = expertIn(cluster);
        Instant start = at(3, 10);
        String id = booked(enterprise, expertId, cluster, start);
        String path = PATH + "/" + id + "/cancellation";

        assertProblem(api.as(enterpriseUser(member(cluster))).post(path, REASON), 403, "forbidden");
        assertProblem(api.as(expert(newSubject())).post(path, REASON), 403, "forbidden");
        assertProblem(api.as(secretariatOf("another-cluster")).post(path, REASON), 403, "forbidden");
        assertProblem(api.anonymous().post(path, REASON), 401, null);
        ApiClient.Response noReason = api.as(enterpriseUser(enterprise)).post(path, Map.of("reason", " "));
        assertProblem(noReason, 400, "validation");
        assertThat(noReason.at("/errors/0/field")).isEqualTo("reason");
        assertThat(stored(id).state()).isEqualTo(Consultation.State.PENDING);

        ApiClient.Response cancelled = api.as(enterpriseUser(enterprise)).post(path, REASON);

        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.at("/state")).isEqualTo("CANCELLED");
        assertThat(cancelled.at("/cancellation/by")).isEqualTo("ENTERPRISE");
        assertThat(cancelled.at("/cancellation/reason")).isEqualTo("Our brand manager is travelling");
        assertThat(cancelled.at("/cancellation/late")).isEqualTo("false");
        assertThat(cancelled.at("/cancellation/hoursReturned")).isEqualTo("true");
        assertThat(usedMinutes(cluster, enterprise)).isZero();
        assertThat(stored(id).slotKey()).isNull();
        assertThat(freeSlots(expertId, start)).contains(start);
        ApiClient.Response again = api.as(expert(expertId)).post(path, REASON);
        assertProblem(again, 409, "consultation-state");
        assertThat(again.at("/currentState")).isEqualTo("CANCELLED");
        assertThat(book(member(cluster), expertId, cluster, start).status()).as("the slot is free again")
                .isEqualTo(201);
    }

    @Test
    void theEnterprisesCancellationAfterTheCutoffIsLateAndKeepsTheHoursButTheExpertsReturnsThem() {
        String cluster = cluster();
        String enterprise = member(cluster);
        String expertId = expertIn(cluster, availability(60, 0, null, true, 3 * 24 * 60));
        String byEnterprise = booked(enterprise, expertId, cluster, at(2, 10));
        String byExpert = booked(enterprise, expertId, cluster, at(2, 14));

        ApiClient.Response late = api.as(enterpriseUser(enterprise)).post(PATH + "/" + byEnterprise + "/cancellation",
                REASON);
        ApiClient.Response expertsLate = api.as(expert(expertId)).post(PATH + "/" + byExpert + "/cancellation",
                Map.of("reason", "I am ill"));

        assertThat(late.at("/cancellation/late")).isEqualTo("true");
        assertThat(late.at("/cancellation/hoursReturned")).isEqualTo("false");
        assertThat(expertsLate.at("/cancellation/by")).isEqualTo("EXPERT");
        assertThat(expertsLate.at("/cancellation/late")).isEqualTo("true");
        assertThat(expertsLate.at("/cancellation/hoursReturned")).isEqualTo("true");
        assertThat(usedMinutes(cluster, enterprise)).as("the late one's hour stays used").isEqualTo(60);
        assertThat(freeSlots(expertId, at(2, 10))).as("but its slot is free").contains(at(2, 10), at(2, 14));
    }

    @Test
    void theClustersSecretariatCancelsToo() {
        String cluster = cluster();
        String enterprise = member(cluster);
        String id = booked(enterprise, expertIn(cluster), cluster, at(3, 10));

        ApiClient.Response cancelled = api.as(secretariatOf(cluster)).post(PATH + "/" + id + "/cancellation",
                Map.of("reason", "Membership under review"));

        assertThat(cancelled.at("/cancellation/by")).isEqualTo("SECRETARIAT");
        assertThat(usedMinutes(cluster, enterprise)).isZero();
    }

    @Test
    void theExpertRecordsTheOutcomeOnlyOfAConfirmedConsultationThatStarted() {
        String cluster = cluster();
        String enterprise = member(cluster);
        String expertId = expertIn(cluster, availability(60, 0, null, true, 60));
        String held = startedConsultation(cluster, enterprise, expertId);
        String missed = startedConsultation(cluster, enterprise, expertId);
        String ahead = booked(enterprise, expertId, cluster, at(3, 10));

        for (String outcome : List.of("completion", "no-show")) {
            String path = PATH + "/" + held + "/" + outcome;
            assertProblem(api.as(enterpriseUser(enterprise)).post(path, null), 403, "forbidden");
            assertProblem(api.as(secretariatOf(cluster)).post(path, null), 403, "forbidden");
            assertProblem(api.as(expert(newSubject())).post(path, null), 403, "forbidden");
            assertProblem(api.anonymous().post(path, null), 401, null);
            assertProblem(api.as(expert(expertId)).post(PATH + "/" + ahead + "/" + outcome, null), 422,
                    "consultation-not-started");
        }
        ApiClient.Response completed = api.as(expert(expertId)).post(PATH + "/" + held + "/completion", null);
        ApiClient.Response noShow = api.as(expert(expertId)).post(PATH + "/" + missed + "/no-show", null);
        ApiClient.Response afterwards = api.as(expert(expertId)).post(PATH + "/" + held + "/no-show", null);

        assertThat(completed.at("/state")).isEqualTo("COMPLETED");
        assertThat(noShow.at("/state")).isEqualTo("NO_SHOW");
        assertProblem(afterwards, 409, "consultation-state");
        assertThat(afterwards.at("/currentState")).isEqualTo("COMPLETED");
        assertProblem(api.as(enterpriseUser(enterprise)).post(PATH + "/" + missed + "/cancellation", REASON), 409,
                "consultation-state");
    }

    @Test
    void theBookingEnterpriseMovesItsBookingToAnotherFreeSlot() {
        String cluster = cluster();
        String enterprise = member(cluster);
        String expertId = expertIn(cluster);
        Instant from = at(3, 10);
        Instant to = at(4, 15);
        String id = booked(enterprise, expertId, cluster, from);
        api.as(expert(expertId)).post(PATH + "/" + id + "/confirmation", null);
        String path = PATH + "/" + id + "/reschedule";
        Map<String, String> target = Map.of("start", to.toString());

        assertProblem(api.as(expert(expertId)).post(path, target), 403, "forbidden");
        assertProblem(api.as(enterpriseUser(member(cluster))).post(path, target), 403, "forbidden");
        assertProblem(api.as(secretariatOf(cluster)).post(path, target), 403, "forbidden");
        assertProblem(api.anonymous().post(path, target), 401, null);
        assertProblem(api.as(enterpriseUser(enterprise)).post(path, Map.of("start", from.toString())), 422,
                "same-slot");
        assertProblem(api.as(enterpriseUser(enterprise)).post(path, Map.of("start", to.plusSeconds(900).toString())),
                422, "not-a-slot");
        assertProblem(api.as(enterpriseUser(enterprise)).post(path, Map.of()), 400, "validation");

        ApiClient.Response moved = api.as(enterpriseUser(enterprise)).post(path, target);

        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(Instant.parse(moved.at("/start"))).isEqualTo(to);
        assertThat(moved.at("/state")).as("the expert confirms the new time").isEqualTo("PENDING");
        assertThat(moved.at("/version")).isEqualTo("2");
        assertThat(stored(id).slotKey()).isEqualTo(expertId + "@" + to);
        assertThat(freeSlots(expertId, from)).contains(from);
        assertThat(freeSlots(expertId, to)).doesNotContain(to);
        assertThat(usedMinutes(cluster, enterprise)).isEqualTo(60);
        assertThat(ledgerSessions(expertId, from)).isEmpty();
        assertThat(ledgerSessions(expertId, to)).extracting(ExpertDays.Session::start).containsExactly(to);
        assertThat(booked(member(cluster), expertId, cluster, from)).as("the old slot is bookable").isNotNull();
    }

    @Test
    void aRescheduleToATakenSlotIsA409AndTheBookingStaysWhereItWas() {
        String cluster = cluster();
        String enterprise = member(cluster);
        String expertId = expertIn(cluster);
        Instant from = at(3, 10);
        Instant taken = at(3, 14);
        String id = booked(enterprise, expertId, cluster, from);
        booked(member(cluster), expertId, cluster, taken);

        ApiClient.Response refused = api.as(enterpriseUser(enterprise)).post(PATH + "/" + id + "/reschedule",
                Map.of("start", taken.toString()));

        assertProblem(refused, 409, "slot-taken");
        Consultation unchanged = stored(id);
        assertThat(unchanged.start()).isEqualTo(from);
        assertThat(unchanged.slotKey()).isEqualTo(expertId + "@" + from);
        assertThat(unchanged.version()).isZero();
        assertThat(ledgerSessions(expertId, from)).hasSize(2).filteredOn(s -> s.consultationId().equals(id))
                .extracting(ExpertDays.Session::start).containsExactly(from);
    }

    @Test
    void aMoveToALongerSlotTakesTheExtraMinutesFromTheHoursOrIsRefused() {
        String cluster = uniqueCluster();
        tiers(cluster, 2);
        String enterprise = member(cluster);
        String expertId = expertIn(cluster);
        String id = booked(enterprise, expertId, cluster, at(3, 10));
        String other = booked(enterprise, expertId, cluster, at(3, 14));
        api.as(expert(expertId)).put("/api/salons/experts/" + expertId + "/availability",
                availability(90, 0, null, false, 24 * 60));
        Map<String, String> longerSlot = Map.of("start", at(4, 8).toString());

        ApiClient.Response refused = api.as(enterpriseUser(enterprise)).post(PATH + "/" + id + "/reschedule",
                longerSlot);
        api.as(enterpriseUser(enterprise)).post(PATH + "/" + other + "/cancellation", REASON);
        ApiClient.Response moved = api.as(enterpriseUser(enterprise)).post(PATH + "/" + id + "/reschedule",
                longerSlot);

        assertProblem(refused, 422, "consultation-hours-exceeded");
        assertThat(refused.at("/remainingMinutes")).as("what the other booking leaves").isEqualTo("60");
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(moved.at("/minutes")).isEqualTo("90");
        assertThat(usedMinutes(cluster, enterprise)).isEqualTo(90);
    }

    @Test
    void noMoveAfterTheCutoff() {
        String cluster = cluster();
        String enterprise = member(cluster);
        String expertId = expertIn(cluster, availability(60, 0, null, false, 3 * 24 * 60));
        String id = booked(enterprise, expertId, cluster, at(2, 10));

        ApiClient.Response refused = api.as(enterpriseUser(enterprise)).post(PATH + "/" + id + "/reschedule",
                Map.of("start", at(5, 10).toString()));

        assertProblem(refused, 422, "reschedule-cutoff-passed");
        assertThat(stored(id).start()).isEqualTo(at(2, 10));
    }

    @Test
    void everyChangeIsPublishedWithTheVersionItMade() {
        String cluster = cluster();
        String enterprise = member(cluster);
        String expertId = expertIn(cluster);
        String id = booked(enterprise, expertId, cluster, at(3, 10));
        api.as(expert(expertId)).post(PATH + "/" + id + "/confirmation", null);
        api.as(enterpriseUser(enterprise)).post(PATH + "/" + id + "/reschedule", Map.of("start", at(3, 12).toString()));
        api.as(expert(expertId)).post(PATH + "/" + id + "/cancellation", Map.of("reason", "I am ill"));

        List<JsonNode> events = awaitEvents(id, 4);

        assertThat(events).extracting(e -> e.get("routingKey").asString()).containsExactly(
                ConsultationBooked.ROUTING_KEY, ConsultationConfirmed.ROUTING_KEY,
                ConsultationRescheduled.ROUTING_KEY, ConsultationCancelled.ROUTING_KEY);
        assertThat(events).extracting(e -> e.get("version").asLong()).containsExactly(0L, 1L, 2L, 3L);
        assertThat(events).allSatisfy(e -> {
            assertThat(e.get("clusterId").asString()).isEqualTo(cluster);
            assertThat(e.get("enterpriseId").asString()).isEqualTo(enterprise);
            assertThat(e.get("expertId").asString()).isEqualTo(expertId);
            assertThat(e.get("expertName").asString()).isEqualTo("Wang Lei");
            assertThat(e.get("topic").asString()).isEqualTo("BRAND_EVALUATION");
        });
        JsonNode rescheduled = events.get(2);
        assertThat(Instant.parse(rescheduled.get("previousStartsAt").asString())).isEqualTo(at(3, 10));
        assertThat(Instant.parse(rescheduled.get("startsAt").asString())).isEqualTo(at(3, 12));
        assertThat(rescheduled.get("state").asString()).isEqualTo("PENDING");
        JsonNode cancelled = events.get(3);
        assertThat(cancelled.get("cancelledBy").asString()).isEqualTo("EXPERT");
        assertThat(cancelled.get("reason").asString()).isEqualTo("I am ill");
        assertThat(cancelled.get("late").asBoolean()).isFalse();
        assertThat(cancelled.get("hoursReturned").asBoolean()).isTrue();
        assertThat(cancelled.get("previousState").asString()).isEqualTo("PENDING");
    }

    /** A confirmed consultation that began ten minutes ago (bookings are only made for the future). */
    private String startedConsultation(String cluster, String enterprise, String expertId) {
        Instant start = Instant.now().minus(Duration.ofMinutes(10));
        String id = new ObjectId().toHexString();
        Consultation consultation = Consultation.book(id, new Consultation.Booking(cluster, enterprise, expertId,
                        "Wang Lei", "Asia/Shanghai", Topic.BRAND_STRATEGY, null),
                new SlotCalendar.Slot(start, start.plus(Duration.ofHours(1))), true, Duration.ofHours(1),
                ConsultationHours.accountId(cluster, enterprise, validUntil()), "user-of-" + enterprise,
                start.minus(Duration.ofDays(3)));
        mongo.insert(consultation);
        return id;
    }

    private List<ExpertDays.Session> ledgerSessions(String expertId, Instant day) {
        ExpertDays.Ledger ledger = mongo.findById(ExpertDays.id(expertId, day.atZone(SHANGHAI).toLocalDate()),
                ExpertDays.Ledger.class);
        return ledger == null ? List.of() : ledger.sessions();
    }

    /** Waits until {@code count} events about the consultation arrived, in publication order. */
    private List<JsonNode> awaitEvents(String consultationId, int count) {
        List<JsonNode> events = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            GetResponse message;
            while ((message = channel.basicGet(published, true)) != null) {
                ObjectNode body = (ObjectNode) JSON.readTree(new String(message.getBody(), StandardCharsets.UTF_8));
                if (consultationId.equals(body.get("consultationId").asString())) {
                    body.put("routingKey", message.getEnvelope().getRoutingKey());
                    events.add(body);
                }
            }
            assertThat(events).hasSize(count);
        });
        return events;
    }
}
