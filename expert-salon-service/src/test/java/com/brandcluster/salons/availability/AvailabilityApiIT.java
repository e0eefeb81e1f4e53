package com.brandcluster.salons.availability;

import com.brandcluster.salons.expert.ExpertIntegrationTest;
import com.brandcluster.testsupport.ApiClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AvailabilityApiIT extends ExpertIntegrationTest {

    private static Map<String, Object> window(String day, String start, String end) {
        return Map.of("day", day, "start", start, "end", end);
    }

    private static Map<String, Object> availability(List<Map<String, Object>> weekly) {
        Map<String, Object> body = new HashMap<>();
        body.put("weekly", weekly);
        body.put("slotMinutes", 60);
        body.put("bufferBeforeMinutes", 0);
        body.put("bufferAfterMinutes", 15);
        body.put("minimumNoticeMinutes", 0);
        body.put("maxSessionsPerDay", 4);
        return body;
    }

    private static Map<String, Object> everyDayNineToTwelve() {
        return availability(Arrays.stream(DayOfWeek.values()).map(d -> window(d.name(), "09:00", "12:00")).toList());
    }

    private String expertWithAvailability(Map<String, Object> availability) {
        String expertId = createExpert();
        ApiClient.Response put = api.as(expert(expertId)).put(path(expertId), availability);
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        return expertId;
    }

    private static String path(String expertId) {
        return "/api/salons/experts/" + expertId + "/availability";
    }

    @Test
    void expertSetsAndReadsTheirAvailability() {
        String expertId = createExpert();
        Map<String, Object> body = everyDayNineToTwelve();
        body.put("overrides", List.of(Map.of("date", "2030-05-01", "windows", List.of()),
                Map.of("date", "2030-05-02", "windows", List.of(Map.of("start", "14:00", "end", "16:00")))));

        ApiClient.Response put = api.as(expert(expertId)).put(path(expertId), body);

        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        ApiClient.Response read = api.as(expert(expertId)).get(path(expertId));
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.at("/timeZone")).isEqualTo("Asia/Shanghai");
        assertThat(read.at("/weekly/0/start")).startsWith("09:00");
        assertThat(read.at("/overrides/0/date")).isEqualTo("2030-05-01");
        assertThat(read.json().get("overrides").get(0).get("windows")).isEmpty();
        assertThat(read.at("/overrides/1/windows/0/start")).startsWith("14:00");
        assertThat(read.at("/bufferAfterMinutes")).isEqualTo("15");
        assertThat(read.at("/maxSessionsPerDay")).isEqualTo("4");
    }

    @Test
    void onlyTheExpertThemselfSetsOrReadsTheAvailability() {
        String expertId = expertWithAvailability(everyDayNineToTwelve());
        Map<String, Object> body = availability(List.of(window("MONDAY", "06:00", "07:00")));

        for (String token : List.of(expert(newSubject()), enterpriseUser("acme"), secretariatOf("lighting"))) {
            assertProblem(api.as(token).put(path(expertId), body), 403, "forbidden");
            assertProblem(api.as(token).get(path(expertId)), 403, "forbidden");
        }
        assertProblem(api.anonymous().put(path(expertId), body), 401, "unauthorized");
        assertProblem(api.anonymous().get(path(expertId)), 401, "unauthorized");
        assertThat(api.as(expert(expertId)).get(path(expertId)).json().get("weekly")).hasSize(7);
    }

    @Test
    void availabilityOfAnExpertWithoutProfileOrWithoutAvailabilityIsNotFound() {
        String unknown = newSubject();
        assertProblem(api.as(expert(unknown)).put(path(unknown), everyDayNineToTwelve()), 404, "not-found");
        assertProblem(api.as(expert(unknown)).get(path(unknown)), 404, "not-found");
        String noAvailability = createExpert();
        assertProblem(api.as(expert(noAvailability)).get(path(noAvailability)), 404, "not-found");
    }

    @Test
    void refusesBadAvailabilityAndChangesNothing() {
        String expertId = expertWithAvailability(everyDayNineToTwelve());
        String token = expert(expertId);

        Map<String, Object> zeroSlot = everyDayNineToTwelve();
        zeroSlot.put("slotMinutes", 0);
        Map<String, Object> negativeBuffer = everyDayNineToTwelve();
        negativeBuffer.put("bufferBeforeMinutes", -5);
        Map<String, Object> noMaximum = everyDayNineToTwelve();
        noMaximum.put("maxSessionsPerDay", 0);
        Map<String, Object> badDay = availability(List.of(window("FUNDAY", "09:00", "12:00")));
        Map<String, Object> badTime = availability(List.of(window("MONDAY", "25:00", "26:00")));
        Map<String, Object> unknownField = everyDayNineToTwelve();
        unknownField.put("holidays", List.of());
        Map<String, Object> overlapping = availability(List.of(window("MONDAY", "09:00", "12:00"),
                window("MONDAY", "11:30", "13:00")));
        Map<String, Object> reversed = availability(List.of(window("MONDAY", "12:00", "09:00")));
        Map<String, Object> twice = everyDayNineToTwelve();
        twice.put("overrides", List.of(Map.of("date", "2030-05-01", "windows", List.of()),
                Map.of("date", "2030-05-01", "windows", List.of())));

        ApiClient.Response zero = api.as(token).put(path(expertId), zeroSlot);
        assertProblem(zero, 400, "validation");
        assertThat(zero.at("/errors/0/field")).isEqualTo("slotMinutes");
        ApiClient.Response negative = api.as(token).put(path(expertId), negativeBuffer);
        assertProblem(negative, 400, "validation");
        assertThat(negative.at("/errors/0/field")).isEqualTo("bufferBeforeMinutes");
        assertProblem(api.as(token).put(path(expertId), noMaximum), 400, "validation");
        assertProblem(api.as(token).put(path(expertId), badDay), 400, "validation");
        assertProblem(api.as(token).put(path(expertId), badTime), 400, "validation");
        assertProblem(api.as(token).put(path(expertId), unknownField), 400, "unknown-property");
        assertProblem(api.as(token).put(path(expertId), overlapping), 422, "overlapping-windows");
        assertProblem(api.as(token).put(path(expertId), reversed), 422, "invalid-window");
        assertProblem(api.as(token).put(path(expertId), twice), 422, "duplicate-override");

        ApiClient.Response read = api.as(token).get(path(expertId));
        assertThat(read.json().get("weekly")).hasSize(7);
        assertThat(read.at("/slotMinutes")).isEqualTo("60");
        assertThat(read.at("/bufferBeforeMinutes")).isEqualTo("0");
    }

    @Test
    void anyoneSeesTheFreeSlotsInUtcAndInTheZoneTheyAskFor() {
        String expertId = expertWithAvailability(everyDayNineToTwelve());
        LocalDate monday = LocalDate.now(ZoneOffset.UTC).plusDays(2).with(TemporalAdjusters.next(DayOfWeek.MONDAY));

        ApiClient.Response slots = api.anonymous().get("/api/salons/experts/" + expertId + "/slots?from=" + monday
                + "&to=" + monday.plusDays(1) + "&tz=Europe/Berlin");

        assertThat(slots.status()).as(slots.toString()).isEqualTo(200);
        assertThat(slots.at("/expertTimeZone")).isEqualTo("Asia/Shanghai");
        assertThat(slots.at("/timeZone")).isEqualTo("Europe/Berlin");
        assertThat(slots.at("/slotMinutes")).isEqualTo("60");
        List<String> starts = new ArrayList<>();
        for (JsonNode slot : slots.json().get("slots")) {
            starts.add(slot.get("start").asString());
        }
        // the Berlin Monday holds the Shanghai Monday morning (09:00-12:00 there is 02:00-05:00 or 03:00-06:00 in
        // Berlin) and none of Tuesday's (which starts at 02:00 or 03:00 Berlin on Tuesday)
        assertThat(starts).hasSize(3).allSatisfy(start -> assertThat(java.time.Instant.parse(start)
                .atZone(ZoneId.of("Asia/Shanghai")).getHour()).isIn(9, 10, 11));
        JsonNode first = slots.json().get("slots").get(0);
        assertThat(java.time.OffsetDateTime.parse(first.get("localStart").asString()).toInstant())
                .isEqualTo(java.time.Instant.parse(first.get("start").asString()));
        assertThat(first.get("localStart").asString()).matches(".*[+]0[12]:00");
    }

    @Test
    void slotsDefaultToTheExpertsZoneAndAreEmptyWithoutAvailability() {
        String expertId = createExpert();

        ApiClient.Response slots = api.anonymous().get("/api/salons/experts/" + expertId
                + "/slots?from=2030-01-07&to=2030-01-08");

        assertThat(slots.status()).as(slots.toString()).isEqualTo(200);
        assertThat(slots.at("/timeZone")).isEqualTo("Asia/Shanghai");
        assertThat(slots.at("/from")).isEqualTo("2030-01-06T16:00:00Z");
        assertThat(slots.json().get("slots")).isEmpty();
    }

    @Test
    void slotsHonourTheExpertsZoneAndTheSlotGrid() {
        String expertId = expertWithAvailability(everyDayNineToTwelve());

        ApiClient.Response slots = api.anonymous().get("/api/salons/experts/" + expertId
                + "/slots?from=2030-01-07T00:00:00Z&to=2030-01-07T12:00:00Z&tz=UTC");

        assertThat(slots.status()).as(slots.toString()).isEqualTo(200);
        assertThat(slots.at("/slots/0/start")).isEqualTo("2030-01-07T01:00:00Z");
        assertThat(slots.at("/slots/0/end")).isEqualTo("2030-01-07T02:00:00Z");
        assertThat(slots.at("/slots/2/start")).isEqualTo("2030-01-07T03:00:00Z");
        assertThat(slots.json().get("slots")).hasSize(3);
    }

    @Test
    void refusesBadSlotQueries() {
        String expertId = expertWithAvailability(everyDayNineToTwelve());
        String slots = "/api/salons/experts/" + expertId + "/slots";

        ApiClient.Response zone = api.anonymous().get(slots + "?from=2030-01-07&to=2030-01-08&tz=Mars/Base");
        assertProblem(zone, 400, "validation");
        assertThat(zone.at("/errors/0/field")).isEqualTo("tz");
        assertProblem(api.anonymous().get(slots + "?from=2030-01-07&to=2030-01-08&tz=%2B08:00"), 400, "validation");
        ApiClient.Response reversed = api.anonymous().get(slots + "?from=2030-01-08&to=2030-01-07");
        assertProblem(reversed, 400, "validation");
        assertThat(reversed.at("/errors/0/field")).isEqualTo("to");
        assertProblem(api.anonymous().get(slots + "?from=2030-01-07&to=2030-01-07"), 400, "validation");
        assertProblem(api.anonymous().get(slots + "?from=2030-01-01&to=2030-03-01"), 400, "validation");
        assertProblem(api.anonymous().get(slots + "?from=yesterday&to=2030-01-07"), 400, "validation");
        assertProblem(api.anonymous().get(slots + "?from=2030-01-07T09:00:00&to=2030-01-08"), 400, "validation");
        assertProblem(api.anonymous().get(slots + "?to=2030-01-08"), 400, null);
        assertProblem(api.anonymous().get("/api/salons/experts/" + newSubject() + "/slots?from=2030-01-07&to=2030-01-08"),
                404, "not-found");
    }
}
