package com.brandcluster.salons.matching;

import com.brandcluster.platform.membership.MemberStanding;
import com.brandcluster.testsupport.ApiClient;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

class MatchesApiIT extends MatchingIntegrationTest {

    private static final String MATCHES = "/api/salons/matches";

    private ApiClient.Response matches(String enterpriseId) {
        ApiClient.Response response = api.as(enterpriseUser(enterpriseId)).get(MATCHES);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response;
    }

    private static List<String> field(JsonNode list, String name) {
        return StreamSupport.stream(list.spliterator(), false).map(node -> node.get(name).asString()).toList();
    }

    private static List<String> strings(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asString).toList();
    }

    private static List<Integer> points(JsonNode match) {
        return StreamSupport.stream(match.get("reasons").spliterator(), false)
                .map(reason -> reason.get("points").asInt()).toList();
    }

    @Test
    void ranksExpertsByTopicsThenLanguageClusterAndAvailabilityAndSaysWhy() {
        String preferred = uniqueCluster("lighting");
        String other = uniqueCluster("coal");
        String foreign = uniqueCluster("tea");
        String enterprise = newEnterprise();
        standing(preferred, enterprise, MemberStanding.ACTIVE);
        standing(other, enterprise, MemberStanding.GRACE);
        stated(enterprise, needs(List.of("BRAND_STRATEGY", "DESIGN"), "Pricing our lamps for export",
                List.of("zh-CN"), List.of(preferred)));
        String twoTopics = expertWith("Two topics", List.of("BRAND_STRATEGY", "DESIGN"), List.of("en"),
                List.of(other));
        String everything = expertWith("Everything", List.of("BRAND_STRATEGY", "FINANCING"), List.of("zh-CN", "en"),
                List.of(preferred));
        availableAllWeek(everything);
        String language = expertWith("Language", List.of("DESIGN"), List.of("zh-TW"), List.of(other));
        String cluster = expertWith("Cluster", List.of("BRAND_STRATEGY"), List.of("de"), List.of(preferred, foreign));
        expertWith("Foreign", List.of("BRAND_STRATEGY", "DESIGN"), List.of("zh-CN"), List.of(foreign));
        expertWith("Off topic", List.of("FINANCING"), List.of("zh-CN"), List.of(preferred));

        ApiClient.Response response = matches(enterprise);

        JsonNode body = response.json();
        assertThat(body.get("enterpriseId").asString()).isEqualTo(enterprise);
        assertThat(strings(body.get("clusters"))).containsExactly(other, preferred);
        JsonNode experts = body.get("experts");
        assertThat(field(experts, "expertId")).containsExactly(twoTopics, everything, language, cluster);
        assertThat(field(experts, "rank")).containsExactly("1", "2", "3", "4");
        assertThat(field(experts, "score")).containsExactly("100", "95", "70", "65");

        JsonNode best = experts.get(0);
        assertThat(field(best.get("reasons"), "signal")).containsExactly("TOPICS", "LANGUAGE", "CLUSTER",
                "AVAILABILITY");
        assertThat(points(best)).containsExactly(100, 0, 0, 0);
        assertThat(strings(best.at("/reasons/0/values"))).containsExactly("BRAND_STRATEGY", "DESIGN");
        assertThat(strings(best.at("/reasons/2/values"))).containsExactly(other);
        assertThat(best.at("/reasons/3/detail").asString()).isEqualTo("No free consultation slot in the next 28 days.");
        assertThat(best.get("nextFreeSlot").isNull()).isTrue();

        JsonNode available = experts.get(1);
        assertThat(points(available)).containsExactly(50, 20, 15, 10);
        assertThat(strings(available.at("/reasons/1/values"))).containsExactly("zh-CN");
        assertThat(strings(available.at("/reasons/2/values"))).containsExactly(preferred);
        Instant from = Instant.parse(body.get("availabilityFrom").asString());
        Instant firstHour = from.truncatedTo(ChronoUnit.HOURS).equals(from) ? from
                : from.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
        assertThat(available.at("/nextFreeSlot/start").asString()).isEqualTo(firstHour.toString());
        assertThat(available.at("/nextFreeSlot/end").asString()).isEqualTo(firstHour.plusSeconds(3600).toString());
        assertThat(strings(available.at("/reasons/3/values"))).containsExactly(firstHour.toString());
        assertThat(Instant.parse(body.get("availabilityUntil").asString())).isEqualTo(from.plus(Duration.ofDays(28)));

        assertThat(strings(experts.at("/2/reasons/1/values"))).containsExactly("zh-TW");
        assertThat(strings(experts.at("/3/reasons/2/values"))).containsExactly(preferred);
        assertThat(experts.at("/3/name").asString()).isEqualTo("Cluster");
    }

    @Test
    void theExpertFreeSoonerRanksAboveOtherwiseEqualOnes() {
        String cluster = uniqueCluster("lighting");
        String enterprise = newEnterprise();
        standing(cluster, enterprise, MemberStanding.ACTIVE);
        stated(enterprise, needs(List.of("TRADEMARKS_AND_IP"), "Protecting our trademark abroad", List.of("en"),
                List.of()));
        String never = expertWith("Never", List.of("TRADEMARKS_AND_IP"), List.of("en"), List.of(cluster));
        String later = expertWith("Later", List.of("TRADEMARKS_AND_IP"), List.of("en"), List.of(cluster));
        LocalDate inTenDays = LocalDate.now(SHANGHAI).plusDays(10);
        availableOnlyOn(later, inTenDays);
        String soon = expertWith("Soon", List.of("TRADEMARKS_AND_IP"), List.of("en"), List.of(cluster));
        availableAllWeek(soon);

        JsonNode experts = matches(enterprise).json().get("experts");

        assertThat(field(experts, "expertId")).containsExactly(soon, later, never);
        assertThat(field(experts, "score")).containsExactly("95", "92", "85");
        assertThat(experts.at("/1/nextFreeSlot/start").asString())
                .isEqualTo(inTenDays.atTime(9, 0).atZone(SHANGHAI).toInstant().toString());
        assertThat(experts.at("/1/reasons/3/points").asInt()).isEqualTo(7);
        assertThat(experts.get(2).get("nextFreeSlot").isNull()).isTrue();
    }

    @Test
    void suggestsUpcomingSalonsOpenForRegistrationInItsClustersThatMeetTheNeeds() {
        String cluster = uniqueCluster("lighting");
        String foreign = uniqueCluster("tea");
        String enterprise = newEnterprise();
        standing(cluster, enterprise, MemberStanding.ACTIVE);
        stated(enterprise, needs(List.of("DESIGN", "EXPORT_AND_TRADE"),
                "We want to price our lamps for export markets.", List.of(), List.of()));
        String designer = expertWith("Designer", List.of("DESIGN"), List.of("zh-CN"), List.of(cluster));
        String byExperts = publish(cluster, salon(10, "Annual meeting", "Meet the board", null, List.of(designer)));
        String byWords = publish(cluster, salon(5, "Going abroad", "Export pricing for lamps", "Trade fairs",
                List.of()));
        publish(cluster, salon(3, "Annual plenary", "Officers' election", null, List.of()));
        publish(foreign, salon(4, "Going abroad", "Export pricing for lamps", "Trade fairs", List.of(designer)));
        Map<String, Object> notYetOpen = salon(6, "Going abroad", "Export for lamps", null, List.of(designer));
        notYetOpen.put("registrationOpensAt", LocalDateTime.now(SHANGHAI).plusDays(1).withNano(0).toString());
        publish(cluster, notYetOpen);
        Map<String, Object> closed = salon(6, "Going abroad", "Export for lamps", null, List.of(designer));
        closed.put("registrationOpensAt", LocalDateTime.now(SHANGHAI).minusDays(3).withNano(0).toString());
        closed.put("registrationClosesAt", LocalDateTime.now(SHANGHAI).minusDays(1).withNano(0).toString());
        publish(cluster, closed);
        String started = publish(cluster, salon(7, "Going abroad", "Export for lamps", null, List.of(designer)));
        mongo.updateFirst(Query.query(Criteria.where("_id").is(started)),
                Update.update("startsAt", Instant.now().minus(Duration.ofHours(1))), "salons");

        JsonNode salons = matches(enterprise).json().get("salons");

        assertThat(field(salons, "salonId")).containsExactly(byWords, byExperts);
        assertThat(field(salons, "score")).containsExactly("30", "20");
        assertThat(field(salons.get(0).get("reasons"), "signal")).containsExactly("TOPICS", "KEYWORDS");
        assertThat(strings(salons.at("/0/reasons/1/values"))).containsExactly("export", "lamp", "trade");
        assertThat(strings(salons.at("/1/reasons/0/values"))).containsExactly("DESIGN");
        assertThat(salons.at("/1/reasons/1/points").asInt()).isZero();
        assertThat(salons.at("/0/clusterId").asString()).isEqualTo(cluster);
        assertThat(salons.at("/0/title").asString()).isEqualTo("Export pricing for lamps");
        assertThat(salons.at("/0/seatsAvailable").asInt()).isEqualTo(30);
        assertThat(salons.at("/0/rank").asInt()).isEqualTo(1);
    }

    @Test
    void limitCapsExpertsAndSalonsAndIsChecked() {
        String cluster = uniqueCluster("lighting");
        String enterprise = newEnterprise();
        standing(cluster, enterprise, MemberStanding.ACTIVE);
        stated(enterprise, needs(List.of("PACKAGING"), "Packaging for lamps", List.of(), List.of()));
        List<String> packagers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String packager = expertWith("Packager " + i, List.of("PACKAGING"), List.of("en"), List.of(cluster));
            packagers.add(packager);
            publish(cluster, salon(5 + i, "Packaging", "Packaging lamps " + i, null, List.of(packager)));
        }
        String token = enterpriseUser(enterprise);

        ApiClient.Response two = api.as(token).get(MATCHES + "?limit=2");

        assertThat(two.status()).as(two.toString()).isEqualTo(200);
        assertThat(field(two.json().get("experts"), "expertId"))
                .containsExactlyElementsOf(packagers.stream().sorted().limit(2).toList());
        assertThat(two.json().get("salons")).hasSize(2);
        assertThat(matches(enterprise).json().get("experts")).hasSize(3);
        for (String limit : List.of("0", "51", "-1", "many")) {
            ApiClient.Response refused = api.as(token).get(MATCHES + "?limit=" + limit);
            assertProblem(refused, 400, "validation");
            assertThat(refused.at("/errors/0/field")).isEqualTo("limit");
        }
    }

    @Test
    void withoutNeedsThereIsNothingToMatchYet() {
        String enterprise = newEnterprise();
        standing(uniqueCluster("lighting"), enterprise, MemberStanding.ACTIVE);

        ApiClient.Response response = api.as(enterpriseUser(enterprise)).get(MATCHES);

        assertProblem(response, 409, "needs-not-stated");
        assertThat(response.at("/detail")).contains("PUT /api/salons/needs");
    }

    @Test
    void onlyAUserActingForAnEnterpriseGetsMatchesAndOnlyForItsOwnNeeds() {
        String cluster = uniqueCluster("lighting");
        String acme = newEnterprise();
        String globex = newEnterprise();
        standing(cluster, acme, MemberStanding.ACTIVE);
        standing(cluster, globex, MemberStanding.ACTIVE);
        String designer = expertWith("Designer", List.of("DESIGN"), List.of("en"), List.of(cluster));
        String financier = expertWith("Financier", List.of("FINANCING"), List.of("en"), List.of(cluster));
        stated(acme, needs(List.of("DESIGN"), "Packaging design", List.of(), List.of()));
        stated(globex, needs(List.of("FINANCING"), "Funding a factory", List.of(), List.of()));

        assertThat(field(matches(acme).json().get("experts"), "expertId")).containsExactly(designer);
        assertThat(matches(acme).at("/enterpriseId")).isEqualTo(acme);
        assertThat(field(matches(globex).json().get("experts"), "expertId")).containsExactly(financier);
        assertProblem(api.as(enterpriseUser(newEnterprise())).get(MATCHES), 409, "needs-not-stated");
        assertProblem(api.as(expert(designer)).get(MATCHES), 403, "forbidden");
        assertProblem(api.as(secretariatOf(cluster)).get(MATCHES), 403, "forbidden");
        assertProblem(api.anonymous().get(MATCHES), 401, "unauthorized");
    }

    @Test
    void onlyClustersInGoodStandingAreMatchedIncludingOnesMembershipServiceHasJustAdmitted() {
        String cluster = uniqueCluster("lighting");
        String justAdmitted = uniqueCluster("silk");
        String enterprise = newEnterprise();
        standing(cluster, enterprise, MemberStanding.ACTIVE);
        onlyMembershipServiceKnows(justAdmitted, enterprise, "ACTIVE");
        stated(enterprise, needs(List.of("DESIGN"), "Design of lamps", List.of(), List.of(cluster, justAdmitted)));
        String local = expertWith("Local", List.of("DESIGN"), List.of("en"), List.of(cluster));
        String remote = expertWith("Remote", List.of("DESIGN"), List.of("en"), List.of(justAdmitted));
        String salon = publish(cluster, salon(5, "Design", "Designing lamps", null, List.of(local)));

        ApiClient.Response before = matches(enterprise);

        assertThat(strings(before.json().get("clusters"))).containsExactlyInAnyOrder(cluster, justAdmitted);
        assertThat(field(before.json().get("experts"), "expertId")).containsExactlyInAnyOrder(local, remote);
        assertThat(field(before.json().get("salons"), "salonId")).containsExactly(salon);

        standing(cluster, enterprise, "SUSPENDED");
        onlyMembershipServiceKnows(justAdmitted, enterprise, "LAPSED");

        ApiClient.Response after = matches(enterprise);

        assertThat(after.json().get("clusters")).isEmpty();
        assertThat(after.json().get("experts")).isEmpty();
        assertThat(after.json().get("salons")).isEmpty();
    }

    @Test
    void theCappedCandidatesAreTheBestNotTheFirstStored() {
        String cluster = uniqueCluster("lighting");
        String enterprise = newEnterprise();
        standing(cluster, enterprise, MemberStanding.ACTIVE);
        stated(enterprise, needs(List.of("SUPPLY_CHAIN", "QUALITY_MANAGEMENT"), "Supplier quality", List.of("en"),
                List.of()));
        // more one-topic experts who do not speak English than the candidate cap, all stored under ids that sort
        // before those of the experts that deserve the top: MongoDB must order by topics, then language and cluster
        List<Document> crowd = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            crowd.add(new Document("_id", "aaa-" + cluster + "-" + i)
                    .append("profile", new Document("name", "Crowd " + i).append("topics", List.of("SUPPLY_CHAIN"))
                            .append("languages", List.of("de")).append("timeZone", "Asia/Shanghai")
                            .append("clusters", List.of(cluster)))
                    .append("topics", List.of("SUPPLY_CHAIN")).append("clusters", List.of(cluster))
                    .append("languageCodes", List.of("de")).append("createdAt", Instant.now())
                    .append("updatedAt", Instant.now()).append("version", 0L));
        }
        mongo.getCollection("experts").insertMany(crowd);
        String bothTopics = expertWith("Both topics", List.of("SUPPLY_CHAIN", "QUALITY_MANAGEMENT"), List.of("de"),
                List.of(cluster));
        String english = expertWith("English", List.of("SUPPLY_CHAIN"), List.of("en"), List.of(cluster));

        JsonNode experts = api.as(enterpriseUser(enterprise)).get(MATCHES + "?limit=50").json().get("experts");

        assertThat(experts).hasSize(50);
        assertThat(field(experts, "expertId").subList(0, 2)).containsExactly(bothTopics, english);
        assertThat(field(experts, "score").subList(0, 2)).containsExactly("115", "85");
        assertThat(field(experts, "score").subList(2, 50)).containsOnly("65");
    }
}
