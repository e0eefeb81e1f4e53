package com.brandcluster.membership.security;

import com.brandcluster.membership.MembershipIntegrationTest;
import com.brandcluster.membership.enterprise.KeycloakStub;
import com.brandcluster.membership.membership.MembershipTestData;
import com.brandcluster.testsupport.AccessMatrix;
import com.brandcluster.testsupport.AccessMatrix.Caller;
import com.brandcluster.testsupport.AccessMatrix.Identity;
import com.brandcluster.testsupport.ApiClient;
import com.brandcluster.testsupport.FuzzRun;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.bson.Document;
import org.bson.types.ObjectId;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of {@code openapi/membership-service.json} as each of the eight callers of {@link AccessMatrix},
 * against two real tenants: cluster A with its secretariat, member enterprise A (its admin and a staff colleague) and
 * an applicant enterprise; cluster B with its secretariat and member enterprise B, and an expert. A secretariat acts
 * only in its own clusters, an enterprise reads and changes only its own records, and what the design makes public
 * (clusters, the directory's public fields, officers, the current convention, verification) holds nothing private.
 */
class AccessMatrixIT extends MembershipIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String API = "/api/membership";

    @LocalServerPort
    private int port;

    @Autowired
    private MongoTemplate mongo;

    @Autowired
    private ApplicationContext context;

    private final AtomicInteger sequence = new AtomicInteger();
    private KeycloakStub users;
    private MembershipTestData memberships;
    private String tenant;
    private String clusterA;
    private Identity secretariatA;
    private Identity adminA;

    @Test
    void noCallerReachesAnotherTenantsClustersEnterprisesOrMemberships() {
        users = new KeycloakStub(keycloak).realm();
        memberships = new MembershipTestData(context);
        tenant = UUID.randomUUID().toString().substring(0, 8);
        String contactEmail = "contact-a-" + tenant + "@brand-a.example";
        String motivation = "Motivation of enterprise A " + tenant;
        String evidence = "Evidence of enterprise A " + tenant;
        String draftBody = "Draft charter of cluster A " + tenant;
        String officerReason = "Officers elected at the plenary of A " + tenant;
        String colleagueEmail = "colleague-a-" + tenant + "@brand-a.example";
        String secretariatEmail = "secretariat-a-" + tenant + "@cluster-a.example";

        // tenant A: a cluster, its secretariat, a member enterprise with a colleague, an applicant enterprise
        clusterA = foundCluster(uniqueSlug("bola"));
        Identity alliance = Identity.allianceAdmin("alliance-" + tenant);
        secretariatA = Identity.secretariat("secretariat-a-" + tenant, clusterA);
        users.user(secretariatA.subject(), secretariatA.subject(), secretariatEmail, Map.of());
        appoint(alliance, clusterA, secretariatA.subject());
        String enterpriseA = register("admin-a-" + tenant, "Enterprise A " + tenant, contactEmail);
        adminA = Identity.enterpriseUser("admin-a-" + tenant, enterpriseA);
        String applicationA = submit(adminA, clusterA, motivation);
        String memberNumberA = decide(secretariatA, applicationA).at("/memberNumber");
        String adoptionA = declare(adminA, clusterA, evidence);
        Identity colleagueA = Identity.enterpriseUser(invite(enterpriseA, colleagueEmail), enterpriseA);
        String enterpriseA2 = register("applicant-a-" + tenant, "Applicant A " + tenant, null);
        Identity applicantA = Identity.enterpriseUser("applicant-a-" + tenant, enterpriseA2);
        String draftA = draft(clusterA, "Draft of A " + tenant, draftBody);
        String adoptedA = adopt(adminA);
        replaceOfficers(enterpriseA, officerReason);

        // tenant B: a cluster, its secretariat, a member enterprise; and an expert
        String clusterB = foundCluster(uniqueSlug("bola"));
        Identity secretariatB = Identity.secretariat("secretariat-b-" + tenant, clusterB);
        String enterpriseB = register("admin-b-" + tenant, "Enterprise B " + tenant, "contact-b-" + tenant
                + "@brand-b.example");
        Identity adminB = Identity.enterpriseUser("admin-b-" + tenant, enterpriseB);
        decide(secretariatB, submit(adminB, clusterB, "Motivation of enterprise B " + tenant));
        Identity expert = Identity.expert("expert-b-" + tenant);

        AccessMatrix matrix = AccessMatrix.local("membership-service", port, FuzzRun.OUTBOX_COLLECTIONS)
                .otherTenant(adminB, secretariatB, expert)
                .privateValues(contactEmail, motivation, evidence, draftBody, officerReason, colleagueEmail,
                        secretariatEmail)
                .tenantValues(clusterA, enterpriseA, enterpriseA2, adminA.subject(), applicantA.subject(),
                        secretariatA.subject(), colleagueA.subject());
        String publicPage = "public cluster pages: anyone reads them, signed in or not (README, DESIGN.md §2)";
        String own = "every signed-in person reads and erases their own data here, never another's";

        // applications
        matrix.operation("GET /api/membership/applications/{applicationId}").by(adminA)
                .path("applicationId", applicationA);
        matrix.operation("POST /api/membership/applications/{applicationId}/approval").by(secretariatA)
                .given(values -> values.put("applicationId", freshApplication()));
        matrix.operation("POST /api/membership/applications/{applicationId}/rejection").by(secretariatA)
                .given(values -> values.put("applicationId", freshApplication()))
                .json("{\"reason\": \"No brand plan yet\"}");
        matrix.operation("POST /api/membership/applications/{applicationId}/withdrawal").by(applicantA)
                .given(values -> values.put("applicationId", submit(applicantA, clusterA, null)));
        matrix.operation("GET /api/membership/clusters/{clusterId}/applications").by(secretariatA)
                .path("clusterId", clusterA);
        matrix.operation("POST /api/membership/clusters/{clusterId}/applications").by(applicantA)
                .path("clusterId", clusterA).json("{\"tier\": \"member\", \"motivation\": \"We make lamps\"}")
                .allows("any registered enterprise applies to any cluster that admits members (README)",
                        Caller.OTHER_ENTERPRISE);
        matrix.operation("GET /api/membership/enterprises/{enterpriseId}/applications").by(adminA)
                .path("enterpriseId", enterpriseA);

        // clusters, tiers, secretariats, audit, statistics, snapshots
        matrix.operation("GET /api/membership/clusters").by(adminA).publicRead(publicPage);
        matrix.operation("POST /api/membership/clusters").by(alliance)
                .given(values -> {
                    String slug = uniqueSlug("bola");
                    values.put("newCluster", slug);
                    values.put("prefix", memberNumberPrefix(slug));
                })
                .json(clusterJson());
        matrix.operation("GET /api/membership/clusters/{clusterId}").by(adminA).path("clusterId", clusterA)
                .publicRead(publicPage);
        matrix.operation("PUT /api/membership/clusters/{clusterId}/tiers").by(secretariatA)
                .path("clusterId", clusterA).json(json(Map.of("tiers", clusterRequest(clusterA).get("tiers"),
                        "reason", "Fees confirmed")));
        matrix.operation("GET /api/membership/clusters/{clusterId}/secretariat").by(secretariatA)
                .path("clusterId", clusterA);
        matrix.operation("PUT /api/membership/clusters/{clusterId}/secretariat").by(alliance)
                .path("clusterId", clusterA)
                .json("{\"users\": [\"" + secretariatA.subject() + "\"], \"reason\": \"Confirmed\"}");
        matrix.operation("GET /api/membership/clusters/{clusterId}/audit").by(secretariatA)
                .path("clusterId", clusterA);
        matrix.operation("GET /api/membership/clusters/{clusterId}/statistics/members").by(secretariatA)
                .path("clusterId", clusterA);
        matrix.operation("POST /api/membership/clusters/{clusterId}/snapshots").by(alliance)
                .path("clusterId", clusterA);

        // the directory and memberships
        matrix.operation("GET /api/membership/clusters/{clusterId}/members").by(secretariatA)
                .path("clusterId", clusterA)
                .publicRead("the member directory is public; who is not of the cluster sees the public fields only");
        matrix.operation("GET /api/membership/clusters/{clusterId}/members/{enterpriseId}").by(adminA)
                .path("clusterId", clusterA).path("enterpriseId", enterpriseA);
        matrix.operation("POST /api/membership/clusters/{clusterId}/members/{enterpriseId}/suspension")
                .by(secretariatA).path("clusterId", clusterA)
                .given(values -> values.put("enterpriseId", freshMember()))
                .json("{\"reason\": \"Fee unpaid\"}");
        matrix.operation("POST /api/membership/clusters/{clusterId}/members/{enterpriseId}/reinstatement")
                .by(secretariatA).path("clusterId", clusterA)
                .given(values -> values.put("enterpriseId", suspendedMember()))
                .json("{\"reason\": \"Fee paid\"}");
        matrix.operation("POST /api/membership/clusters/{clusterId}/members/{enterpriseId}/termination")
                .by(secretariatA).path("clusterId", clusterA)
                .given(values -> values.put("enterpriseId", freshMember()))
                .json("{\"reason\": \"Left the industry\"}");
        matrix.operation("POST /api/membership/clusters/{clusterId}/members/{enterpriseId}/renewal")
                .by(secretariatA).path("clusterId", clusterA).path("enterpriseId", enterpriseA)
                .given(values -> memberships.validUntil(clusterA, enterpriseA, MembershipTestData.today().plusMonths(1)))
                .json("{\"reason\": \"Receipt 2026-17\"}");
        matrix.operation("PUT /api/membership/clusters/{clusterId}/members/{enterpriseId}/tier")
                .by(secretariatA).path("clusterId", clusterA).path("enterpriseId", enterpriseA)
                .json("{\"tier\": \"council\", \"reason\": \"Elected to the council\"}");

        // standards
        matrix.operation("GET /api/membership/clusters/{clusterId}/members/{enterpriseId}/standards").by(adminA)
                .path("clusterId", clusterA).path("enterpriseId", enterpriseA);
        matrix.operation("POST /api/membership/clusters/{clusterId}/members/{enterpriseId}/standards").by(adminA)
                .path("clusterId", clusterA).path("enterpriseId", enterpriseA)
                .given(values -> values.put("code", standardCode()))
                .json("{\"code\": \"${code}\", \"title\": \"LED lamps\", \"kind\": \"B\"}");
        matrix.operation("GET /api/membership/clusters/{clusterId}/members/{enterpriseId}/standards/{adoptionId}")
                .by(adminA).path("clusterId", clusterA).path("enterpriseId", enterpriseA)
                .path("adoptionId", adoptionA);
        matrix.operation("POST /api/membership/clusters/{clusterId}/members/{enterpriseId}/standards/{adoptionId}"
                        + "/certification").by(secretariatA).path("clusterId", clusterA).path("enterpriseId", enterpriseA)
                .given(values -> values.put("adoptionId", declare(adminA, clusterA, "Test report")))
                .json("{\"certificateNumber\": \"CQC-2026-001\", \"certificationBody\": \"CQC\", \"expiresOn\": \""
                        + LocalDate.now().plusYears(2) + "\"}");

        // officers
        matrix.operation("GET /api/membership/clusters/{clusterId}/officers").by(adminA)
                .path("clusterId", clusterA).publicRead(publicPage);
        matrix.operation("PUT /api/membership/clusters/{clusterId}/officers").by(secretariatA)
                .path("clusterId", clusterA).json(officersJson(enterpriseA, officerReason));
        matrix.operation("GET /api/membership/clusters/{clusterId}/officers/history").by(secretariatA)
                .path("clusterId", clusterA);

        // conventions
        matrix.operation("GET /api/membership/clusters/{clusterId}/conventions").by(secretariatA)
                .path("clusterId", clusterA);
        matrix.operation("POST /api/membership/clusters/{clusterId}/conventions").by(secretariatA)
                .path("clusterId", clusterA).json(textJson("Revision", "Article 1. One brand."));
        matrix.operation("GET /api/membership/clusters/{clusterId}/conventions/current").by(adminA)
                .path("clusterId", clusterA).publicRead("the charter a cluster runs under is public (README)");
        matrix.operation("GET /api/membership/conventions/{conventionId}").by(secretariatA)
                .path("conventionId", draftA);
        matrix.operation("PUT /api/membership/conventions/{conventionId}").by(secretariatA)
                .given(values -> values.put("conventionId", draft(clusterA, "Edited", "Article 1. Draft.")))
                .json(textJson("Edited", "Article 1. Edited."));
        matrix.operation("GET /api/membership/conventions/{conventionId}/acceptances").by(secretariatA)
                .path("conventionId", adoptedA);
        matrix.operation("POST /api/membership/conventions/{conventionId}/acceptances").by(adminA)
                .path("conventionId", adoptedA);
        matrix.operation("POST /api/membership/conventions/{conventionId}/ballot").by(secretariatA)
                .given(values -> {
                    closeOpenBallots();
                    values.put("conventionId", draft(clusterA, "To the vote", "Article 1. Vote."));
                })
                .json("{\"closesAt\": \"" + Instant.now().plus(7, ChronoUnit.DAYS) + "\", \"quorumPercent\": 50}");
        matrix.operation("POST /api/membership/conventions/{conventionId}/tally").by(secretariatA)
                .given(values -> {
                    String conventionId = openBallot();
                    closeBallot(conventionId);
                    values.put("conventionId", conventionId);
                });
        matrix.operation("POST /api/membership/conventions/{conventionId}/votes").by(adminA)
                .given(values -> values.put("conventionId", openBallot()))
                .json("{\"choice\": \"FOR\"}");
        matrix.operation("GET /api/membership/conventions/{conventionId}/votes/mine").by(adminA)
                .given(values -> {
                    String conventionId = openBallot();
                    vote(adminA, conventionId);
                    values.put("conventionId", conventionId);
                });

        // enterprises and colleagues
        matrix.operation("POST /api/membership/enterprises").by(Identity.enterpriseUser("registrant-a-" + tenant, null))
                .given(values -> values.put("creditCode", newCreditCode()))
                .json("{\"legalName\": \"Registrant A " + tenant + "\", \"creditCode\": \"${creditCode}\", "
                        + "\"region\": \"Guangdong\", \"industry\": \"Lighting\", \"size\": \"SMALL\"}")
                .answers(Caller.OTHER_ENTERPRISE, 409, "a user who acts for an enterprise already registers none "
                        + "(already-linked)");
        matrix.operation("GET /api/membership/enterprises/me").by(adminA)
                .allows("a user acting for an enterprise reads their own enterprise", Caller.OTHER_ENTERPRISE);
        matrix.operation("GET /api/membership/enterprises/{enterpriseId}").by(adminA)
                .path("enterpriseId", enterpriseA);
        matrix.operation("PATCH /api/membership/enterprises/{enterpriseId}").by(adminA)
                .path("enterpriseId", enterpriseA).json("{\"website\": \"https://www.brand-a.example\"}");
        matrix.operation("GET /api/membership/enterprises/{enterpriseId}/colleagues").by(adminA)
                .path("enterpriseId", enterpriseA);
        matrix.operation("POST /api/membership/enterprises/{enterpriseId}/colleagues").by(adminA)
                .path("enterpriseId", enterpriseA)
                .given(values -> {
                    String id = "invited-" + tenant + "-" + sequence.incrementAndGet();
                    users.creates(id + "@brand-a.example", id);
                    values.put("email", id + "@brand-a.example");
                })
                .json("{\"email\": \"${email}\", \"role\": \"STAFF\"}");
        matrix.operation("PUT /api/membership/enterprises/{enterpriseId}/colleagues/{userId}").by(adminA)
                .path("enterpriseId", enterpriseA)
                .given(values -> values.put("userId", invite(enterpriseA, null)))
                .json("{\"role\": \"ADMIN\"}");
        matrix.operation("DELETE /api/membership/enterprises/{enterpriseId}/colleagues/{userId}").by(adminA)
                .path("enterpriseId", enterpriseA)
                .given(values -> values.put("userId", invite(enterpriseA, null)));

        // the caller's own data
        matrix.operation("GET /api/membership/me").by(adminA).self(own);
        matrix.operation("GET /api/membership/me/personal-data").by(adminA).self(own);
        matrix.operation("POST /api/membership/me/erasure").by(colleagueA).self(own)
                .answers(Caller.OTHER_ENTERPRISE, 409, "the other enterprise's user is its last admin, who names "
                        + "another admin before leaving (last-admin)");
        matrix.operation("GET /api/membership/verify/{memberNumber}").by(adminA).path("memberNumber", memberNumberA)
                .publicRead("membership verification is public: anyone holding a member number checks it");

        AccessMatrix.Report report = matrix.assertHolds();

        assertThat(report.cases()).isEqualTo(53 * Caller.values().length);
        assertThat(report.leaks()).isZero();
        assertThat(report.changedDocuments()).isZero();
        assertThat(api.as(adminA.token()).get(API + "/enterprises/" + enterpriseA).body())
                .as("the private values were there to leak").contains(contactEmail);
        assertThat(api.as(adminA.token()).get(API + "/applications/" + applicationA).body()).contains(motivation);
        assertThat(api.as(adminA.token()).get(API + "/clusters/" + clusterA + "/members/" + enterpriseA
                + "/standards/" + adoptionA).body()).contains(evidence);
        assertThat(api.as(secretariatA.token()).get(API + "/conventions/" + draftA).body()).contains(draftBody);
        assertThat(api.as(secretariatA.token()).get(API + "/clusters/" + clusterA + "/members").body())
                .contains(contactEmail);
        assertThat(api.as(secretariatA.token()).get(API + "/clusters/" + clusterA + "/secretariat").body())
                .contains(secretariatEmail);
    }

    // --- tenant A's fixtures, made through the API as its people would -------------------------------------------

    private void appoint(Identity alliance, String clusterId, String username) {
        ApiClient.Response response = api.as(alliance.token()).put(API + "/clusters/" + clusterId + "/secretariat",
                Map.of("users", List.of(username), "reason", "Appointed at the founding"));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    /** Registers an enterprise for a new user, with a contact when {@code contactEmail} is given. */
    private String register(String subject, String legalName, String contactEmail) {
        Map<String, Object> request = new HashMap<>(enterpriseRequest(legalName, newCreditCode()));
        request.put("contacts", contactEmail == null ? List.of()
                : List.of(Map.of("name", "Zhang Wei", "role", "Brand manager", "email", contactEmail,
                        "phone", "+86 20 5555 0101")));
        ApiClient.Response response = api.as(enterpriseUser(subject, null)).post(API + "/enterprises", request);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.at("/enterprise/id");
    }

    private String submit(Identity applicant, String clusterId, String motivation) {
        Map<String, Object> request = new HashMap<>(Map.of("tier", "member"));
        if (motivation != null) {
            request.put("motivation", motivation);
        }
        ApiClient.Response response = api.as(applicant.token())
                .post(API + "/clusters/" + clusterId + "/applications", request);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.at("/id");
    }

    private ApiClient.Response decide(Identity secretariat, String applicationId) {
        ApiClient.Response response = api.as(secretariat.token())
                .post(API + "/applications/" + applicationId + "/approval", null);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response;
    }

    /** A new enterprise's open application to cluster A. */
    private String freshApplication() {
        String subject = "applicant-" + tenant + "-" + sequence.incrementAndGet();
        return apply(clusterA, subject, register(subject, "Applicant " + subject, null));
    }

    /** A new enterprise, ACTIVE member of cluster A. */
    private String freshMember() {
        String subject = "member-" + tenant + "-" + sequence.incrementAndGet();
        String enterpriseId = register(subject, "Member " + subject, null);
        decide(secretariatA, apply(clusterA, subject, enterpriseId));
        return enterpriseId;
    }

    private String suspendedMember() {
        String enterpriseId = freshMember();
        ApiClient.Response response = api.as(secretariatA.token()).post(API + "/clusters/" + clusterA + "/members/"
                + enterpriseId + "/suspension", Map.of("reason", "Fee unpaid"));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return enterpriseId;
    }

    private String standardCode() {
        return "GB/T 29187." + sequence.incrementAndGet() + "-2012";
    }

    private String declare(Identity member, String clusterId, String evidence) {
        ApiClient.Response response = api.as(member.token()).post(API + "/clusters/" + clusterId + "/members/"
                        + member.enterpriseId() + "/standards",
                Map.of("code", standardCode(), "title", "Brand evaluation", "kind", "A", "evidence", evidence));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.at("/id");
    }

    /** Invites a colleague to the enterprise as STAFF; returns their user id. */
    private String invite(String enterpriseId, String email) {
        String userId = "colleague-" + tenant + "-" + sequence.incrementAndGet();
        String address = email != null ? email : userId + "@brand-a.example";
        users.creates(address, userId);
        ApiClient.Response response = api.as(adminA.token()).post(API + "/enterprises/" + enterpriseId
                + "/colleagues", Map.of("email", address, "role", "STAFF"));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.at("/userId");
    }

    private void replaceOfficers(String enterpriseId, String reason) {
        ApiClient.Response response = api.as(secretariatA.token()).send("PUT", API + "/clusters/" + clusterA
                + "/officers", officersJson(enterpriseId, reason), "application/json");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    private String draft(String clusterId, String title, String body) {
        ApiClient.Response response = api.as(secretariatA.token()).send("POST", API + "/clusters/" + clusterId
                + "/conventions", textJson(title, body), "application/json");
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.at("/id");
    }

    /** A draft of cluster A put to the vote, after every ballot open in the cluster was closed and tallied. */
    private String openBallot() {
        closeOpenBallots();
        String conventionId = draft(clusterA, "Ballot " + sequence.incrementAndGet(), "Article 1. One brand.");
        ApiClient.Response response = api.as(secretariatA.token()).post(API + "/conventions/" + conventionId
                + "/ballot", Map.of("closesAt", Instant.now().plus(7, ChronoUnit.DAYS).toString(), "quorumPercent", 1));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return conventionId;
    }

    private void vote(Identity member, String conventionId) {
        ApiClient.Response response = api.as(member.token()).post(API + "/conventions/" + conventionId + "/votes",
                Map.of("choice", "FOR"));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    /** The ballot's closing time moved into the past, as if it had run its course. */
    private void closeBallot(String conventionId) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(new ObjectId(conventionId))),
                Update.update("ballot.closesAt", Date.from(Instant.now().minusSeconds(1))), "conventions");
    }

    private void closeOpenBallots() {
        Query open = Query.query(Criteria.where("clusterId").is(clusterA).and("status").is("BALLOT"));
        for (Document convention : mongo.find(open, Document.class, "conventions")) {
            String conventionId = convention.getObjectId("_id").toHexString();
            closeBallot(conventionId);
            tally(conventionId);
        }
    }

    private ApiClient.Response tally(String conventionId) {
        ApiClient.Response response = api.as(secretariatA.token())
                .post(API + "/conventions/" + conventionId + "/tally", null);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response;
    }

    /** A convention of cluster A adopted with the member's vote; returns its id. */
    private String adopt(Identity member) {
        String conventionId = openBallot();
        vote(member, conventionId);
        closeBallot(conventionId);
        assertThat(tally(conventionId).at("/status")).isEqualTo("ADOPTED");
        return conventionId;
    }

    // --- request bodies ----------------------------------------------------------------------------------------------

    private static String clusterJson() {
        Map<String, Object> request = new HashMap<>(clusterRequest("placeholder"));
        request.put("id", "${newCluster}");
        request.put("memberNumberPrefix", "${prefix}");
        return json(request);
    }

    private static String officersJson(String enterpriseId, String reason) {
        LocalDate today = LocalDate.now();
        return json(Map.of("officers", List.of(Map.of("seat", "CHAIRMAN", "enterpriseId", enterpriseId,
                "person", "Wang Fang", "termStart", today.toString(), "termEnd", today.plusYears(3).toString())),
                "reason", reason));
    }

    private static String textJson(String title, String body) {
        return json(Map.of("title", title, "body", body, "changeSummary", "Article 1 rewritten"));
    }

    private static String json(Object value) {
        return JSON.writeValueAsString(value);
    }
}
