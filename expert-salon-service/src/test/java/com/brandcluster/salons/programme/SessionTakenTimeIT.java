package com.brandcluster.salons.programme;

import com.brandcluster.testsupport.ApiClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A salon session an expert leads is taken time: their free consultation slots leave it out. */
class SessionTakenTimeIT extends ProgrammeIntegrationTest {

    @Test
    void aBookedOrConfirmedSessionRemovesItsTimeFromTheExpertsSlotsUntilReleased() {
        String cluster = uniqueCluster();
        String salon = salonWithOpenSlots(cluster);
        String panel = slotId(salon, cluster, 1);
        String expert = expertServing(cluster);
        setAvailability(expert, null);
        LocalDate day = startOf(salon).toLocalDate();
        assertThat(freeLocalStarts(expert, day)).containsExactly("13:00", "14:00", "15:00", "16:00", "17:00");

        api.as(expertToken(expert)).post(slotPath(salon, panel) + "/booking", null);
        assertThat(freeLocalStarts(expert, day)).as("the panel 15:00-16:00 is booked")
                .containsExactly("13:00", "14:00", "16:00", "17:00");
        api.as(secretariatOf(cluster)).post(slotPath(salon, panel) + "/confirmation", null);
        assertThat(freeLocalStarts(expert, day)).as("and confirmed").containsExactly("13:00", "14:00", "16:00", "17:00");
        assertThat(freeLocalStarts(expertWithAvailability(cluster), day)).as("other experts are not affected")
                .hasSize(5);

        setAvailability(expert, 1);
        assertThat(freeLocalStarts(expert, day)).as("the session counts towards the daily maximum").isEmpty();
        assertThat(freeLocalStarts(expert, day.plusDays(1))).hasSize(5);

        api.as(secretariatOf(cluster)).post(slotPath(salon, panel) + "/release", null);
        assertThat(freeLocalStarts(expert, day)).as("released").hasSize(5);
    }

    @Test
    void aSessionInAnotherSalonOfTheSameExpertIsTakenToo() {
        String cluster = uniqueCluster();
        String expert = expertWithAvailability(cluster);
        String first = salonWithOpenSlots(cluster);
        String second = salonWithOpenSlots(cluster);
        LocalDate day = startOf(first).toLocalDate();

        api.as(expertToken(expert)).post(slotPath(first, slotId(first, cluster, 0)) + "/booking", null);
        api.as(expertToken(expert)).post(slotPath(second, slotId(second, cluster, 2)) + "/booking", null);

        assertThat(freeLocalStarts(expert, day)).as("14:00-14:45 and 16:00-17:00 are taken")
                .containsExactly("13:00", "15:00", "17:00");
    }

    private String expertWithAvailability(String cluster) {
        String expert = expertServing(cluster);
        setAvailability(expert, null);
        return expert;
    }

    /** Every day 13:00 to 18:00 Shanghai time, in hour slots without buffers. */
    private void setAvailability(String expertId, Integer maxSessionsPerDay) {
        Map<String, Object> body = new HashMap<>();
        body.put("weekly", Arrays.stream(DayOfWeek.values())
                .map(d -> Map.of("day", d.name(), "start", "13:00", "end", "18:00")).toList());
        body.put("slotMinutes", 60);
        body.put("maxSessionsPerDay", maxSessionsPerDay);
        ApiClient.Response put = api.as(expertToken(expertId))
                .put("/api/salons/experts/" + expertId + "/availability", body);
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
    }

    private List<String> freeLocalStarts(String expertId, LocalDate day) {
        ApiClient.Response slots = api.anonymous().get("/api/salons/experts/" + expertId + "/slots?from=" + day
                + "&to=" + day.plusDays(1) + "&tz=Asia/Shanghai");
        assertThat(slots.status()).as(slots.toString()).isEqualTo(200);
        return slots.json().get("slots").valueStream()
                .map(slot -> OffsetDateTime.parse(slot.get("localStart").asString()).toLocalTime().toString()).toList();
    }
}
