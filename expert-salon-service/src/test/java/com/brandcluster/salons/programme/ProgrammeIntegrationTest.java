package com.brandcluster.salons.programme;

import com.brandcluster.platform.security.Roles;
import com.brandcluster.salons.salon.SalonIntegrationTest;
import com.brandcluster.testsupport.ApiClient;
import com.brandcluster.testsupport.TestTokens;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Salons (in Shanghai, two weeks ahead, 14:00 to 17:00 local time) with programmes, and experts with profiles: the
 * shared context of every IT of this service.
 */
abstract class ProgrammeIntegrationTest extends SalonIntegrationTest {

    /** A token of the expert with this subject. */
    static String expertToken(String expertId) {
        return TestTokens.user(expertId).roles(Roles.EXPERT).issue();
    }

    /** A new expert with a profile serving these clusters; returns their id. */
    String expertServing(String... clusters) {
        String expertId = "expert-" + UUID.randomUUID();
        Map<String, Object> profile = new HashMap<>();
        profile.put("name", "Wang Fang " + expertId.substring(7, 13));
        profile.put("title", "Professor of brand management");
        profile.put("organisation", "Zhejiang University");
        profile.put("topics", List.of("BRAND_STRATEGY", "BRAND_VALUATION"));
        profile.put("languages", List.of("zh-CN"));
        profile.put("timeZone", "Asia/Shanghai");
        profile.put("clusters", Arrays.asList(clusters));
        ApiClient.Response created = api.as(expertToken(expertId)).post("/api/salons/experts", profile);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return expertId;
    }

    /** The salon's local start (its first slot may start here). */
    LocalDateTime startOf(String salonId) {
        return LocalDateTime.parse(api.anonymous().get("/api/salons/salons/" + salonId).at("/localStartsAt"));
    }

    static Map<String, Object> slot(String kind, String title, LocalDateTime start, LocalDateTime end) {
        Map<String, Object> slot = new HashMap<>();
        slot.put("kind", kind);
        slot.put("title", title);
        slot.put("description", "About " + title);
        slot.put("startsAt", start.toString());
        slot.put("endsAt", end.toString());
        return slot;
    }

    static Map<String, Object> kept(String id, Map<String, Object> slot) {
        Map<String, Object> withId = new HashMap<>(slot);
        withId.put("id", id);
        return withId;
    }

    /**
     * The standard programme of a salon starting at {@code start}: a talk 14:00-14:45, a panel 15:00-16:00 and a
     * clinic 16:00-17:00.
     */
    static List<Map<String, Object>> threeSlots(LocalDateTime start) {
        return List.of(slot("TALK", "What a cluster brand is worth", start, start.plusMinutes(45)),
                slot("PANEL", "Pricing under one brand", start.plusHours(1), start.plusHours(2)),
                slot("CLINIC", "Bring your price list", start.plusHours(2), start.plusHours(3)));
    }

    static String programmePath(String salonId) {
        return "/api/salons/salons/" + salonId + "/programme";
    }

    static String slotPath(String salonId, String slotId) {
        return programmePath(salonId) + "/" + slotId;
    }

    ApiClient.Response putProgramme(String salonId, String clusterId, List<Map<String, Object>> slots) {
        return api.as(secretariatOf(clusterId)).put(programmePath(salonId), Map.of("slots", slots));
    }

    /** A salon of the cluster with the standard programme, all three slots opened; returns the salon id. */
    String salonWithOpenSlots(String clusterId) {
        String salonId = createSalon(clusterId, 50, 5);
        ApiClient.Response programme = putProgramme(salonId, clusterId, threeSlots(startOf(salonId)));
        assertThat(programme.status()).as(programme.toString()).isEqualTo(200);
        for (int i = 0; i < 3; i++) {
            ApiClient.Response opened = api.as(secretariatOf(clusterId))
                    .post(slotPath(salonId, programme.at("/slots/" + i + "/id")) + "/opening", null);
            assertThat(opened.status()).as(opened.toString()).isEqualTo(200);
        }
        return salonId;
    }

    /** The id of the programme's slot at this position (in start order), as the secretariat sees it. */
    String slotId(String salonId, String clusterId, int index) {
        return api.as(secretariatOf(clusterId)).get(programmePath(salonId)).at("/slots/" + index + "/id");
    }
}
