package com.brandcluster.membership.directory;

import com.brandcluster.testsupport.ApiClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The directory of one cluster with five members, admitted in this order: Opal (ACTIVE, member tier, one certified
 * and one self-declared standard), Foshan (ACTIVE, council tier, one self-declared standard), Hangzhou (GRACE),
 * Suspended (SUSPENDED) and Lapsed (LAPSED).
 */
class DirectoryApiIT extends RegisterIntegrationTest {

    private static final String BRAND_STANDARD = "GB/T 29187-2012";
    private static final String SERVICE_STANDARD = "GB/T 31950-2015";

    private String cluster;
    private String opal;
    private String opalSubject;
    private String foshan;
    private String hangzhou;
    private String hangzhouSubject;
    private String suspended;
    private String suspendedSubject;
    private String lapsed;

    @BeforeEach
    void register() {
        cluster = foundCluster(uniqueSlug("lighting"));
        opalSubject = subject("opal");
        opal = admit(cluster, opalSubject, new Profile("Opal Lighting Co., Ltd.", "Lighting", "Guangdong",
                "https://www.opal.example", "Li Ming", "li.ming@opal.example"), "member");
        foshan = admit(cluster, subject("foshan"), new Profile("Foshan Lamps (Group) Co.", "Lighting", "Guangdong",
                "https://www.foshan.example", "Zhou Qiang", "zhou@foshan.example"), "council");
        hangzhouSubject = subject("hangzhou");
        hangzhou = admit(cluster, hangzhouSubject, Profile.of("Hangzhou Cookware Ltd.", "Cookware", "Zhejiang"),
                "member");
        suspendedSubject = subject("suspended");
        suspended = admit(cluster, suspendedSubject, Profile.of("Suspended Lighting Ltd.", "Lighting", "Guangdong"),
                "member");
        lapsed = admit(cluster, subject("lapsed"), Profile.of("Lapsed Lighting Ltd.", "Lighting", "Jiangsu"),
                "member");

        String certified = declare(opalSubject, opal, BRAND_STANDARD);
        ApiClient.Response certification = api.as(secretariatOf(cluster)).post(standards(opal) + "/" + certified
                + "/certification", Map.of("certificateNumber", "CQC-2026-0001", "certificationBody", "CQC",
                "expiresOn", LocalDate.now(ZoneId.of("Asia/Shanghai")).plusYears(2).toString()));
        assertThat(certification.status()).as(certification.toString()).isEqualTo(200);
        declare(opalSubject, opal, SERVICE_STANDARD);
        String foshanSubject = subject("foshan-staff");
        declare(foshanSubject, foshan, BRAND_STANDARD);

        setMembershipStatus(cluster, hangzhou, "GRACE");
        setMembershipStatus(cluster, suspended, "SUSPENDED");
        setMembershipStatus(cluster, lapsed, "LAPSED");
    }

    private String standards(String enterprise) {
        return "/api/membership/clusters/" + cluster + "/members/" + enterprise + "/standards";
    }

    private String declare(String subject, String enterprise, String code) {
        ApiClient.Response response = api.as(enterpriseUser(subject, enterprise)).post(standards(enterprise),
                Map.of("code", code, "title", "Standard " + code, "kind", "A"));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.at("/id");
    }

    private String directory() {
        return "/api/membership/clusters/" + cluster + "/members";
    }

    private ApiClient.Response search(ApiClient client, String query) {
        ApiClient.Response response = client.get(directory() + query);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response;
    }

    private static List<String> names(ApiClient.Response response) {
        return response.json().get("content").findValuesAsString("enterpriseName");
    }

    private static JsonNode entry(ApiClient.Response response, String enterpriseId) {
        for (JsonNode entry : response.json().get("content")) {
            if (entry.get("enterpriseId").asString().equals(enterpriseId)) {
                return entry;
            }
        }
        throw new AssertionError(enterpriseId + " is not in " + response.body());
    }

    private ApiClient secretariat() {
        return api.as(secretariatOf(cluster));
    }

    private ApiClient memberUser() {
        return api.as(enterpriseUser(opalSubject, opal));
    }

    // --- visibility -------------------------------------------------------------------------------------------------

