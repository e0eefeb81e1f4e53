package com.brandcluster.system.support;

import com.brandcluster.testsupport.ApiClient;

import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Experts a system test creates for itself: a new Keycloak user with the role, a profile and an availability. */
public final class Experts {

    private Experts() {
    }

    /** A new expert serving the cluster, bookable every day 08:00-20:00 in hourly slots; returns their id. */
    public static String withHourlySlots(ApiClient service, String clusterId) {
        ApiClient expert = service.as(Users.token(Users.create("expert", "expert")));
        ApiClient.Response profile = expert.post("/api/salons/experts", Map.of(
                "name", "Zhao Min", "title", "Brand strategist", "organisation", "Guzhen Brand Institute",
                "bio", "Prices lighting brands.", "topics", List.of("BRAND_STRATEGY"), "languages", List.of("zh-CN"),
                "timeZone", "Asia/Shanghai", "clusters", List.of(clusterId)));
        assertThat(profile.status()).as(profile.toString()).isEqualTo(201);
        String expertId = profile.at("/id");
        Map<String, Object> availability = new HashMap<>();
        availability.put("weekly", Arrays.stream(DayOfWeek.values())
                .map(day -> Map.of("day", day.name(), "start", "08:00", "end", "20:00")).toList());
        availability.put("slotMinutes", 60);
        availability.put("bufferBeforeMinutes", 0);
        availability.put("bufferAfterMinutes", 0);
        availability.put("minimumNoticeMinutes", 60);
        availability.put("maxSessionsPerDay", 12);
        ApiClient.Response set = expert.put("/api/salons/experts/" + expertId + "/availability", availability);
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        return expertId;
    }
}
