package com.brandcluster.salons.programme;

import com.brandcluster.salons.salon.Salon;
import com.brandcluster.testsupport.ApiClient;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.JsonNode;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class OpenSessionsIT extends ProgrammeIntegrationTest {

    @Test
    void anExpertSeesTheSalonsOfTheirClustersThatHaveNotStartedAndHaveOpenSlots() {
        String served = uniqueCluster();
        String alsoServed = uniqueCluster();
        String expert = expertServing(served, alsoServed);
        String first = salonWithOpenSlots(served);
        String later = salonWithOpenSlots(alsoServed);
        startLater(later, Duration.ofDays(1));
        String plannedOnly = createSalon(served, 50, 5);
        putProgramme(plannedOnly, served, threeSlots(startOf(plannedOnly)));
        String started = salonWithOpenSlots(served);
        hasStarted(started);
        salonWithOpenSlots(uniqueCluster());
        String taken = slotId(first, served, 1);
        api.as(expertToken(expertServing(served))).post(slotPath(first, taken) + "/booking", null);

        ApiClient.Response open = api.as(expertToken(expert)).get(openSessions(expert));

        assertThat(open.status()).as(open.toString()).isEqualTo(200);
        JsonNode salons = open.json().get("content");
        assertThat(salons).extracting(s -> s.get("salonId").asString()).containsExactly(first, later);
        assertThat(open.at("/totalElements")).isEqualTo("2");
        JsonNode firstSalon = salons.get(0);
        assertThat(firstSalon.get("clusterId").asString()).isEqualTo(served);
        assertThat(firstSalon.get("title").asString()).isEqualTo("Pricing a lighting brand");
        assertThat(firstSalon.get("theme").asString()).isEqualTo("Brand Home, Brand Price");
        assertThat(firstSalon.get("venue").asString()).isEqualTo("Guangzhou Lighting Centre, Hall 3");
        assertThat(firstSalon.get("openSlots")).extracting(s -> s.get("kind").asString())
                .as("the booked panel is no longer open").containsExactly("TALK", "CLINIC");
        assertThat(firstSalon.get("openSlots")).allSatisfy(s -> assertThat(s.get("state").asString()).isEqualTo("OPEN"));
        assertThat(salons.get(1).get("openSlots")).hasSize(3);

        ApiClient.Response page = api.as(expertToken(expert)).get(openSessions(expert) + "?page=1&size=1");
        assertThat(page.json().get("content")).extracting(s -> s.get("salonId").asString()).containsExactly(later);
        assertThat(page.at("/totalPages")).isEqualTo("2");
        assertProblem(api.as(expertToken(expert)).get(openSessions(expert) + "?size=0"), 400, null);
    }

    @Test
    void onlyTheExpertThemselfSeesTheSessionsOpenToThem() {
        String cluster = uniqueCluster();
        String expert = expertServing(cluster);
        salonWithOpenSlots(cluster);
        String path = openSessions(expert);

        assertThat(api.as(expertToken(expert)).get(path).json().get("content")).hasSize(1);
        assertProblem(api.as(expertToken(expertServing(cluster))).get(path), 403, "forbidden");
        assertProblem(api.as(secretariatOf(cluster)).get(path), 403, "forbidden");
        assertProblem(api.as(enterpriseUser(member(cluster))).get(path), 403, "forbidden");
        assertProblem(api.anonymous().get(path), 401, null);
        assertProblem(api.as(expertToken("expert-without-profile")).get(openSessions("expert-without-profile")), 404,
                "not-found");
    }

    @Test
    void anExpertWhoseClustersHaveNoOpenSalonsSeesNone() {
        String expert = expertServing(uniqueCluster());
        salonWithOpenSlots(uniqueCluster());

        ApiClient.Response open = api.as(expertToken(expert)).get(openSessions(expert));

        assertThat(open.status()).isEqualTo(200);
        assertThat(open.json().get("content")).isEmpty();
        assertThat(open.at("/totalElements")).isEqualTo("0");
    }

    private void startLater(String salonId, Duration by) {
        Salon salon = salon(salonId);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(salonId)), new Update()
                .set("startsAt", salon.startsAt().plus(by)).set("endsAt", salon.endsAt().plus(by)), Salon.class);
    }

    private static String openSessions(String expertId) {
        return "/api/salons/experts/" + expertId + "/open-sessions";
    }
}
