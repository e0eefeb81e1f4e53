package com.brandcluster.membership.officer;

import com.brandcluster.membership.directory.RegisterIntegrationTest;
import com.brandcluster.testsupport.ApiClient;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class OfficerApiIT extends RegisterIntegrationTest {

    private static Map<String, Object> officer(String seat, String enterpriseId, String person) {
        return officer(seat, enterpriseId, person, "2026-01-01", "2028-12-31");
    }

    private static Map<String, Object> officer(String seat, String enterpriseId, String person, String start,
                                               String end) {
        Map<String, Object> officer = new LinkedHashMap<>();
        officer.put("seat", seat);
        officer.put("enterpriseId", enterpriseId);
        officer.put("person", person);
        officer.put("termStart", start);
        officer.put("termEnd", end);
        return officer;
    }

    private static Map<String, Object> slate(List<Map<String, Object>> officers) {
        return Map.of("officers", officers, "reason", "Elected at the plenary of 2026-01-05");
    }

    private static String path(String cluster) {
        return "/api/membership/clusters/" + cluster + "/officers";
    }

    @Test
    void theSecretariatSeatsActiveMembersAndEveryoneReadsTheSlate() {
        String cluster = foundCluster(uniqueSlug("lighting"));
        String chair = admit(cluster, subject("chair"));
        String vice1 = admit(cluster, subject("vice1"));
        String vice2 = admit(cluster, subject("vice2"));
        String secretary = admit(cluster, subject("secgen"));
        String director = admit(cluster, subject("director"));

        ApiClient.Response put = api.as(secretariatOf(cluster)).put(path(cluster), slate(List.of(
                officer("DIRECTOR", director, "Zhao Lei"),
                officer("CHAIRMAN", chair, "Wang Jianguo"),
                officer("VICE_CHAIRMAN", vice1, "Liu Yang"),
                officer("VICE_CHAIRMAN", vice2, "Chen Jing"),
                officer("SECRETARY_GENERAL", secretary, "Sun Li"))));

        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        assertThat(put.at("/version")).isEqualTo("1");
        ApiClient.Response read = api.anonymous().get(path(cluster));
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.json().get("officers").findValuesAsString("seat"))
                .containsExactly("CHAIRMAN", "VICE_CHAIRMAN", "VICE_CHAIRMAN", "SECRETARY_GENERAL", "DIRECTOR");
        assertThat(read.at("/officers/0/enterpriseId")).isEqualTo(chair);
        assertThat(read.at("/officers/0/enterpriseName")).startsWith("Enterprise chair-");
        assertThat(read.at("/officers/0/person")).isEqualTo("Wang Jianguo");
        assertThat(read.at("/officers/0/termStart")).isEqualTo("2026-01-01");
        assertThat(read.at("/officers/0/termEnd")).isEqualTo("2028-12-31");
        assertThat(read.body()).doesNotContain("secretariat-");
        for (String token : List.of(expert(), enterpriseUser(subject("someone"), director), allianceAdmin(),
                secretariatOf("coking-coal"))) {
            assertThat(api.as(token).get(path(cluster)).json()).isEqualTo(read.json());
        }
    }

    @Test
    void onlyTheClustersSecretariatReplacesTheSlate() {
        String cluster = foundCluster(uniqueSlug("lighting"));
        String memberSubject = subject("member");
        String member = admit(cluster, memberSubject);
        String otherSubject = subject("other");
        String other = registerEnterprise(otherSubject);
        Map<String, Object> body = slate(List.of(officer("CHAIRMAN", member, "Wang Jianguo")));

        assertProblem(api.as(secretariatOf("coking-coal")).put(path(cluster), body), 403, "forbidden");
        assertProblem(api.as(enterpriseUser(memberSubject, member)).put(path(cluster), body), 403, "forbidden");
        assertProblem(api.as(enterpriseUser(otherSubject, other)).put(path(cluster), body), 403, "forbidden");
        assertProblem(api.as(expert()).put(path(cluster), body), 403, "forbidden");
        assertProblem(api.as(allianceAdmin()).put(path(cluster), body), 403, "forbidden");
        assertProblem(api.anonymous().put(path(cluster), body), 401, null);
        assertThat(api.anonymous().get(path(cluster)).at("/version")).isEqualTo("0");

        assertThat(api.as(secretariatOf(cluster)).put(path(cluster), body).status()).isEqualTo(200);
        assertThat(api.anonymous().get(path(cluster)).at("/version")).isEqualTo("1");
    }

    @Test
    void anOfficerMustBeAnActiveMemberOfTheCluster() {
        String cluster = foundCluster(uniqueSlug("lighting"));
        String otherCluster = foundCluster(uniqueSlug("cookware"));
        String active = admit(cluster, subject("active"));
        String suspended = admit(cluster, subject("suspended"));
        setMembershipStatus(cluster, suspended, "SUSPENDED");
        String elsewhere = admit(otherCluster, subject("elsewhere"));
        String secretariat = secretariatOf(cluster);

        ApiClient.Response notMember = api.as(secretariat).put(path(cluster), slate(List.of(
                officer("CHAIRMAN", active, "Wang Jianguo"), officer("DIRECTOR", elsewhere, "Zhao Lei"))));
        assertProblem(notMember, 422, "officer-not-member");
        assertThat(notMember.at("/enterpriseId")).isEqualTo(elsewhere);
        assertThat(notMember.at("/currentState")).isEqualTo("NONE");
        assertThat(notMember.at("/detail")).contains(elsewhere);

        ApiClient.Response notActive = api.as(secretariat).put(path(cluster), slate(List.of(
                officer("DIRECTOR", suspended, "Zhao Lei"))));
        assertProblem(notActive, 422, "officer-not-member");
        assertThat(notActive.at("/enterpriseId")).isEqualTo(suspended);
        assertThat(notActive.at("/currentState")).isEqualTo("SUSPENDED");

        assertProblem(api.as(secretariat).put(path(cluster), slate(List.of(
                officer("DIRECTOR", "ent-does-not-exist", "Nobody")))), 422, "officer-not-member");
        assertThat(api.anonymous().get(path(cluster)).at("/version")).isEqualTo("0");
    }

    @Test
    void aSlateKeepsItsRulesAndABadSlateChangesNothing() {
        String cluster = foundCluster(uniqueSlug("lighting"));
        String a = admit(cluster, subject("a"));
        String b = admit(cluster, subject("b"));
        String secretariat = secretariatOf(cluster);
        assertThat(api.as(secretariat).put(path(cluster), slate(List.of(officer("CHAIRMAN", a, "Wang Jianguo"))))
                .status()).isEqualTo(200);

        assertProblem(api.as(secretariat).put(path(cluster), slate(List.of(
                officer("CHAIRMAN", a, "Wang Jianguo"), officer("CHAIRMAN", b, "Liu Yang")))), 422, "seat-held-twice");
        assertProblem(api.as(secretariat).put(path(cluster), slate(List.of(
                officer("SECRETARY_GENERAL", a, "Wang Jianguo"), officer("SECRETARY_GENERAL", b, "Liu Yang")))),
                422, "seat-held-twice");
        assertProblem(api.as(secretariat).put(path(cluster), slate(List.of(
                officer("DIRECTOR", a, "Wang Jianguo", "2026-01-01", "2025-12-31")))), 422, "invalid-term");
        assertProblem(api.as(secretariat).put(path(cluster), slate(List.of(
                officer("DIRECTOR", a, "Wang Jianguo"), officer("VICE_CHAIRMAN", a, "Liu Yang")))),
                422, "duplicate-officer");

        ApiClient.Response unknownSeat = api.as(secretariat).put(path(cluster), slate(List.of(
                officer("TREASURER", a, "Wang Jianguo"))));
        assertProblem(unknownSeat, 400, "validation");
        assertThat(unknownSeat.json().get("errors").findValuesAsString("field")).containsExactly("officers[0].seat");

        ApiClient.Response badDate = api.as(secretariat).put(path(cluster), slate(List.of(
                officer("DIRECTOR", a, "Wang Jianguo", "2026-02-30", "2028-12-31"))));
        assertProblem(badDate, 400, "validation");

        ApiClient.Response oversized = api.as(secretariat).put(path(cluster), slate(List.of(
                officer("DIRECTOR", a, "W".repeat(101)))));
        assertProblem(oversized, 400, "validation");
        assertThat(oversized.json().get("errors").findValuesAsString("field")).containsExactly("officers[0].person");

        Map<String, Object> smuggled = officer("DIRECTOR", a, "Wang Jianguo");
        smuggled.put("status", "ACTIVE");
        assertProblem(api.as(secretariat).put(path(cluster), slate(List.of(smuggled))), 400, "unknown-property");
        assertProblem(api.as(secretariat).put(path(cluster), Map.of("reason", "no officers")), 400, "validation");

        ApiClient.Response unchanged = api.anonymous().get(path(cluster));
        assertThat(unchanged.at("/version")).isEqualTo("1");
        assertThat(unchanged.json().get("officers").findValuesAsString("seat")).containsExactly("CHAIRMAN");
    }

    @Test
    void replacingKeepsTheHistoryForTheSecretariatAndIsAudited() {
        String cluster = foundCluster(uniqueSlug("lighting"));
        String a = admit(cluster, subject("a"));
        String b = admit(cluster, subject("b"));
        String aSubject = subject("reader");
        String secretariat = secretariatOf(cluster);
        api.as(secretariat).put(path(cluster), slate(List.of(officer("CHAIRMAN", a, "Wang Jianguo"))));
        ApiClient.Response second = api.as(secretariat).put(path(cluster), Map.of("officers",
                List.of(officer("CHAIRMAN", b, "Liu Yang"), officer("DIRECTOR", a, "Wang Jianguo")),
                "expectedVersion", 1, "reason", "Chairman resigned"));
        assertThat(second.status()).as(second.toString()).isEqualTo(200);

        ApiClient.Response history = api.as(secretariat).get(path(cluster) + "/history");
        assertThat(history.status()).as(history.toString()).isEqualTo(200);
        assertThat(history.json().findValuesAsString("version")).containsExactly("2", "1");
        assertThat(history.at("/0/reason")).isEqualTo("Chairman resigned");
        assertThat(history.at("/0/setBy")).startsWith("secretariat-");
        assertThat(history.at("/0/setAt")).isNotBlank();
        assertThat(history.at("/1/officers/0/enterpriseId")).isEqualTo(a);
        assertThat(history.at("/1/officers/0/seat")).isEqualTo("CHAIRMAN");

        assertProblem(api.as(secretariatOf("coking-coal")).get(path(cluster) + "/history"), 403, "forbidden");
        assertProblem(api.as(enterpriseUser(aSubject, a)).get(path(cluster) + "/history"), 403, "forbidden");
        assertProblem(api.as(expert()).get(path(cluster) + "/history"), 403, "forbidden");
        assertProblem(api.anonymous().get(path(cluster) + "/history"), 401, null);

        ApiClient.Response trail = api.as(secretariat).get("/api/membership/clusters/" + cluster + "/audit");
        List<String> actions = trail.json().get("content").findValuesAsString("action");
        assertThat(actions.stream().filter("officers.replaced"::equals)).hasSize(2);
        assertThat(trail.at("/content/0/reason")).isEqualTo("Chairman resigned");
    }

    @Test
    void aStaleExpectedVersionIsAConflictNamingTheCurrentVersion() {
        String cluster = foundCluster(uniqueSlug("lighting"));
        String a = admit(cluster, subject("a"));
        String secretariat = secretariatOf(cluster);
        api.as(secretariat).put(path(cluster), slate(List.of(officer("CHAIRMAN", a, "Wang Jianguo"))));

        ApiClient.Response stale = api.as(secretariat).put(path(cluster), Map.of("officers", List.of(),
                "expectedVersion", 0));

        assertProblem(stale, 409, "slate-changed");
        assertThat(stale.at("/currentState")).isEqualTo("1");
        assertThat(api.anonymous().get(path(cluster)).json().get("officers").size()).isEqualTo(1);
    }

    @Test
    void concurrentReplacementsNeverLoseAHistoryEntry() throws Exception {
        String cluster = foundCluster(uniqueSlug("lighting"));
        String a = admit(cluster, subject("a"));
        String secretariat = secretariatOf(cluster);

        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Callable<Integer>> puts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String person = "Person " + i;
            puts.add(() -> api.as(secretariat).put(path(cluster), slate(List.of(officer("CHAIRMAN", a, person))))
                    .status());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : pool.invokeAll(puts)) {
            statuses.add(f.get());
        }
        pool.shutdown();

        assertThat(statuses).isSubsetOf(200, 409).contains(200);
        long succeeded = statuses.stream().filter(s -> s == 200).count();
        assertThat(api.anonymous().get(path(cluster)).at("/version")).isEqualTo(Long.toString(succeeded));
        assertThat(api.as(secretariat).get(path(cluster) + "/history").json().size()).isEqualTo((int) succeeded);
    }

    @Test
    void anUnknownClusterHasNoOfficers() {
        assertProblem(api.anonymous().get(path("no-such-cluster")), 404, "not-found");
        assertProblem(api.as(secretariatOf("no-such-cluster")).put(path("no-such-cluster"),
                slate(List.of())), 404, "not-found");
    }
}
