package com.brandcluster.salons.programme;

import com.brandcluster.testsupport.ApiClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProgrammeApiIT extends ProgrammeIntegrationTest {

    @Test
    void theSecretariatSetsTheProgrammeAndSlotIdsStayStableAcrossPuts() {
        String cluster = uniqueCluster();
        String salon = createSalon(cluster, 50, 5);
        LocalDateTime start = startOf(salon);

        ApiClient.Response first = putProgramme(salon, cluster, threeSlots(start));

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.at("/salonId")).isEqualTo(salon);
        assertThat(first.at("/timeZone")).isEqualTo("Asia/Shanghai");
        assertThat(first.json().get("slots")).hasSize(3);
        assertThat(first.at("/slots/0/kind")).isEqualTo("TALK");
        assertThat(first.at("/slots/0/state")).isEqualTo("PLANNED");
        assertThat(first.at("/slots/0/localStartsAt")).isEqualTo(start.toString().substring(0, 16) + ":00");
        assertThat(Instant.parse(first.at("/slots/0/startsAt"))).isEqualTo(start.toInstant(ZoneOffset.ofHours(8)));
        assertThat(first.at("/slots/1/description")).isEqualTo("About Pricing under one brand");
        String talk = first.at("/slots/0/id");
        String panel = first.at("/slots/1/id");
        String clinic = first.at("/slots/2/id");
        assertThat(List.of(talk, panel, clinic)).doesNotHaveDuplicates().doesNotContainNull();

        // the panel moves to the end, the talk is renamed, the clinic is dropped, a new talk comes first... in any order
        ApiClient.Response second = putProgramme(salon, cluster, List.of(
                kept(panel, slot("PANEL", "Pricing under one brand", start.plusHours(2), start.plusHours(3))),
                slot("TALK", "Welcome", start, start.plusMinutes(15)),
                kept(talk, slot("TALK", "What a cluster brand is worth to members", start.plusMinutes(15),
                        start.plusHours(1)))));

        assertThat(second.status()).as(second.toString()).isEqualTo(200);
        JsonNode slots = second.json().get("slots");
        assertThat(slots).extracting(s -> s.get("title").asString()).containsExactly("Welcome",
                "What a cluster brand is worth to members", "Pricing under one brand");
        assertThat(slots.get(1).get("id").asString()).isEqualTo(talk);
        assertThat(slots.get(2).get("id").asString()).isEqualTo(panel);
        assertThat(slots.get(0).get("id").asString()).isNotIn(talk, panel, clinic);
        assertThat(api.anonymous().get(programmePath(salon) ).json().get("slots")).as("planned slots are not public")
                .isEmpty();
        assertThat(api.as(secretariatOf(cluster)).get(programmePath(salon)).json().get("slots")).hasSize(3);
    }

    @Test
    void onlyTheSecretariatOfTheSalonsClusterSetsTheProgrammeAndAnyoneReadsIt() {
        String cluster = uniqueCluster();
        String salon = createSalon(cluster, 50, 5);
        Map<String, Object> body = Map.of("slots", threeSlots(startOf(salon)));
        String path = programmePath(salon);

        assertProblem(api.as(secretariatOf("another-cluster")).put(path, body), 403, "forbidden");
        assertProblem(api.as(enterpriseUser(member(cluster))).put(path, body), 403, "forbidden");
        assertProblem(api.as(expertToken(expertServing(cluster))).put(path, body), 403, "forbidden");
        assertProblem(api.anonymous().put(path, body), 401, null);
        assertProblem(api.as(secretariatOf(cluster)).put(programmePath("no-such-salon"), body), 404, "not-found");
        assertThat(api.as(secretariatOf(cluster)).get(path).json().get("slots")).isEmpty();

        assertThat(api.as(secretariatOf(cluster)).put(path, body).status()).isEqualTo(200);
        ApiClient.Response anonymous = api.anonymous().get(path);
        assertThat(anonymous.status()).as(anonymous.toString()).isEqualTo(200);
        assertThat(anonymous.at("/salonId")).isEqualTo(salon);
        assertProblem(api.anonymous().get(programmePath("no-such-salon")), 404, "not-found");
    }

    @Test
    void anInvalidProgrammeIsAProblemNamingTheSlotAndChangesNothing() {
        String cluster = uniqueCluster();
        String salon = createSalon(cluster, 50, 5);
        LocalDateTime start = startOf(salon);
        List<Map<String, Object>> valid = threeSlots(start);
        String talk = putProgramme(salon, cluster, valid).at("/slots/0/id");

        ApiClient.Response overlapping = putProgramme(salon, cluster, List.of(valid.get(0),
                slot("PANEL", "Too early", start.plusMinutes(30), start.plusHours(1))));
        assertProblem(overlapping, 422, "invalid-programme");
        assertThat(overlapping.at("/detail")).isEqualTo("Slot 2 ('Too early') overlaps Slot 1 ('What a cluster brand is worth').");
        ApiClient.Response before = putProgramme(salon, cluster, List.of(
                slot("TALK", "Before the doors open", start.minusMinutes(30), start.plusMinutes(10))));
        assertProblem(before, 422, "invalid-programme");
        assertThat(before.at("/detail")).startsWith("Slot 1 ('Before the doors open') must lie within the salon");
        assertProblem(putProgramme(salon, cluster, List.of(
                slot("CLINIC", "After hours", start.plusHours(2), start.plusHours(3).plusMinutes(1)))), 422,
                "invalid-programme");
        ApiClient.Response backwards = putProgramme(salon, cluster, List.of(
                slot("TALK", "Backwards", start.plusHours(1), start)));
        assertThat(backwards.at("/detail")).isEqualTo("Slot 1 ('Backwards') must end after it starts.");
        ApiClient.Response unknownId = putProgramme(salon, cluster, List.of(kept("not-a-slot", valid.get(0))));
        assertProblem(unknownId, 422, "invalid-programme");
        assertThat(unknownId.at("/detail")).contains("'not-a-slot'").contains("does not have");
        assertThat(putProgramme(salon, cluster, List.of(kept(talk, valid.get(0)), kept(talk, valid.get(1))))
                .at("/detail")).startsWith("Slot 2 ('Pricing under one brand') names the id");

        Map<String, Object> noKind = new java.util.HashMap<>(valid.get(0));
        noKind.remove("kind");
        assertProblem(putProgramme(salon, cluster, List.of(noKind)), 400, "validation");
        Map<String, Object> badKind = new java.util.HashMap<>(valid.get(0));
        badKind.put("kind", "KEYNOTE");
        assertThat(putProgramme(salon, cluster, List.of(badKind)).status()).isEqualTo(400);
        Map<String, Object> blankTitle = new java.util.HashMap<>(valid.get(0));
        blankTitle.put("title", " ");
        assertProblem(putProgramme(salon, cluster, List.of(blankTitle)), 400, "validation");
        Map<String, Object> badTime = new java.util.HashMap<>(valid.get(0));
        badTime.put("startsAt", "tomorrow at two");
        assertThat(putProgramme(salon, cluster, List.of(badTime)).status()).isEqualTo(400);
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            tooMany.add(slot("TALK", "Lightning talk " + i, start.plusSeconds(i), start.plusSeconds(i + 1)));
        }
        assertProblem(putProgramme(salon, cluster, tooMany), 400, "validation");
        assertProblem(api.as(secretariatOf(cluster)).put(programmePath(salon), Map.of()), 400, "validation");
        assertProblem(api.as(secretariatOf(cluster)).put(programmePath(salon),
                Map.of("slots", valid, "published", true)), 400, "unknown-property");

        JsonNode unchanged = api.as(secretariatOf(cluster)).get(programmePath(salon)).json().get("slots");
        assertThat(unchanged).hasSize(3);
        assertThat(unchanged.get(0).get("id").asString()).isEqualTo(talk);
        assertThat(unchanged.get(0).get("title").asString()).isEqualTo("What a cluster brand is worth");
    }

    @Test
    void anExpertBooksAnOpenSlotTheSecretariatConfirmsItAndItShowsWithTheExpertsProfile() {
        String cluster = uniqueCluster();
        String salon = salonWithOpenSlots(cluster);
        String slot = slotId(salon, cluster, 1);
        String expert = expertServing(cluster, "textiles");

        ApiClient.Response booked = api.as(expertToken(expert)).post(slotPath(salon, slot) + "/booking", null);

        assertThat(booked.status()).as(booked.toString()).isEqualTo(200);
        assertThat(booked.at("/state")).isEqualTo("BOOKED");
        assertThat(booked.at("/expert/id")).isEqualTo(expert);
        assertThat(booked.at("/bookedAt")).isNotNull();
        assertThat(booked.at("/version")).isEqualTo("3");
        assertThat(publicSlot(salon, 1).get("state").asString()).isEqualTo("BOOKED");
        assertThat(publicSlot(salon, 1).get("expert").isNull()).as("a booking is not public before confirmation").isTrue();
        assertThat(api.as(expertToken(expertServing(cluster))).get(programmePath(salon)).json()
                .at("/slots/1/expert").isNull()).as("nor shown to other experts").isTrue();
        assertThat(api.as(expertToken(expert)).get(programmePath(salon)).at("/slots/1/expert/id")).isEqualTo(expert);
        assertThat(api.as(secretariatOf(cluster)).get(programmePath(salon)).at("/slots/1/expert/id")).isEqualTo(expert);

        ApiClient.Response confirmed = api.as(secretariatOf(cluster)).post(slotPath(salon, slot) + "/confirmation", null);

        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        assertThat(confirmed.at("/state")).isEqualTo("CONFIRMED");
        assertThat(confirmed.at("/confirmedAt")).isNotNull();
        JsonNode shown = publicSlot(salon, 1);
        assertThat(shown.get("state").asString()).isEqualTo("CONFIRMED");
        assertThat(shown.at("/expert/id").asString()).isEqualTo(expert);
        assertThat(shown.at("/expert/name").asString()).startsWith("Wang Fang");
        assertThat(shown.at("/expert/title").asString()).isEqualTo("Professor of brand management");
        assertThat(shown.at("/expert/organisation").asString()).isEqualTo("Zhejiang University");
        assertThat(shown.get("expert").get("topics")).extracting(JsonNode::asString)
                .containsExactly("BRAND_STRATEGY", "BRAND_VALUATION");
        assertThat(shown.get("expert").has("timeZone")).as("only the public profile").isFalse();
        assertThat(publicSlot(salon, 0).get("state").asString()).isEqualTo("OPEN");
    }

    @Test
    void bookingNeedsAnExpertWithAProfileServingTheClusterAndAnOpenSlot() {
        String cluster = uniqueCluster();
        String salon = createSalon(cluster, 50, 5);
        String planned = putProgramme(salon, cluster, threeSlots(startOf(salon))).at("/slots/0/id");
        String path = slotPath(salon, planned) + "/booking";
        String expert = expertServing(cluster);

        ApiClient.Response notOpen = api.as(expertToken(expert)).post(path, null);
        assertProblem(notOpen, 409, "session-slot-state");
        assertThat(notOpen.at("/currentState")).isEqualTo("PLANNED");
        api.as(secretariatOf(cluster)).post(slotPath(salon, planned) + "/opening", null);

        assertProblem(api.as(expertToken("expert-without-profile")).post(path, null), 422, "expert-profile-required");
        assertProblem(api.as(expertToken(expertServing("another-cluster"))).post(path, null), 403, "forbidden");
        assertProblem(api.as(secretariatOf(cluster)).post(path, null), 403, "forbidden");
        assertProblem(api.as(enterpriseUser(member(cluster))).post(path, null), 403, "forbidden");
        assertProblem(api.anonymous().post(path, null), 401, null);
        assertProblem(api.as(expertToken(expert)).post(slotPath(salon, "no-such-slot") + "/booking", null), 404,
                "not-found");
        assertProblem(api.as(expertToken(expert)).post(slotPath("no-such-salon", planned) + "/booking", null), 404,
                "not-found");
        assertThat(publicSlot(salon, 0).get("state").asString()).isEqualTo("OPEN");

        assertThat(api.as(expertToken(expert)).post(path, null).status()).isEqualTo(200);
        ApiClient.Response taken = api.as(expertToken(expertServing(cluster))).post(path, null);
        assertProblem(taken, 409, "session-slot-taken");
        assertThat(taken.at("/currentState")).isEqualTo("BOOKED");
        assertThat(taken.at("/slotId")).isEqualTo(planned);
        assertProblem(api.as(expertToken(expert)).post(path, null), 409, "session-slot-taken");
        assertThat(api.as(secretariatOf(cluster)).get(programmePath(salon)).at("/slots/0/expert/id")).isEqualTo(expert);
    }

    @Test
    void theExpertWithdrawsBeforeConfirmationAndTheSecretariatReleasesAfter() {
        String cluster = uniqueCluster();
        String salon = salonWithOpenSlots(cluster);
        String slot = slotId(salon, cluster, 2);
        String path = slotPath(salon, slot) + "/booking";
        String expert = expertServing(cluster);
        api.as(expertToken(expert)).post(path, null);

        assertProblem(api.as(expertToken(expertServing(cluster))).delete(path), 403, "forbidden");
        assertProblem(api.as(secretariatOf(cluster)).delete(path), 403, "forbidden");
        assertProblem(api.as(enterpriseUser(member(cluster))).delete(path), 403, "forbidden");
        assertProblem(api.anonymous().delete(path), 401, null);
        ApiClient.Response withdrawn = api.as(expertToken(expert)).delete(path);
        assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(200);
        assertThat(withdrawn.at("/state")).isEqualTo("OPEN");
        assertThat(withdrawn.at("/expert")).isNull();
        ApiClient.Response again = api.as(expertToken(expert)).delete(path);
        assertProblem(again, 409, "session-slot-state");
        assertThat(again.at("/currentState")).isEqualTo("OPEN");

        String other = expertServing(cluster);
        assertThat(api.as(expertToken(other)).post(path, null).status()).isEqualTo(200);
        assertThat(api.as(secretariatOf(cluster)).post(slotPath(salon, slot) + "/confirmation", null).status())
                .isEqualTo(200);
        ApiClient.Response confirmed = api.as(expertToken(other)).delete(path);
        assertProblem(confirmed, 409, "session-slot-state");
        assertThat(confirmed.at("/currentState")).isEqualTo("CONFIRMED");

        ApiClient.Response released = api.as(secretariatOf(cluster)).post(slotPath(salon, slot) + "/release", null);
        assertThat(released.status()).as(released.toString()).isEqualTo(200);
        assertThat(released.at("/state")).isEqualTo("OPEN");
        assertThat(publicSlot(salon, 2).get("expert").isNull()).isTrue();
        assertProblem(api.as(secretariatOf(cluster)).post(slotPath(salon, slot) + "/release", null), 409,
                "session-slot-state");
        assertThat(api.as(expertToken(expert)).post(path, null).status()).as("open to book again").isEqualTo(200);
    }

    @Test
    void onlyTheSecretariatOfTheSalonsClusterOpensConfirmsAndReleases() {
        String cluster = uniqueCluster();
        String salon = createSalon(cluster, 50, 5);
        String slot = putProgramme(salon, cluster, threeSlots(startOf(salon))).at("/slots/0/id");
        String expert = expertServing(cluster);

        for (String action : List.of("/opening", "/confirmation", "/release")) {
            String path = slotPath(salon, slot) + action;
            assertProblem(api.as(secretariatOf("another-cluster")).post(path, null), 403, "forbidden");
            assertProblem(api.as(expertToken(expert)).post(path, null), 403, "forbidden");
            assertProblem(api.as(enterpriseUser(member(cluster))).post(path, null), 403, "forbidden");
            assertProblem(api.anonymous().post(path, null), 401, null);
            assertProblem(api.as(secretariatOf(cluster)).post(slotPath(salon, "nope") + action, null), 404,
                    "not-found");
        }
        assertProblem(api.as(secretariatOf(cluster)).post(slotPath(salon, slot) + "/confirmation", null), 409,
                "session-slot-state");
        ApiClient.Response opened = api.as(secretariatOf(cluster)).post(slotPath(salon, slot) + "/opening", null);
        assertThat(opened.status()).as(opened.toString()).isEqualTo(200);
        assertThat(opened.at("/state")).isEqualTo("OPEN");
        assertProblem(api.as(secretariatOf(cluster)).post(slotPath(salon, slot) + "/opening", null), 409,
                "session-slot-state");
        assertProblem(api.as(secretariatOf(cluster)).post(slotPath(salon, slot) + "/confirmation", null), 409,
                "session-slot-state");
        assertThat(publicSlot(salon, 0).get("state").asString()).isEqualTo("OPEN");
    }

    @Test
    void aBookedOrConfirmedSlotIsNeitherRemovedNorMovedByAPutUntilReleased() {
        String cluster = uniqueCluster();
        String salon = salonWithOpenSlots(cluster);
        LocalDateTime start = startOf(salon);
        List<Map<String, Object>> slots = threeSlots(start);
        String talk = slotId(salon, cluster, 0);
        String panel = slotId(salon, cluster, 1);
        String clinic = slotId(salon, cluster, 2);
        String expert = expertServing(cluster);
        api.as(expertToken(expert)).post(slotPath(salon, panel) + "/booking", null);

        ApiClient.Response removed = putProgramme(salon, cluster, List.of(kept(talk, slots.get(0)),
                kept(clinic, slots.get(2))));
        assertProblem(removed, 409, "session-slot-taken");
        assertThat(removed.at("/slotId")).isEqualTo(panel);
        assertThat(removed.at("/detail")).contains("removed");
        ApiClient.Response moved = putProgramme(salon, cluster, List.of(kept(talk, slots.get(0)),
                kept(panel, slot("PANEL", "Pricing under one brand", start.plusMinutes(45), start.plusHours(2))),
                kept(clinic, slots.get(2))));
        assertProblem(moved, 409, "session-slot-taken");
        assertThat(moved.at("/detail")).contains("moved");

        ApiClient.Response renamed = putProgramme(salon, cluster, List.of(kept(talk, slots.get(0)),
                kept(panel, slot("PANEL", "Pricing a lighting brand", start.plusHours(1), start.plusHours(2)))));
        assertThat(renamed.status()).as("its text may change, and an open slot may go").isEqualTo(200);
        assertThat(renamed.at("/slots/1/state")).isEqualTo("BOOKED");
        assertThat(renamed.at("/slots/1/expert/id")).isEqualTo(expert);
        assertThat(renamed.at("/slots/1/title")).isEqualTo("Pricing a lighting brand");

        api.as(secretariatOf(cluster)).post(slotPath(salon, panel) + "/confirmation", null);
        assertProblem(putProgramme(salon, cluster, List.of(kept(talk, slots.get(0)))), 409, "session-slot-taken");
        api.as(secretariatOf(cluster)).post(slotPath(salon, panel) + "/release", null);
        ApiClient.Response afterRelease = putProgramme(salon, cluster, List.of(kept(talk, slots.get(0))));
        assertThat(afterRelease.status()).as(afterRelease.toString()).isEqualTo(200);
        assertThat(afterRelease.json().get("slots")).hasSize(1);
    }

    @Test
    void theProgrammeOfASalonThatHasStartedNoLongerChanges() {
        String cluster = uniqueCluster();
        String salon = salonWithOpenSlots(cluster);
        String slot = slotId(salon, cluster, 0);
        String expert = expertServing(cluster);
        List<Map<String, Object>> slots = threeSlots(startOf(salon));
        hasStarted(salon);

        assertProblem(api.as(expertToken(expert)).post(slotPath(salon, slot) + "/booking", null), 422, "salon-started");
        assertProblem(putProgramme(salon, cluster, slots), 422, "salon-started");
        assertThat(publicSlot(salon, 0).get("state").asString()).isEqualTo("OPEN");
    }

    private JsonNode publicSlot(String salonId, int index) {
        return api.anonymous().get(programmePath(salonId)).json().get("slots").get(index);
    }
}
