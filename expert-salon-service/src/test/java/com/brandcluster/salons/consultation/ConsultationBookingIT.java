package com.brandcluster.salons.consultation;

import com.brandcluster.platform.membership.MembershipServiceStub;
import com.brandcluster.contracts.salons.ConsultationBooked;
import com.brandcluster.platform.membership.MemberStanding;
import com.brandcluster.testsupport.ApiClient;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(MembershipServiceStub.class)
class ConsultationBookingIT extends ConsultationIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    CircuitBreakerRegistry circuitBreakers;

    WireMockServer membership;

    @BeforeEach
    void membershipService() {
        membership = MembershipServiceStub.server();
        membership.resetAll();
        circuitBreakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
    }

    @AfterEach
    void closedCircuits() {
        circuitBreakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
    }

    @Test
    void aMemberBooksAFreeSlotWhichWaitsForTheExpertAndLeavesTheFreeSlots() {
        String cluster = cluster();
        String enterprise = member(cluster);
        String expertId = expertIn(cluster);
        Instant start = at(3, 10);
        assertThat(freeSlots(expertId, start)).contains(start);

        ApiClient.Response response = book(enterprise, expertId, cluster, start);

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        String id = response.at("/id");
        assertThat(response.header("Location")).hasValueSatisfying(l -> assertThat(l).endsWith(PATH + "/" + id));
        assertThat(response.at("/state")).isEqualTo("PENDING");
        assertThat(response.at("/clusterId")).isEqualTo(cluster);
        assertThat(response.at("/enterpriseId")).isEqualTo(enterprise);
        assertThat(response.at("/expertId")).isEqualTo(expertId);
        assertThat(response.at("/expertName")).isEqualTo("Wang Lei");
        assertThat(response.at("/topic")).isEqualTo("BRAND_EVALUATION");
        assertThat(response.at("/note")).isEqualTo("We want to join the cluster's brand index.");
        assertThat(Instant.parse(response.at("/start"))).isEqualTo(start);
        assertThat(Instant.parse(response.at("/end"))).isEqualTo(start.plus(Duration.ofHours(1)));
        assertThat(OffsetDateTime.parse(response.at("/localStart")).toLocalTime()).hasToString("10:00");
        assertThat(response.at("/localStart")).endsWith("+08:00");
        assertThat(response.at("/minutes")).isEqualTo("60");
        assertThat(Instant.parse(response.at("/cancellationCutoffAt"))).isEqualTo(start.minus(Duration.ofDays(1)));
        assertThat(response.at("/version")).isEqualTo("0");
        assertThat(response.at("/flag")).isNull();

        assertThat(freeSlots(expertId, start)).doesNotContain(start).contains(start.plus(Duration.ofHours(1)));
        assertThat(usedMinutes(cluster, enterprise)).isEqualTo(60);
        Consultation stored = stored(id);
        assertThat(stored.slotKey()).isEqualTo(expertId + "@" + start);
        assertThat(stored.outbox()).singleElement().satisfies(entry -> {
            assertThat(entry.routingKey()).isEqualTo(ConsultationBooked.ROUTING_KEY);
            ConsultationBooked event = JSON.readValue(entry.payload(), ConsultationBooked.class);
            assertThat(event.consultationId()).isEqualTo(id);
            assertThat(event.version()).isZero();
            assertThat(event.state()).isEqualTo("PENDING");
            assertThat(event.startsAt()).isEqualTo(start);
            assertThat(event.expertTimeZone()).isEqualTo("Asia/Shanghai");
        });
    }

    @Test
    void anExpertWhoConfirmsAutomaticallyGetsConfirmedBookings() {
        String cluster = cluster();
        String expertId = expertIn(cluster, availability(60, 0, null, true, 120));

        ApiClient.Response response = book(member(cluster), expertId, cluster, at(2, 15));

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.at("/state")).isEqualTo("CONFIRMED");
        assertThat(Instant.parse(response.at("/cancellationCutoffAt"))).isEqualTo(at(2, 13));
    }

    @Test
    void theAvailabilityCarriesTheBookingPolicyAndDefaultsItForOlderClients() {
        String expertId = expertIn(cluster(), availability(30, 0, 4, true, 90));
        String path = "/api/salons/experts/" + expertId + "/availability";

        ApiClient.Response set = api.as(expert(expertId)).get(path);
        Map<String, Object> withoutPolicy = availability(30, 0, 4, true, 90);
        withoutPolicy.remove("autoConfirm");
        withoutPolicy.remove("cancellationCutoffMinutes");
        ApiClient.Response defaulted = api.as(expert(expertId)).put(path, withoutPolicy);
        Map<String, Object> negative = availability(30, 0, 4, true, -1);

        assertThat(set.at("/autoConfirm")).isEqualTo("true");
        assertThat(set.at("/cancellationCutoffMinutes")).isEqualTo("90");
        assertThat(defaulted.status()).as(defaulted.toString()).isEqualTo(200);
        assertThat(defaulted.at("/autoConfirm")).isEqualTo("false");
        assertThat(defaulted.at("/cancellationCutoffMinutes")).isEqualTo("1440");
        ApiClient.Response refused = api.as(expert(expertId)).put(path, negative);
        assertProblem(refused, 400, "validation");
        assertThat(refused.at("/errors/0/field")).isEqualTo("cancellationCutoffMinutes");
    }

    @Test
    void aStartThatIsNotOneOfTheExpertsFutureSlotsIsA422AndBooksNothing() {
        String cluster = cluster();
        String enterprise = member(cluster);
        String expertId = expertIn(cluster);
        Map<String, Object> noticeOfTwoDays = hourlySlots();
        noticeOfTwoDays.put("minimumNoticeMinutes", 2 * 24 * 60);
        String farAheadExpert = expertIn(cluster, noticeOfTwoDays);
        String expertWithoutAvailability = createExpert(Map.of("name", "Li Na", "topics", List.of("DESIGN"),
                "languages", List.of("zh"), "timeZone", "Asia/Shanghai", "clusters", List.of(cluster)));

        assertProblem(book(enterprise, expertId, cluster, at(-1, 10)), 422, "slot-in-past");
        ApiClient.Response tooSoon = book(enterprise, farAheadExpert, cluster, at(1, 10));
        assertProblem(tooSoon, 422, "slot-too-soon");
        assertThat(tooSoon.at("/detail")).contains("2880 minutes");
        assertProblem(book(enterprise, expertId, cluster, at(3, 10).plus(Duration.ofMinutes(30))), 422, "not-a-slot");
        assertProblem(book(enterprise, expertId, cluster, at(3, 21)), 422, "not-a-slot");
        assertProblem(book(enterprise, expertId, cluster, at(3, 6)), 422, "not-a-slot");
        assertProblem(book(enterprise, expertWithoutAvailability, cluster, at(3, 10)), 422, "expert-not-bookable");
        assertProblem(book(enterprise, expertId, "another-cluster", at(3, 10)), 422, "expert-not-in-cluster");
        assertProblem(book(enterprise, "expert-nobody", cluster, at(3, 10)), 404, "not-found");

        assertThat(mongo.count(Query.query(Criteria.where("enterpriseId").is(enterprise)), Consultation.class))
                .isZero();
        assertThat(usedMinutes(cluster, enterprise)).isZero();
    }

    @Test
    void aMalformedBookingIsA400() {
        String cluster = cluster();
        String enterprise = member(cluster);
        String expertId = expertIn(cluster);
        Map<String, Object> valid = bookingRequest(expertId, cluster, at(3, 10));

        for (Map.Entry<String, Object> broken : List.<Map.Entry<String, Object>>of(
                Map.entry("topic", "ASTROLOGY"), Map.entry("start", "tomorrow at ten"),
                Map.entry("clusterId", "Not A Cluster"), Map.entry("note", "x".repeat(2001)),
                Map.entry("expertId", " "))) {
            Map<String, Object> request = new java.util.HashMap<>(valid);
            request.put(broken.getKey(), broken.getValue());
            ApiClient.Response response = api.as(enterpriseUser(enterprise)).post(PATH, request);
            assertProblem(response, 400, null);
            assertThat(response.at("/errors/0/field")).as(response.toString()).isEqualTo(broken.getKey());
        }
        Map<String, Object> withoutStart = new java.util.HashMap<>(valid);
        withoutStart.remove("start");
        assertProblem(api.as(enterpriseUser(enterprise)).post(PATH, withoutStart), 400, "validation");
        assertProblem(api.as(enterpriseUser(enterprise)).post(PATH, "{not json"), 400, "malformed-body");
        ApiClient.Response badKey = postWithKey(enterpriseUser(enterprise), valid, "k".repeat(256));
        assertProblem(badKey, 400, "validation");
        assertThat(badKey.at("/errors/0/field")).isEqualTo("idempotencyKey");
        assertThat(usedMinutes(cluster, enterprise)).isZero();
    }

    @Test
    void aTakenSlotIsA409AndSoAreSlotsInsideItsBuffersAndADayWithTheMaximum() {
        String cluster = cluster();
        String expertId = expertIn(cluster, availability(60, 30, 2, false, 24 * 60));
        String second = member(cluster);
        booked(member(cluster), expertId, cluster, at(4, 10));

        ApiClient.Response same = book(second, expertId, cluster, at(4, 10));
        ApiClient.Response insideBuffer = book(second, expertId, cluster, at(4, 11));
        String afterBuffer = booked(second, expertId, cluster, at(4, 12));
        ApiClient.Response thirdOfTheDay = book(member(cluster), expertId, cluster, at(4, 16));

        assertProblem(same, 409, "slot-taken");
        assertProblem(insideBuffer, 409, "slot-taken");
        assertThat(afterBuffer).isNotNull();
        assertProblem(thirdOfTheDay, 409, "expert-day-full");
        assertThat(thirdOfTheDay.at("/detail")).contains("at most 2 consultations");
        assertThat(standing(expertId)).isEqualTo(2);
        assertThat(usedMinutes(cluster, second)).isEqualTo(60);
        assertThat(book(second, expertId, cluster, at(5, 16)).status()).as("another day").isEqualTo(201);
    }

    @Test
    void onlyAMemberInGoodStandingBooks() {
        String cluster = cluster();
        String expertId = expertIn(cluster);
        String outsider = "ent-outsider-" + cluster;
        membership.stubFor(get(urlEqualTo("/api/membership/clusters/" + cluster + "/members/" + outsider))
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"type\":\"urn:brandcluster:problem:not-found\",\"status\":404}")));

        assertProblem(book(outsider, expertId, cluster, at(3, 9)), 403, "not-a-member");
        for (String status : List.of("SUSPENDED", "LAPSED", "TERMINATED")) {
            ApiClient.Response refused = book(member(cluster, status), expertId, cluster, at(3, 9));
            assertProblem(refused, 403, "member-not-in-good-standing");
            assertThat(refused.at("/membershipStatus")).isEqualTo(status);
        }
        assertThat(book(member(cluster, MemberStanding.GRACE), expertId, cluster, at(3, 9)).status())
                .isEqualTo(201);
    }

    @Test
    void anEnterpriseNotYetKnownHereIsAskedOfMembershipService() {
        String cluster = cluster();
        String expertId = expertIn(cluster);
        String admitted = "ent-just-admitted-" + cluster;
        String unknown = "ent-unknown-" + cluster;
        membership.stubFor(get(urlEqualTo("/api/membership/clusters/" + cluster + "/members/" + admitted))
                .willReturn(okJson("""
                        {"id":"m-1","clusterId":"%s","enterpriseId":"%s","tier":"member","status":"ACTIVE",
                         "validUntil":"%s","version":1}""".formatted(cluster, admitted, validUntil()))));
        membership.stubFor(get(urlEqualTo("/api/membership/clusters/" + cluster + "/members/" + unknown))
                .willReturn(aResponse().withStatus(503)));

        ApiClient.Response booked = book(admitted, expertId, cluster, at(3, 9));
        ApiClient.Response uncheckable = book(unknown, expertId, cluster, at(3, 11));

        assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
        assertThat(usedMinutes(cluster, admitted)).isEqualTo(60);
        assertProblem(uncheckable, 503, "membership-unavailable");
        assertThat(standing(expertId)).isEqualTo(1);
    }

    @Test
    void tiersNotKnownHereYetAreA503AndBookNothing() {
        String cluster = uniqueCluster();
        String enterprise = member(cluster);
        String expertId = expertIn(cluster);

        ApiClient.Response response = book(enterprise, expertId, cluster, at(3, 10));

        assertProblem(response, 503, "consultation-hours-unknown");
        assertThat(standing(expertId)).isZero();
        assertThat(usedMinutes(cluster, enterprise)).isZero();
        tiers(cluster, 10);
        assertThat(book(enterprise, expertId, cluster, at(3, 10)).status()).isEqualTo(201);
    }

    @Test
    void aBookingBeyondTheTiersHoursIsA422ThatSaysWhatRemains() {
        String cluster = uniqueCluster();
        tiers(cluster, 2);
        String enterprise = member(cluster);
        String expertId = expertIn(cluster, availability(90, 0, null, false, 24 * 60));
        booked(enterprise, expertId, cluster, at(3, 8));

        ApiClient.Response refused = book(enterprise, expertId, cluster, at(4, 8));

        assertProblem(refused, 422, "consultation-hours-exceeded");
        assertThat(refused.at("/remainingMinutes")).isEqualTo("30");
        assertThat(refused.at("/remainingHours")).isEqualTo("0.5");
        assertThat(refused.at("/hoursPerYear")).isEqualTo("2");
        assertThat(refused.at("/membershipYearEnds")).isEqualTo(validUntil().toString());
        assertThat(refused.at("/detail")).contains("0.5 of its 2 consultation hours left");
        assertThat(usedMinutes(cluster, enterprise)).isEqualTo(90);
        assertThat(standing(expertId)).isEqualTo(1);
        assertThat(freeSlots(expertId, at(4, 8))).as("the slot stays free").contains(at(4, 8));
    }

    @Test
    void onlyUsersActingForAnEnterpriseBook() {
        String cluster = cluster();
        String expertId = expertIn(cluster);
        Map<String, Object> request = bookingRequest(expertId, cluster, at(3, 10));

        assertProblem(api.as(expert(expertId)).post(PATH, request), 403, "forbidden");
        assertProblem(api.as(secretariatOf(cluster)).post(PATH, request), 403, "forbidden");
        assertProblem(api.anonymous().post(PATH, request), 401, null);
        assertThat(standing(expertId)).isZero();
    }
}