    @Test
    void anonymousCallersSeeMembersInGoodStandingWithPublicFieldsAndCertifiedStandardsOnly() {
        ApiClient.Response response = search(api.anonymous(), "");

        assertThat(names(response)).containsExactly("Foshan Lamps (Group) Co.", "Hangzhou Cookware Ltd.",
                "Opal Lighting Co., Ltd.");
        assertThat(response.at("/totalElements")).isEqualTo("3");
        JsonNode entry = entry(response, opal);
        assertThat(entry.get("memberNumber").asString()).isEqualTo(memberNumberPrefix(cluster) + "-"
                + LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() + "-0001");
        assertThat(entry.get("tier").asString()).isEqualTo("member");
        assertThat(entry.get("region").asString()).isEqualTo("Guangdong");
        assertThat(entry.get("industry").asString()).isEqualTo("Lighting");
        assertThat(entry.get("website").asString()).isEqualTo("https://www.opal.example");
        assertThat(entry.get("memberSince").asString()).isNotBlank();
        assertThat(entry.get("standards").findValuesAsString("code")).containsExactly(BRAND_STANDARD);
        assertThat(entry.at("/standards/0/status").asString()).isEqualTo("CERTIFIED");
        assertThat(entry.at("/standards/0/certificateNumber").asString()).isEqualTo("CQC-2026-0001");
        assertThat(entry(response, foshan).get("standards").size()).isZero();
        for (JsonNode member : response.json().get("content")) {
            assertThat(member.has("contacts")).isFalse();
            assertThat(member.has("status")).isFalse();
            assertThat(member.has("validUntil")).isFalse();
            assertThat(member.has("membershipId")).isFalse();
        }
        assertThat(response.body()).doesNotContain("Li Ming", "li.ming@opal.example", "SUSPENDED", "Suspended");
    }

    @Test
    void callersWhoAreNotMembersOfTheClusterSeeThePublicDirectory() {
        String outsiderSubject = subject("outsider");
        String outsider = registerEnterprise(outsiderSubject);
        JsonNode anonymous = search(api.anonymous(), "").json();

        for (String token : List.of(expert(), allianceAdmin(), secretariatOf("coking-coal"),
                enterpriseUser(outsiderSubject, outsider), enterpriseUser(suspendedSubject, suspended))) {
            assertThat(search(api.as(token), "").json()).isEqualTo(anonymous);
        }
    }

    @Test
    void membersOfTheClusterSeeContactsNamesAndEveryDeclaredStandard() {
        ApiClient.Response response = search(memberUser(), "");

        assertThat(names(response)).containsExactly("Foshan Lamps (Group) Co.", "Hangzhou Cookware Ltd.",
                "Opal Lighting Co., Ltd.");
        JsonNode self = entry(response, opal);
        assertThat(self.at("/contacts/0/name").asString()).isEqualTo("Li Ming");
        assertThat(self.at("/contacts/0/role").asString()).isEqualTo("Brand manager");
        assertThat(self.at("/contacts/0").has("email")).isFalse();
        assertThat(self.at("/contacts/0").has("phone")).isFalse();
        assertThat(self.get("standards").findValuesAsString("code")).containsExactly(BRAND_STANDARD, SERVICE_STANDARD);
        assertThat(self.get("standards").findValuesAsString("status")).containsExactly("CERTIFIED", "SELF_DECLARED");
        assertThat(entry(response, foshan).get("standards").findValuesAsString("status"))
                .containsExactly("SELF_DECLARED");
        assertThat(self.has("status")).isFalse();
        assertThat(self.has("validUntil")).isFalse();
        assertThat(response.body()).doesNotContain("li.ming@opal.example", "zhou@foshan.example");

        ApiClient.Response graceMember = search(api.as(enterpriseUser(hangzhouSubject, hangzhou)), "");
        assertThat(graceMember.json()).isEqualTo(response.json());
    }

