package com.brandcluster.membership.standard;

import com.brandcluster.contracts.membership.StandardCertified;
import com.brandcluster.membership.directory.EventTap;
import com.brandcluster.membership.directory.RegisterIntegrationTest;
import com.brandcluster.testsupport.ApiClient;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class StandardApiIT extends RegisterIntegrationTest {

    private static final ZoneId CLUSTER_ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired
    private CertificateExpiry expiry;

    private static LocalDate today() {
        return LocalDate.now(CLUSTER_ZONE);
    }

    private static String standards(String cluster, String enterprise) {
        return "/api/membership/clusters/" + cluster + "/members/" + enterprise + "/standards";
    }

    private static Map<String, Object> declaration(String code) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("title", "Brand evaluation: requirements for an enterprise's brand cultivation");
        body.put("kind", "A");
        body.put("declaredOn", today().minusDays(10).toString());
        body.put("evidence", "Brand cultivation handbook, adopted by the board on 2026-03-01");
        body.put("evidenceUrl", "https://www.example.com/brand-handbook.pdf");
        return body;
    }

    private static Map<String, Object> certificate(String number, LocalDate expiresOn) {
        return Map.of("certificateNumber", number, "certificationBody", "China Quality Certification Centre",
                "expiresOn", expiresOn.toString());
    }

    /** Declares a standard as the member; returns the adoption id. */
    private String declare(String cluster, String subject, String enterprise, String code) {
        ApiClient.Response response = api.as(enterpriseUser(subject, enterprise))
                .post(standards(cluster, enterprise), declaration(code));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.at("/id");
    }

    private ApiClient.Response certify(String cluster, String enterprise, String adoption, String number,
                                       LocalDate expiresOn) {
        return api.as(secretariatOf(cluster)).post(standards(cluster, enterprise) + "/" + adoption + "/certification",
                certificate(number, expiresOn));
    }

    private void expireStoredCertificate(String adoption, LocalDate expiresOn) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(new ObjectId(adoption))),
                Update.update("certification.expiresOn", expiresOn), StandardAdoption.class);
    }

    private StandardAdoption stored(String adoption) {
        return mongo.findById(new ObjectId(adoption), StandardAdoption.class);
    }

    @Test
    void anActiveMemberDeclaresAStandardSelfDeclared() {
        String cluster = foundCluster(uniqueSlug("lighting"));
        String subject = subject("opal");
        String member = admit(cluster, subject);

        ApiClient.Response declared = api.as(enterpriseUser(subject, member))
                .post(standards(cluster, member), declaration("gb/t  29187-2012"));

        assertThat(declared.status()).as(declared.toString()).isEqualTo(201);
        assertThat(declared.header("Location")).hasValueSatisfying(l -> l.endsWith("/standards/" + declared.at("/id")));
        assertThat(declared.at("/code")).isEqualTo("GB/T 29187-2012");
        assertThat(declared.at("/status")).isEqualTo("SELF_DECLARED");
        assertThat(declared.at("/kind")).isEqualTo("A");
        assertThat(declared.at("/version")).isEqualTo("1");
        ApiClient.Response list = api.as(enterpriseUser(subject, member)).get(standards(cluster, member));
        assertThat(list.json().findValuesAsString("code")).containsExactly("GB/T 29187-2012");
        assertThat(api.as(secretariatOf(cluster)).get(standards(cluster, member) + "/" + declared.at("/id"))
                .at("/evidenceUrl")).isEqualTo("https://www.example.com/brand-handbook.pdf");
    }

    @Test
    void onlyTheEnterpriseItselfDeclaresItsStandards() {
        String cluster = foundCluster(uniqueSlug("lighting"));
        String subject = subject("opal");
        String member = admit(cluster, subject);
        String otherSubject = subject("other");
        String otherMember = admit(cluster, otherSubject);
        String path = standards(cluster, member);
        Map<String, Object> body = declaration("GB/T 29187-2012");

        assertProblem(api.as(enterpriseUser(otherSubject, otherMember)).post(path, body), 403, "forbidden");
        assertProblem(api.as(secretariatOf(cluster)).post(path, body), 403, "forbidden");
        assertProblem(api.as(secretariatOf("coking-coal")).post(path, body), 403, "forbidden");
        assertProblem(api.as(expert()).post(path, body), 403, "forbidden");
        assertProblem(api.anonymous().post(path, body), 401, null);

        assertThat(api.as(enterpriseUser(subject, member)).get(path).json().size()).isZero();
    }

    @Test
    void aMemberThatIsNotActiveOrNoMemberAtAllCannotDeclare() {
        String cluster = foundCluster(uniqueSlug("lighting"));
        String suspendedSubject = subject("suspended");
        String suspended = admit(cluster, suspendedSubject);
        setMembershipStatus(cluster, suspended, "SUSPENDED");
        String outsiderSubject = subject("outsider");
        String outsider = registerEnterprise(outsiderSubject);

        ApiClient.Response notActive = api.as(enterpriseUser(suspendedSubject, suspended))
                .post(standards(cluster, suspended), declaration("GB/T 29187-2012"));
        assertProblem(notActive, 422, "not-active-member");
        assertThat(notActive.at("/currentState")).isEqualTo("SUSPENDED");
        ApiClient.Response notMember = api.as(enterpriseUser(outsiderSubject, outsider))
                .post(standards(cluster, outsider), declaration("GB/T 29187-2012"));
        assertProblem(notMember, 422, "not-active-member");
        assertThat(notMember.at("/currentState")).isEqualTo("NONE");
        assertProblem(api.as(enterpriseUser(outsiderSubject, outsider))
                .post(standards("no-such-cluster", outsider), declaration("GB/T 29187-2012")), 404, "not-found");

        assertThat(api.as(secretariatOf(cluster)).get(standards(cluster, suspended)).json().size()).isZero();
    }

    @Test
    void badDeclarationsAreRefusedAndChangeNothing() {
        String cluster = foundCluster(uniqueSlug("lighting"));
        String subject = subject("careful");
        String member = admit(cluster, subject);
        ApiClient client = api.as(enterpriseUser(subject, member));
        String path = standards(cluster, member);

        ApiClient.Response badCode = client.post(path, declaration("GBT29187"));
        assertProblem(badCode, 400, "validation");
        assertThat(badCode.json().get("errors").findValuesAsString("field")).containsExactly("code");

        Map<String, Object> unknownKind = declaration("GB/T 29187-2012");
        unknownKind.put("kind", "D");
        assertProblem(client.post(path, unknownKind), 400, "validation");

        Map<String, Object> oversized = declaration("GB/T 29187-2012");
        oversized.put("evidence", "x".repeat(4001));
        ApiClient.Response tooLong = client.post(path, oversized);
        assertProblem(tooLong, 400, "validation");
        assertThat(tooLong.json().get("errors").findValuesAsString("field")).containsExactly("evidence");

        Map<String, Object> future = declaration("GB/T 29187-2012");
        future.put("declaredOn", today().plusDays(30).toString());
        assertProblem(client.post(path, future), 400, "validation");

        Map<String, Object> notAUrl = declaration("GB/T 29187-2012");
        notAUrl.put("evidenceUrl", "javascript:alert(1)");
        assertProblem(client.post(path, notAUrl), 400, "validation");

        Map<String, Object> smuggled = declaration("GB/T 29187-2012");
        smuggled.put("status", "CERTIFIED");
        assertProblem(client.post(path, smuggled), 400, "unknown-property");

        assertThat(client.get(path).json().size()).isZero();
    }

    @Test
    void declaringTheSameCodeTwiceIsAConflict() {
        String cluster = foundCluster(uniqueSlug("lighting"));
        String subject = subject("twice");
        String member = admit(cluster, subject);
        declare(cluster, subject, member, "GB/T 29187-2012");

        ApiClient.Response again = api.as(enterpriseUser(subject, member))
                .post(standards(cluster, member), declaration(" gb/t 29187-2012"));

        assertProblem(again, 409, "standard-declared");
        assertThat(api.as(enterpriseUser(subject, member)).get(standards(cluster, member)).json().size()).isEqualTo(1);
        declare(cluster, subject, member, "GB/T 29187-2022");
    }

    @Test
    void theDeclaredStandardsAreReadByTheEnterpriseAndItsClustersSecretariatOnly() {
        String cluster = foundCluster(uniqueSlug("lighting"));
        String subject = subject("reader");
        String member = admit(cluster, subject);
        String otherSubject = subject("other");
        String otherMember = admit(cluster, otherSubject);
        String adoption = declare(cluster, subject, member, "GB/T 29187-2012");

        for (String path : List.of(standards(cluster, member), standards(cluster, member) + "/" + adoption)) {
            assertThat(api.as(enterpriseUser(subject, member)).get(path).status()).isEqualTo(200);
            assertThat(api.as(secretariatOf(cluster)).get(path).status()).isEqualTo(200);
            assertProblem(api.as(enterpriseUser(otherSubject, otherMember)).get(path), 403, "forbidden");
            assertProblem(api.as(secretariatOf("coking-coal")).get(path), 403, "forbidden");
            assertProblem(api.as(expert()).get(path), 403, "forbidden");
            assertProblem(api.anonymous().get(path), 401, null);
        }
        assertProblem(api.as(enterpriseUser(otherSubject, otherMember))
                .get(standards(cluster, otherMember) + "/" + adoption), 404, "not-found");
    }

    @Test
    void theSecretariatCertifiesAndStandardCertifiedIsPublishedWithItsVersion() throws Exception {
        String cluster = foundCluster(uniqueSlug("zhejiang-made"));
        String subject = subject("robam");
        String member = admit(cluster, subject);
        String adoption = declare(cluster, subject, member, "T/ZZB 0017-2016");
        LocalDate expiresOn = today().plusYears(3);

        try (EventTap events = new EventTap(cluster)) {
            ApiClient.Response certified = certify(cluster, member, adoption, "ZZB-2026-000318", expiresOn);

            assertThat(certified.status()).as(certified.toString()).isEqualTo(200);
            assertThat(certified.at("/status")).isEqualTo("CERTIFIED");
            assertThat(certified.at("/certification/certificateNumber")).isEqualTo("ZZB-2026-000318");
            assertThat(certified.at("/version")).isEqualTo("2");
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(events.received(StandardCertified.ROUTING_KEY)).hasSize(1));
            var event = events.received(StandardCertified.ROUTING_KEY).getFirst().body();
            assertThat(event.get("version").asLong()).isEqualTo(2);
            assertThat(event.get("adoptionId").asString()).isEqualTo(adoption);
            assertThat(event.get("enterpriseId").asString()).isEqualTo(member);
            assertThat(event.get("membershipId").asString()).isNotBlank();
            assertThat(event.get("standardCode").asString()).isEqualTo("T/ZZB 0017-2016");
            assertThat(event.get("kind").asString()).isEqualTo("A");
            assertThat(event.get("certificateNumber").asString()).isEqualTo("ZZB-2026-000318");
            assertThat(event.get("certificationBody").asString()).isEqualTo("China Quality Certification Centre");
            assertThat(event.get("expiresOn").asString()).isEqualTo(expiresOn.toString());
            assertThat(event.get("eventId").asString()).isNotBlank();
        }
        ApiClient.Response trail = api.as(secretariatOf(cluster)).get("/api/membership/clusters/" + cluster + "/audit");
        assertThat(trail.at("/content/0/action")).isEqualTo("standard.certified");
        assertThat(trail.at("/content/0/subjectId")).isEqualTo(adoption);
    }

    @Test
    void onlyTheClustersSecretariatCertifies() {
        String cluster = foundCluster(uniqueSlug("lighting"));
        String subject = subject("opal");
        String member = admit(cluster, subject);
        String otherSubject = subject("other");
        String other = registerEnterprise(otherSubject);
        String adoption = declare(cluster, subject, member, "GB/T 29187-2012");
        String path = standards(cluster, member) + "/" + adoption + "/certification";
        Map<String, Object> body = certificate("CQC-1", today().plusYears(1));

        assertProblem(api.as(secretariatOf("coking-coal")).post(path, body), 403, "forbidden");
        assertProblem(api.as(enterpriseUser(subject, member)).post(path, body), 403, "forbidden");
        assertProblem(api.as(enterpriseUser(otherSubject, other)).post(path, body), 403, "forbidden");
        assertProblem(api.as(expert()).post(path, body), 403, "forbidden");
        assertProblem(api.as(allianceAdmin()).post(path, body), 403, "forbidden");
        assertProblem(api.anonymous().post(path, body), 401, null);
        String otherCluster = foundCluster(uniqueSlug("cookware"));
        assertProblem(api.as(secretariatOf(otherCluster)).post(standards(otherCluster, member) + "/" + adoption
                + "/certification", body), 404, "not-found");

        assertThat(stored(adoption).statusOn(today())).isEqualTo(StandardAdoption.Status.SELF_DECLARED);
        assertThat(stored(adoption).version()).isEqualTo(1);
    }

    @Test
    void aCertificateMustExpireInTheFutureAndBeComplete() {
        String cluster = foundCluster(uniqueSlug("lighting"));
        String subject = subject("opal");
        String member = admit(cluster, subject);
        String adoption = declare(cluster, subject, member, "GB/T 29187-2012");
        String path = standards(cluster, member) + "/" + adoption + "/certification";
        ApiClient secretariat = api.as(secretariatOf(cluster));

        ApiClient.Response past = secretariat.post(path, certificate("CQC-1", today().minusDays(1)));
        assertProblem(past, 400, "validation");
        assertThat(past.json().get("errors").findValuesAsString("field")).containsExactly("expiresOn");
        assertProblem(secretariat.post(path, certificate("CQC-1", today().minusYears(2))), 400, "validation");
        assertProblem(secretariat.post(path, Map.of("certificateNumber", "CQC-1", "certificationBody", " ",
                "expiresOn", today().plusYears(1).toString())), 400, "validation");
        assertProblem(secretariat.post(path, certificate("N".repeat(101), today().plusYears(1))), 400, "validation");
        assertProblem(secretariat.post(path, Map.of("certificateNumber", "CQC-1", "certificationBody", "CQC",
                "expiresOn", "31.12.2030")), 400, "validation");

        assertThat(stored(adoption).statusOn(today())).isEqualTo(StandardAdoption.Status.SELF_DECLARED);
        assertThat(stored(adoption).version()).isEqualTo(1);
    }

    @Test
    void aValidCertificateIsNotCertifiedAgainAndConcurrentCertificationsApplyOnce() throws Exception {
        String cluster = foundCluster(uniqueSlug("lighting"));
        String subject = subject("race");
        String member = admit(cluster, subject);
        String adoption = declare(cluster, subject, member, "GB/T 29187-2012");

        try (EventTap events = new EventTap(cluster)) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Callable<Integer>> certifications = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String number = "CQC-" + i;
                certifications.add(() -> certify(cluster, member, adoption, number, today().plusYears(2)).status());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(certifications)) {
                statuses.add(f.get());
            }
            pool.shutdown();

            assertThat(statuses).containsOnly(200, 409);
            assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(events.received(StandardCertified.ROUTING_KEY)).hasSize(1));
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                    assertThat(events.received(StandardCertified.ROUTING_KEY)).hasSize(1));
        }
        ApiClient.Response again = certify(cluster, member, adoption, "CQC-9", today().plusYears(5));
        assertProblem(again, 409, "standard-certified");
        assertThat(again.at("/currentState")).isEqualTo("CERTIFIED");
        assertThat(stored(adoption).version()).isEqualTo(2);
    }

    @Test
    void anExpiredCertificateReadsAsSelfDeclaredAtOnceAndTheJobWritesItDownOnce() throws Exception {
        String cluster = foundCluster(uniqueSlug("lighting"));
        String subject = subject("expiring");
        String member = admit(cluster, subject);
        String expiring = declare(cluster, subject, member, "GB/T 29187-2012");
        String lastDay = declare(cluster, subject, member, "GB/T 31950-2015");
        assertThat(certify(cluster, member, expiring, "CQC-EXP", today().plusYears(1)).status()).isEqualTo(200);
        assertThat(certify(cluster, member, lastDay, "CQC-TODAY", today().plusYears(1)).status()).isEqualTo(200);
        expireStoredCertificate(expiring, today().minusDays(1));
        expireStoredCertificate(lastDay, today());

        ApiClient.Response before = api.as(enterpriseUser(subject, member)).get(standards(cluster, member) + "/" + expiring);
        assertThat(before.at("/status")).isEqualTo("SELF_DECLARED");
        assertThat(before.at("/certification")).isNull();
        assertThat(before.at("/pastCertifications/0/certificateNumber")).isEqualTo("CQC-EXP");
        assertThat(stored(expiring).storedStatus()).isEqualTo(StandardAdoption.Status.CERTIFIED);
        ApiClient.Response directory = api.anonymous().get("/api/membership/clusters/" + cluster + "/members");
        assertThat(directory.json().at("/content/0/standards").findValuesAsString("code"))
                .containsExactly("GB/T 31950-2015");

        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Integer>> runs = pool.invokeAll(List.of(expiry::expireCertificates, expiry::expireCertificates));
        for (Future<Integer> run : runs) {
            run.get();
        }
        pool.shutdown();

        StandardAdoption written = stored(expiring);
        assertThat(written.storedStatus()).isEqualTo(StandardAdoption.Status.SELF_DECLARED);
        assertThat(written.version()).isEqualTo(3);
        assertThat(written.history().getLast().by()).isEqualTo("system");
        assertThat(written.history().getLast().note()).contains("CQC-EXP");
        assertThat(stored(lastDay).storedStatus()).isEqualTo(StandardAdoption.Status.CERTIFIED);
        assertThat(stored(lastDay).version()).isEqualTo(2);

        expiry.expireCertificates();
        assertThat(stored(expiring).version()).isEqualTo(3);

        ApiClient.Response renewed = certify(cluster, member, expiring, "CQC-NEW", today().plusYears(3));
        assertThat(renewed.status()).as(renewed.toString()).isEqualTo(200);
        assertThat(renewed.at("/status")).isEqualTo("CERTIFIED");
        assertThat(renewed.at("/version")).isEqualTo("4");
        assertThat(renewed.json().get("pastCertifications").findValuesAsString("certificateNumber"))
                .containsExactly("CQC-EXP");
    }

    @Test
    void anExpiredCertificateNotYetWrittenDownIsCertifiedAnew() {
        String cluster = foundCluster(uniqueSlug("lighting"));
        String subject = subject("renewing");
        String member = admit(cluster, subject);
        String adoption = declare(cluster, subject, member, "GB/T 29187-2012");
        certify(cluster, member, adoption, "CQC-OLD", today().plusYears(1));
        expireStoredCertificate(adoption, today().minusDays(3));

        ApiClient.Response renewed = certify(cluster, member, adoption, "CQC-NEW", today().plusYears(3));

        assertThat(renewed.status()).as(renewed.toString()).isEqualTo(200);
        assertThat(renewed.at("/certification/certificateNumber")).isEqualTo("CQC-NEW");
        assertThat(renewed.at("/version")).isEqualTo("4");
        assertThat(stored(adoption).history()).extracting(StandardAdoption.Change::status).containsExactly(
                StandardAdoption.Status.SELF_DECLARED, StandardAdoption.Status.CERTIFIED,
                StandardAdoption.Status.SELF_DECLARED, StandardAdoption.Status.CERTIFIED);
    }
}
