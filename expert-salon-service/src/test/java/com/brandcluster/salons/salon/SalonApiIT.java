package com.brandcluster.salons.salon;

import com.brandcluster.testsupport.ApiClient;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAdjusters;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SalonApiIT extends SalonIntegrationTest {

    @Test
    void theSecretariatOfTheClusterPublishesASalonStoredInUtcWithItsZone() {
        String cluster = uniqueCluster();
        Map<String, Object> request = salonRequest(30, 3);

        ApiClient.Response created = api.as(secretariatOf(cluster))
                .post("/api/salons/clusters/" + cluster + "/salons", request);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("Location")).hasValueSatisfying(l -> l.endsWith("/api/salons/salons/" + created.at("/id")));
        LocalDateTime localStart = LocalDateTime.parse((String) request.get("startsAt"));
        assertThat(created.at("/startsAt")).isEqualTo(localStart.atZone(SHANGHAI).toInstant().toString());
        assertThat(created.at("/localStartsAt")).startsWith(localStart.toString());
        assertThat(created.at("/timeZone")).isEqualTo("Asia/Shanghai");
        assertThat(created.at("/theme")).isEqualTo("Brand Home, Brand Price");
        assertThat(created.at("/capacity")).isEqualTo("30");
        assertThat(created.at("/seatsAvailable")).isEqualTo("30");
        assertThat(created.at("/status")).isEqualTo("PUBLISHED");
        assertThat(created.at("/expertIds/1")).isEqualTo("expert-2");

        ApiClient.Response read = api.anonymous().get("/api/salons/salons/" + created.at("/id"));
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.at("/title")).isEqualTo("Pricing a lighting brand");
    }

    @Test
    void aNewYorkSalonAcrossTheDstChangeKeepsItsLocalTimes() {
        String cluster = uniqueCluster();
        Map<String, Object> request = salonRequest(30, 3);
        ZoneId newYork = ZoneId.of("America/New_York");
        LocalDateTime start = LocalDateTime.ofInstant(newYork.getRules().nextTransition(Instant.now().plus(Duration.ofDays(7)))
                .getInstant(), newYork).toLocalDate().minusDays(1).atTime(18, 0);
        request.put("timeZone", "America/New_York");
        request.put("startsAt", start.toString());
        request.put("endsAt", start.plusDays(2).toString());
        request.put("registrationClosesAt", start.minusDays(1).toString());

        ApiClient.Response created = api.as(secretariatOf(cluster))
                .post("/api/salons/clusters/" + cluster + "/salons", request);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(Duration.between(Instant.parse(created.at("/startsAt")), Instant.parse(created.at("/endsAt"))))
                .isNotEqualTo(Duration.ofHours(48));
        assertThat(created.at("/startsAt")).isEqualTo(start.atZone(newYork).toInstant().toString());
        assertThat(created.at("/endsAt")).isEqualTo(start.plusDays(2).atZone(newYork).toInstant().toString());
        assertThat(created.at("/localEndsAt")).startsWith(start.plusDays(2).toString());
    }

    @Test
    void onlyTheSecretariatOfThatClusterCreatesSalons() {
        String cluster = uniqueCluster();
        String path = "/api/salons/clusters/" + cluster + "/salons";
        Map<String, Object> request = salonRequest(30, 3);

        assertProblem(api.as(secretariatOf("another-cluster")).post(path, request), 403, "forbidden");
        assertProblem(api.as(enterpriseUser(member(cluster))).post(path, request), 403, "forbidden");
        assertProblem(api.as(expert()).post(path, request), 403, "forbidden");
        assertProblem(api.anonymous().post(path, request), 401, null);

        assertThat(api.anonymous().get(path).at("/totalElements")).isEqualTo("0");
    }

    @Test
    void badInputIsRefusedAndStoresNothing() {
        String cluster = uniqueCluster();
        String path = "/api/salons/clusters/" + cluster + "/salons";
        String secretariat = secretariatOf(cluster);

        assertProblem(api.as(secretariat).post(path, with("timeZone", "Mars/Olympus")), 400, "unknown-time-zone");
        assertProblem(api.as(secretariat).post(path, with("timeZone", "+08:00")), 400, "unknown-time-zone");
        assertProblem(api.as(secretariat).post(path, with("capacity", -5)), 400, "validation");
        assertProblem(api.as(secretariat).post(path, with("seatsPerEnterprise", 0)), 400, "validation");
        assertProblem(api.as(secretariat).post(path, with("title", "x".repeat(201))), 400, "validation");
        assertProblem(api.as(secretariat).post(path, with("startsAt", "next tuesday")), 400, null);
        assertProblem(api.as(secretariat).post(path, with("onlineLink", "javascript:alert(1)")), 400, "validation");
        assertProblem(api.as(secretariat).post(path, with("unknownField", "x")), 400, "unknown-property");
        assertProblem(api.as(secretariat).post(path, with("seatsPerEnterprise", 31)), 422, "invalid-salon");
        Map<String, Object> endBeforeStart = salonRequest(30, 3);
        endBeforeStart.put("endsAt", endBeforeStart.get("startsAt"));
        assertProblem(api.as(secretariat).post(path, endBeforeStart), 422, "invalid-salon");
        Map<String, Object> lateWindow = salonRequest(30, 3);
        lateWindow.put("registrationClosesAt", LocalDateTime.parse((String) lateWindow.get("startsAt")).plusMinutes(1).toString());
        assertProblem(api.as(secretariat).post(path, lateWindow), 422, "invalid-salon");
        Map<String, Object> noPlace = salonRequest(30, 3);
        noPlace.remove("venue");
        noPlace.remove("onlineLink");
        assertProblem(api.as(secretariat).post(path, noPlace), 422, "invalid-salon");
        Map<String, Object> skippedTime = salonRequest(30, 3);
        LocalDateTime gap = LocalDate.of(LocalDate.now().getYear() + 1, 3, 1)
                .with(TemporalAdjusters.lastInMonth(DayOfWeek.SUNDAY)).atTime(2, 30);
        skippedTime.put("timeZone", "Europe/Berlin");
        skippedTime.put("startsAt", gap.toString());
        skippedTime.put("endsAt", gap.plusHours(3).toString());
        skippedTime.put("registrationClosesAt", gap.minusDays(3).toString());
        ApiClient.Response inTheGap = api.as(secretariat).post(path, skippedTime);
        assertProblem(inTheGap, 422, "invalid-salon");
        assertThat(inTheGap.at("/detail")).contains("does not exist in Europe/Berlin");

        assertThat(mongo.count(Query.query(Criteria.where("clusterId").is(cluster)), Salon.class)).isZero();
    }

    @Test
    void anyoneListsTheClustersPublishedSalonsPageByPageInStartOrder() {
        String cluster = uniqueCluster();
        String first = createSalon(cluster, 10, 2);
        createSalon(cluster, 20, 2);
        createSalon(cluster, 30, 2);
        createSalon(uniqueCluster(), 10, 2);

        ApiClient.Response page = api.anonymous().get("/api/salons/clusters/" + cluster + "/salons?page=0&size=2");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.at("/totalElements")).isEqualTo("3");
        assertThat(page.at("/totalPages")).isEqualTo("2");
        assertThat(page.json().get("content").size()).isEqualTo(2);
        assertThat(page.at("/content/0/id")).isEqualTo(first);
        ApiClient.Response second = api.as(expert()).get("/api/salons/clusters/" + cluster + "/salons?page=1&size=2");
        assertThat(second.json().get("content").size()).isEqualTo(1);
    }

    @Test
    void anUnknownSalonIsNotFound() {
        assertProblem(api.anonymous().get("/api/salons/salons/no-such-salon"), 404, "not-found");
    }

    private static Map<String, Object> with(String field, Object value) {
        Map<String, Object> request = new HashMap<>(salonRequest(30, 3));
        request.put(field, value);
        return request;
    }
}