    @Test
    void theSecretariatSeesEveryMemberInEveryStatusWithEveryField() {
        ApiClient.Response response = search(secretariat(), "");

        assertThat(names(response)).containsExactly("Foshan Lamps (Group) Co.", "Hangzhou Cookware Ltd.",
                "Lapsed Lighting Ltd.", "Opal Lighting Co., Ltd.", "Suspended Lighting Ltd.");
        JsonNode entry = entry(response, opal);
        assertThat(entry.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(entry.get("validUntil").asString()).isNotBlank();
        assertThat(entry.get("validFrom").asString()).isNotBlank();
        assertThat(entry.get("membershipId").asString()).isNotBlank();
        assertThat(entry.at("/contacts/0/email").asString()).isEqualTo("li.ming@opal.example");
        assertThat(entry.at("/contacts/0/phone").asString()).isNotBlank();
        assertThat(entry.get("standards").size()).isEqualTo(2);
        assertThat(entry(response, suspended).get("status").asString()).isEqualTo("SUSPENDED");
        assertThat(entry(response, hangzhou).get("status").asString()).isEqualTo("GRACE");

        assertThat(names(search(secretariat(), "?status=SUSPENDED"))).containsExactly("Suspended Lighting Ltd.");
        assertThat(names(search(secretariat(), "?status=LAPSED"))).containsExactly("Lapsed Lighting Ltd.");
        assertThat(names(search(secretariat(), "?status=GRACE"))).containsExactly("Hangzhou Cookware Ltd.");
    }

    @Test
    void onlyTheSecretariatFiltersByStatusWhichNobodyElseSees() {
        for (ApiClient caller : List.of(api.anonymous(), api.as(enterpriseUser(hangzhouSubject, hangzhou)),
                api.as(secretariatOf("elsewhere")))) {
            for (String status : List.of("GRACE", "SUSPENDED", "ACTIVE")) {
                ApiClient.Response refused = caller.get(directory() + "?status=" + status);
                assertThat(refused.status()).as(status + " " + refused).isEqualTo(403);
                assertThat(refused.contentType()).startsWith("application/problem+json");
                assertThat(refused.body()).doesNotContain("Hangzhou");
            }
        }
    }

    // --- filters ----------------------------------------------------------------------------------------------------

    @Test
    void searchesTheLegalNameCaseInsensitivelyAndLiterally() {
        assertThat(names(search(api.anonymous(), "?q=lamps"))).containsExactly("Foshan Lamps (Group) Co.");
        assertThat(names(search(api.anonymous(), "?q=LIGHTING"))).containsExactly("Opal Lighting Co., Ltd.");
        assertThat(names(search(secretariat(), "?q=LIGHTING"))).containsExactly("Lapsed Lighting Ltd.",
                "Opal Lighting Co., Ltd.", "Suspended Lighting Ltd.");
        assertThat(names(search(api.anonymous(), "?q=" + encode("(group)")))).containsExactly("Foshan Lamps (Group) Co.");
        assertThat(names(search(api.anonymous(), "?q=" + encode("Co.")))).containsExactly("Foshan Lamps (Group) Co.",
                "Opal Lighting Co., Ltd.");
        assertThat(search(api.anonymous(), "?q=" + encode(".*")).at("/totalElements")).isEqualTo("0");
        assertThat(search(api.anonymous(), "?q=" + encode("^Opal|Hangzhou")).at("/totalElements")).isEqualTo("0");
        assertThat(search(api.anonymous(), "?q=" + encode("[")).at("/totalElements")).isEqualTo("0");
    }

    @Test
    void filtersByIndustryRegionTierAndStatusTogether() {
        assertThat(names(search(api.anonymous(), "?industry=cookware"))).containsExactly("Hangzhou Cookware Ltd.");
        assertThat(names(search(api.anonymous(), "?region=GUANGDONG"))).containsExactly("Foshan Lamps (Group) Co.",
                "Opal Lighting Co., Ltd.");
        assertThat(search(api.anonymous(), "?region=Guang").at("/totalElements")).isEqualTo("0");
        assertThat(names(search(api.anonymous(), "?tier=council"))).containsExactly("Foshan Lamps (Group) Co.");
        assertThat(names(search(api.anonymous(), "?industry=Lighting&tier=member"))).containsExactly(
                "Opal Lighting Co., Ltd.");
        assertThat(names(search(secretariat(), "?industry=Lighting&region=Guangdong&status=SUSPENDED")))
                .containsExactly("Suspended Lighting Ltd.");
        assertThat(names(search(secretariat(), "?region=jiangsu"))).containsExactly("Lapsed Lighting Ltd.");
        assertThat(search(api.anonymous(), "?tier=platinum").at("/totalElements")).isEqualTo("0");
    }

    @Test
    void filtersByAdoptedStandardAsTheCallerMaySeeIt() {
        String brand = "?standard=" + encode(BRAND_STANDARD);

        assertThat(names(search(api.anonymous(), brand))).containsExactly("Opal Lighting Co., Ltd.");
        assertThat(names(search(memberUser(), brand))).containsExactly("Foshan Lamps (Group) Co.",
                "Opal Lighting Co., Ltd.");
        assertThat(names(search(secretariat(), "?standard=" + encode("gb/t 29187-2012")))).containsExactly(
                "Foshan Lamps (Group) Co.", "Opal Lighting Co., Ltd.");
        assertThat(search(api.anonymous(), "?standard=" + encode(SERVICE_STANDARD)).at("/totalElements"))
                .isEqualTo("0");
        assertThat(names(search(memberUser(), "?standard=" + encode(SERVICE_STANDARD) + "&q=opal")))
                .containsExactly("Opal Lighting Co., Ltd.");
        assertThat(search(memberUser(), "?standard=" + encode(SERVICE_STANDARD) + "&q=foshan").at("/totalElements"))
                .isEqualTo("0");
    }

    // --- paging and sorting -----------------------------------------------------------------------------------------

    @Test
    void pagesThroughTheMembersInTheOrderAsked() {
        ApiClient.Response first = search(secretariat(), "?sort=memberNumber&size=2");
        assertThat(first.json().get("content").findValuesAsString("enterpriseId")).containsExactly(opal, foshan);
        assertThat(first.at("/page")).isEqualTo("0");
        assertThat(first.at("/size")).isEqualTo("2");
        assertThat(first.at("/totalElements")).isEqualTo("5");
        assertThat(first.at("/totalPages")).isEqualTo("3");
        assertThat(search(secretariat(), "?sort=memberNumber&size=2&page=1").json().get("content")
                .findValuesAsString("enterpriseId")).containsExactly(hangzhou, suspended);
        ApiClient.Response last = search(secretariat(), "?sort=memberNumber&size=2&page=2");
        assertThat(last.json().get("content").findValuesAsString("enterpriseId")).containsExactly(lapsed);
        ApiClient.Response beyond = search(secretariat(), "?sort=memberNumber&size=2&page=7");
        assertThat(beyond.json().get("content").size()).isZero();
        assertThat(beyond.at("/totalElements")).isEqualTo("5");

        assertThat(search(secretariat(), "?sort=memberNumber,desc").json().get("content")
                .findValuesAsString("enterpriseId")).containsExactly(lapsed, suspended, hangzhou, foshan, opal);
        assertThat(search(secretariat(), "?sort=admittedAt").json().get("content")
                .findValuesAsString("enterpriseId")).containsExactly(opal, foshan, hangzhou, suspended, lapsed);
        assertThat(names(search(api.anonymous(), "?sort=name,desc"))).containsExactly("Opal Lighting Co., Ltd.",
                "Hangzhou Cookware Ltd.", "Foshan Lamps (Group) Co.");
        assertThat(names(search(api.anonymous(), "?sort=admittedAt,desc&size=1"))).containsExactly(
                "Hangzhou Cookware Ltd.");
    }

    // --- bad input --------------------------------------------------------------------------------------------------

    @Test
    void badQueriesAreProblemDetails() {
        ApiClient.Response unknownSort = api.anonymous().get(directory() + "?sort=validUntil");
        assertProblem(unknownSort, 400, "unknown-sort");
        assertThat(unknownSort.json().get("sortable").toString()).isEqualTo("[\"name\",\"memberNumber\",\"admittedAt\"]");
        assertThat(unknownSort.at("/detail")).contains("validUntil");
        assertProblem(api.anonymous().get(directory() + "?sort=name,sideways"), 400, "unknown-sort");
        assertProblem(api.anonymous().get(directory() + "?size=1000"), 400, "validation");
        assertProblem(api.anonymous().get(directory() + "?size=0"), 400, "validation");
        assertProblem(api.anonymous().get(directory() + "?page=-1"), 400, "validation");
        ApiClient.Response longText = api.anonymous().get(directory() + "?q=" + "x".repeat(101));
        assertProblem(longText, 400, "validation");
        assertThat(longText.json().get("errors").findValuesAsString("field")).containsExactly("q");
        assertProblem(api.anonymous().get(directory() + "?status=NONSENSE"), 400, "validation");
        assertProblem(api.anonymous().get(directory() + "?tier=" + encode("Not A Tier")), 400, "validation");
        assertProblem(api.anonymous().get(directory() + "?standard=" + encode("GB 1")), 400, "validation");
        assertProblem(api.anonymous().get("/api/membership/clusters/no-such-cluster/members"), 404, "not-found");
    }

    @Test
    void oneMembershipStaysForTheSecretariatAndTheEnterpriseOnly() {
        String path = directory() + "/" + opal;

        assertProblem(api.anonymous().get(path), 401, null);
        assertProblem(api.anonymous().get(path + "/standards"), 401, null);
        assertThat(memberUser().get(path).status()).isEqualTo(200);
    }
}
