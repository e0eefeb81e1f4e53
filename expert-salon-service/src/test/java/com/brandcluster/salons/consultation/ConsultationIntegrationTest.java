package com.brandcluster.salons.consultation;

import com.brandcluster.platform.membership.MemberStanding;
import com.brandcluster.salons.expert.ExpertIntegrationTest;
import com.brandcluster.testsupport.ApiClient;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Consultations against the service's shared test context (the experts' base class, no configuration of its own).
 * Memberships and cluster tiers are written straight into the projections that membership-service's events keep
 * in production; experts work in Shanghai, every day from 08:00 to 20:00 by default.
 */
abstract class ConsultationIntegrationTest extends ExpertIntegrationTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final String PATH = "/api/salons/consultations";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    MongoOperations mongo;

    @LocalServerPort
    int port;

    static String uniqueCluster() {
        return "cluster-" + Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36);
    }

    /** The cluster's tiers as membership-service announced them: one tier, {@code member}, with these hours. */
    void tiers(String clusterId, int consultationHoursPerYear) {
        mongo.save(new Document("_id", clusterId).append("tiers", List.of(new Document("code", "member")
                        .append("name", "Member").append("rank", 1)
                        .append("consultationHoursPerYear", consultationHoursPerYear).append("seatsPerEvent", 2)
                        .append("assetAccessRank", 1)))
                .append("version", 1L).append("updatedAt", new Date()), "cluster_tiers");
    }

    /** A cluster whose members have ten consultation hours a year. */
    String cluster() {
        String cluster = uniqueCluster();
        tiers(cluster, 10);
        return cluster;
    }

    /** A new enterprise with this standing in the cluster, its membership year ending in ten months. */
    String member(String clusterId, String status) {
        String enterpriseId = "ent-" + new ObjectId().toHexString();
        standing(new ObjectId().toHexString(), clusterId, enterpriseId, status);
        return enterpriseId;
    }

    String member(String clusterId) {
        return member(clusterId, MemberStanding.ACTIVE);
    }

    void standing(String membershipId, String clusterId, String enterpriseId, String status) {
        LocalDate today = LocalDate.now(SHANGHAI);
        mongo.save(new MemberStanding(membershipId, clusterId, enterpriseId, "Enterprise " + enterpriseId,
                "T-2026-0001", "member", status, today.minusMonths(2), validUntil(), 1, Instant.now()));
    }

    static LocalDate validUntil() {
        return LocalDate.now(SHANGHAI).withDayOfMonth(1).plusMonths(10);
    }

    /** An availability every day from 08:00 to 20:00 with these slots and policy. */
    static Map<String, Object> availability(int slotMinutes, int bufferAfterMinutes, Integer maxSessionsPerDay,
                                            boolean autoConfirm, int cancellationCutoffMinutes) {
        Map<String, Object> body = new HashMap<>();
        body.put("weekly", Arrays.stream(DayOfWeek.values())
                .map(d -> Map.of("day", d.name(), "start", "08:00", "end", "20:00")).toList());
        body.put("slotMinutes", slotMinutes);
        body.put("bufferBeforeMinutes", 0);
        body.put("bufferAfterMinutes", bufferAfterMinutes);
        body.put("minimumNoticeMinutes", 60);
        body.put("maxSessionsPerDay", maxSessionsPerDay);
        body.put("autoConfirm", autoConfirm);
        body.put("cancellationCutoffMinutes", cancellationCutoffMinutes);
        return body;
    }

    static Map<String, Object> hourlySlots() {
        return availability(60, 0, null, false, 24 * 60);
    }

    /** An expert serving the cluster with this availability; returns their id. */
    String expertIn(String clusterId, Map<String, Object> availability) {
        Map<String, Object> profile = profileRequest("Wang Lei");
        profile.put("clusters", List.of(clusterId));
        String expertId = createExpert(profile);
        ApiClient.Response put = api.as(expert(expertId))
                .put("/api/salons/experts/" + expertId + "/availability", availability);
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        return expertId;
    }

    String expertIn(String clusterId) {
        return expertIn(clusterId, hourlySlots());
    }

    /** {@code hour}:00 in Shanghai, {@code days} from today. */
    static Instant at(int days, int hour) {
        return LocalDate.now(SHANGHAI).plusDays(days).atTime(LocalTime.of(hour, 0)).atZone(SHANGHAI).toInstant();
    }

    static Map<String, Object> bookingRequest(String expertId, String clusterId, Instant start) {
        Map<String, Object> request = new HashMap<>();
        request.put("expertId", expertId);
        request.put("clusterId", clusterId);
        request.put("start", start.toString());
        request.put("topic", "BRAND_EVALUATION");
        request.put("note", "We want to join the cluster's brand index.");
        return request;
    }

    ApiClient.Response book(String enterpriseId, String expertId, String clusterId, Instant start) {
        return api.as(enterpriseUser(enterpriseId)).post(PATH, bookingRequest(expertId, clusterId, start));
    }

    /** Books and expects it to succeed; returns the consultation's id. */
    String booked(String enterpriseId, String expertId, String clusterId, Instant start) {
        ApiClient.Response response = book(enterpriseId, expertId, clusterId, start);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.at("/id");
    }

    /** A POST with an {@code Idempotency-Key} header (which the shared client does not send). */
    ApiClient.Response postWithKey(String token, Object body, String idempotencyKey) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + PATH))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, application/problem+json")
                .header("Authorization", "Bearer " + token)
                .header(ConsultationController.IDEMPOTENCY_KEY, idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new ApiClient.Response(response.statusCode(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Consultation stored(String consultationId) {
        return mongo.findById(consultationId, Consultation.class);
    }

    /** Consultations of the expert that hold their slot (not cancelled). */
    long standing(String expertId) {
        return mongo.count(Query.query(Criteria.where("expertId").is(expertId)
                .and("state").ne(Consultation.State.CANCELLED)), Consultation.class);
    }

    int usedMinutes(String clusterId, String enterpriseId) {
        Document account = mongo.findById(ConsultationHours.accountId(clusterId, enterpriseId, validUntil()),
                Document.class, ConsultationHours.COLLECTION);
        return account == null ? 0 : account.getInteger("usedMinutes");
    }

    /** The free slot starts the public slots endpoint lists for the expert on the day of {@code day}. */
    List<Instant> freeSlots(String expertId, Instant day) {
        LocalDate date = day.atZone(SHANGHAI).toLocalDate();
        ApiClient.Response response = api.anonymous().get("/api/salons/experts/" + expertId + "/slots?from=" + date
                + "&to=" + date.plusDays(1));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("slots").valueStream().map(s -> Instant.parse(s.get("start").asString())).toList();
    }
}
