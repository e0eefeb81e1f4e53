package com.brandcluster.salons.expert;

import com.brandcluster.testsupport.ApiClient;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class ExpertApiIT extends ExpertIntegrationTest {

    private static final String PATCH = "application/merge-patch+json";

    @Test
    void expertCreatesTheirProfileWithTheirSubjectAsId() {
        String subject = newSubject();
        Map<String, Object> request = profileRequest("Wang Fang");
        request.put("languages", List.of("zh-cn", "EN", "en"));

        ApiClient.Response created = api.as(expert(subject)).post("/api/salons/experts", request);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/api/salons/experts/" + subject));
        assertThat(created.at("/id")).isEqualTo(subject);
        assertThat(created.json().get("languages").toString()).isEqualTo("[\"zh-CN\",\"en\"]");
        ApiClient.Response read = api.anonymous().get("/api/salons/experts/" + subject);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.at("/name")).isEqualTo("Wang Fang");
        assertThat(read.at("/timeZone")).isEqualTo("Asia/Shanghai");
        assertThat(read.at("/topics/1")).isEqualTo("BRAND_EVALUATION");
    }

    @Test
    void refusesASecondProfileForTheSameSubject() {
        String subject = createExpert();

        ApiClient.Response second = api.as(expert(subject)).post("/api/salons/experts", profileRequest("Someone else"));

        assertProblem(second, 409, "expert-exists");
        assertThat(api.anonymous().get("/api/salons/experts/" + subject).at("/name")).startsWith("Expert ");
    }

    @Test
    void concurrentCreationsOfOneSubjectMakeOneProfile() throws Exception {
        String subject = newSubject();
        String token = expert(subject);
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            int n = i;
            calls.add(() -> new ApiClient(baseUrl()).as(token)
                    .post("/api/salons/experts", profileRequest("Name " + n)).status());
        }
        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(10)) {
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
        }
        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
    }

    private String baseUrl() {
        return api.get("/actuator/health").raw().uri().resolve("/").toString().replaceAll("/$", "");
    }

    @Test
    void refusesCreationByOtherRolesAndAnonymous() {
        assertProblem(api.as(enterpriseUser("acme")).post("/api/salons/experts", profileRequest("X")), 403, "forbidden");
        assertProblem(api.as(secretariatOf("lighting")).post("/api/salons/experts", profileRequest("X")), 403,
                "forbidden");
        assertProblem(api.anonymous().post("/api/salons/experts", profileRequest("X")), 401, "unauthorized");
    }

    @Test
    void refusesInvalidProfilesAndStoresNothing() {
        String subject = newSubject();
        String token = expert(subject);
        Map<String, Object> unknownTopic = profileRequest("X");
        unknownTopic.put("topics", List.of("ASTROLOGY"));
        Map<String, Object> badLanguage = profileRequest("X");
        badLanguage.put("languages", List.of("not a tag!"));
        Map<String, Object> badZone = profileRequest("X");
        badZone.put("timeZone", "Mars/Olympus_Mons");
        Map<String, Object> offsetZone = profileRequest("X");
        offsetZone.put("timeZone", "+08:00");
        Map<String, Object> longBio = profileRequest("X");
        longBio.put("bio", "x".repeat(4001));
        Map<String, Object> unknownField = profileRequest("X");
        unknownField.put("rating", 5);
        Map<String, Object> badCluster = profileRequest("X");
        badCluster.put("clusters", List.of("Not A Slug"));

        assertProblem(api.as(token).post("/api/salons/experts", unknownTopic), 400, "validation");
        ApiClient.Response language = api.as(token).post("/api/salons/experts", badLanguage);
        assertProblem(language, 400, "validation");
        assertThat(language.at("/errors/0/field")).startsWith("languages");
        ApiClient.Response zone = api.as(token).post("/api/salons/experts", badZone);
        assertProblem(zone, 400, "validation");
        assertThat(zone.at("/errors/0/field")).isEqualTo("timeZone");
        assertProblem(api.as(token).post("/api/salons/experts", offsetZone), 400, "validation");
        assertProblem(api.as(token).post("/api/salons/experts", longBio), 400, "validation");
        assertProblem(api.as(token).post("/api/salons/experts", unknownField), 400, "unknown-property");
        assertProblem(api.as(token).post("/api/salons/experts", badCluster), 400, "validation");
        assertProblem(api.anonymous().get("/api/salons/experts/" + subject), 404, "not-found");
    }

    @Test
    void expertPatchesTheirOwnProfile() {
        String subject = createExpert();

        ApiClient.Response patched = api.as(expert(subject)).send("PATCH", "/api/salons/experts/" + subject,
                "{\"title\":null,\"topics\":[\"DESIGN\"],\"timeZone\":\"Europe/Berlin\"}", PATCH);

        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        ApiClient.Response read = api.anonymous().get("/api/salons/experts/" + subject);
        assertThat(read.json().get("title").isNull()).isTrue();
        assertThat(read.json().get("topics").toString()).isEqualTo("[\"DESIGN\"]");
        assertThat(read.at("/timeZone")).isEqualTo("Europe/Berlin");
        assertThat(read.at("/organisation")).isEqualTo("Zhejiang University");
    }

    @Test
    void refusesBadPatchesAndChangesNothing() {
        String subject = createExpert();
        String token = expert(subject);
        String path = "/api/salons/experts/" + subject;

        assertProblem(api.as(token).send("PATCH", path, "{\"rating\":5}", PATCH), 400, "unknown-property");
        assertProblem(api.as(token).send("PATCH", path, "{\"id\":\"someone-else\"}", PATCH), 400,
                "immutable-property");
        assertProblem(api.as(token).send("PATCH", path, "{\"topics\":[\"ASTROLOGY\"]}", PATCH), 400, "validation");
        assertProblem(api.as(token).send("PATCH", path, "{\"timeZone\":\"Nowhere/Town\"}", PATCH), 400,
                "validation");
        assertProblem(api.as(token).send("PATCH", path, "{\"name\":null}", PATCH), 400, "validation");
        assertProblem(api.as(token).send("PATCH", path, "{\"bio\":\"" + "x".repeat(4001) + "\"}", PATCH), 400,
                "validation");
        assertProblem(api.as(token).send("PATCH", path, "[1]", PATCH), 400, "malformed-body");

        ApiClient.Response read = api.anonymous().get(path);
        assertThat(read.at("/timeZone")).isEqualTo("Asia/Shanghai");
        assertThat(read.at("/topics/0")).isEqualTo("BRAND_STRATEGY");
        assertThat(read.at("/bio")).startsWith("Twenty years");
    }

    @Test
    void onlyTheExpertThemselfPatchesTheProfile() {
        String subject = createExpert();
        String path = "/api/salons/experts/" + subject;
        String body = "{\"name\":\"Hijacked\"}";

        assertProblem(api.as(expert(newSubject())).send("PATCH", path, body, PATCH), 403, "forbidden");
        assertProblem(api.as(enterpriseUser("acme")).send("PATCH", path, body, PATCH), 403, "forbidden");
        assertProblem(api.as(secretariatOf("lighting")).send("PATCH", path, body, PATCH), 403, "forbidden");
        assertProblem(api.anonymous().send("PATCH", path, body, PATCH), 401, "unauthorized");
        assertThat(api.anonymous().get(path).at("/name")).isNotEqualTo("Hijacked");
    }

    @Test
    void patchOfAProfileNotYetCreatedIsNotFound() {
        String subject = newSubject();
        assertProblem(api.as(expert(subject)).send("PATCH", "/api/salons/experts/" + subject, "{\"name\":\"A\"}",
                PATCH), 404, "not-found");
    }

    @Test
    void listsExpertsPubliclyByTopicClusterAndLanguage() {
        String cluster = "coal-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> first = profileRequest("A " + cluster);
        first.put("clusters", List.of(cluster));
        first.put("topics", List.of("TRADEMARKS_AND_IP"));
        first.put("languages", List.of("zh-TW"));
        Map<String, Object> second = profileRequest("B " + cluster);
        second.put("clusters", List.of(cluster, "lighting"));
        second.put("topics", List.of("DESIGN", "E_COMMERCE"));
        second.put("languages", List.of("de-DE", "en"));
        String a = createExpert(first);
        String b = createExpert(second);
        createExpert();

        ApiClient.Response all = api.anonymous().get("/api/salons/experts?cluster=" + cluster);
        assertThat(all.status()).as(all.toString()).isEqualTo(200);
        assertThat(all.at("/totalElements")).isEqualTo("2");
        assertThat(all.at("/content/0/id")).isEqualTo(a);
        assertThat(all.at("/content/1/id")).isEqualTo(b);
        assertThat(api.anonymous().get("/api/salons/experts?cluster=" + cluster + "&topic=DESIGN").at("/content/0/id"))
                .isEqualTo(b);
        ApiClient.Response chinese = api.anonymous().get("/api/salons/experts?cluster=" + cluster + "&language=zh-CN");
        assertThat(chinese.at("/totalElements")).isEqualTo("1");
        assertThat(chinese.at("/content/0/id")).isEqualTo(a);
        ApiClient.Response paged = api.anonymous().get("/api/salons/experts?cluster=" + cluster + "&size=1&page=1");
        assertThat(paged.at("/content/0/id")).isEqualTo(b);
        assertThat(paged.at("/totalPages")).isEqualTo("2");
        assertThat(api.anonymous().get("/api/salons/experts?cluster=" + cluster + "&topic=FINANCING")
                .at("/totalElements")).isEqualTo("0");
    }

    @Test
    void refusesBadListFilters() {
        assertProblem(api.anonymous().get("/api/salons/experts?topic=ASTROLOGY"), 400, null);
        assertProblem(api.anonymous().get("/api/salons/experts?language=!!"), 400, null);
        assertProblem(api.anonymous().get("/api/salons/experts?size=1000"), 400, null);
    }
}
