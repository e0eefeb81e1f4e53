package com.brandcluster.assets.badge;

import com.brandcluster.assets.AssetsIntegrationTest;
import com.brandcluster.contracts.EventFixtures;
import com.brandcluster.contracts.membership.MembershipStatusChanged;
import com.brandcluster.platform.membership.MemberStanding;
import com.brandcluster.platform.membership.MembershipEvents;
import com.brandcluster.platform.membership.MembershipServiceStub;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.brandcluster.testsupport.ApiClient;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.w3c.dom.Document;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.awt.image.BufferedImage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A member's badge (SVG and PNG, with a Chinese legal name, member number and a QR code of its licence check), the
 * licence it carries (one per membership, also under parallel first downloads) and the anonymous licence check,
 * whose answer follows membership-service's events. Every caller but a member in good standing is refused.
 */
@ExtendWith(MembershipServiceStub.class)
class BadgeIT extends AssetsIntegrationTest {

    private final WireMockServer membershipService = MembershipServiceStub.server();

    private static final String NAME = "佛山市明光照明电器有限公司";

    private String cluster;
    private String membershipId;
    private String enterpriseId;
    private String member;
    private String memberNumber;

    @BeforeEach
    void chineseMember() {
        cluster = cluster();
        membershipId = new ObjectId().toHexString();
        enterpriseId = "ent-" + new ObjectId().toHexString();
        memberNumber = "LIGHT-2026-" + (1000 + new java.util.Random().nextInt(9000));
        LocalDate today = LocalDate.now();
        mongo.save(new MemberStanding(membershipId, cluster, enterpriseId, NAME, memberNumber, MEMBER_TIER, ACTIVE,
                today.minusMonths(1), today.plusMonths(11), 1, Instant.now()));
        member = userOf(enterpriseId);
    }

    @Test
    void theSvgBadgeShowsTheChineseNameTheMemberNumberAndTheLicence() throws Exception {
        HttpResponse<byte[]> badge = badge(member, "svg");

        assertThat(badge.statusCode()).isEqualTo(200);
        assertThat(badge.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("image/svg+xml"));
        assertThat(badge.headers().firstValue("Cache-Control")).hasValue("private, no-store");
        Document svg = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(badge.body()));
        assertThat(svg.getDocumentElement().getLocalName()).isEqualTo("svg");
        String text = svg.getDocumentElement().getTextContent();
        assertThat(text).contains("Member of the China Lighting Brand Cluster", "品牌集群成员", NAME, memberNumber,
                "Licence " + licenceId(badge));
        assertThat(svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "path").getLength()).isEqualTo(1);
        assertThat(checkUrl(badge)).isEqualTo("https://portal.brandcluster.test/licences/" + licenceId(badge));
        assertThat(licenceId(badge)).matches("[A-Za-z0-9_-]{27}");
    }

    @Test
    void thePngBadgeHasItsSizeAndAQrCodeOfTheLicenceCheck() throws Exception {
        HttpResponse<byte[]> badge = badge(member, "png");

        assertThat(badge.statusCode()).isEqualTo(200);
        assertThat(badge.headers().firstValue("Content-Type")).hasValue("image/png");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(badge.body()));
        assertThat(image.getWidth()).isEqualTo(BadgeRenderer.WIDTH);
        assertThat(image.getHeight()).isEqualTo(BadgeRenderer.HEIGHT);
        assertThat(BadgeRendererTest.scanQr(badge.body())).isEqualTo(checkUrl(badge));
    }

    @Test
    void everyBadgeOfAMembershipCarriesTheSameLicenceEvenUnderParallelFirstDownloads() throws Exception {
        List<Callable<String>> downloads = IntStream.range(0, 20)
                .<Callable<String>>mapToObj(i -> () -> licenceId(badge(member, i % 2 == 0 ? "svg" : "png")))
                .toList();
        Set<String> licences = new HashSet<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(20)) {
            for (Future<String> licence : pool.invokeAll(downloads)) {
                licences.add(licence.get());
            }
        }

        assertThat(licences).hasSize(1);
        assertThat(mongo.count(Query.query(Criteria.where("enterpriseId").is(enterpriseId)), Licence.class))
                .isEqualTo(1);
        String otherMember = memberUser(cluster, MEMBER_TIER);
        assertThat(licenceId(badge(otherMember, "svg"))).isNotIn(licences);
    }

    @Test
    void theLicenceCheckFollowsTheMembershipsEvents() throws Exception {
        String licenceId = licenceId(badge(member, "svg"));
        ApiClient.Response valid = api.anonymous().get("/api/assets/licences/" + licenceId);
        assertThat(valid.status()).as(valid.toString()).isEqualTo(200);
        assertThat(valid.at("/status")).isEqualTo("VALID");
        assertThat(valid.at("/enterpriseName")).isEqualTo(NAME);
        assertThat(valid.at("/memberNumber")).isEqualTo(memberNumber);
        assertThat(valid.at("/clusterId")).isEqualTo(cluster);
        assertThat(valid.at("/issuedAt")).isNotBlank();
        assertThat(valid.header("Cache-Control")).hasValue("no-store");
        assertThat(api.as(expert()).get("/api/assets/licences/" + licenceId).at("/status")).isEqualTo("VALID");

        try (MembershipEvents events = new MembershipEvents()) {
            statusChanges(events, 2, "SUSPENDED", "ACTIVE");
            awaitLicence(licenceId, "SUSPENDED");
            assertProblem(api.as(member).get(badgePath("svg")), 403, "membership-suspended");

            statusChanges(events, 3, "ACTIVE", "SUSPENDED");
            awaitLicence(licenceId, "VALID");
            assertThat(licenceId(badge(member, "svg"))).isEqualTo(licenceId);

            statusChanges(events, 4, "LAPSED", "ACTIVE");
            awaitLicence(licenceId, "LAPSED");
            assertProblem(api.as(member).get(badgePath("png")), 403, "membership-lapsed");

            statusChanges(events, 5, "TERMINATED", "LAPSED");
            awaitLicence(licenceId, "REVOKED");
        }
    }

    @Test
    void onlyAMemberInGoodStandingDownloadsItsBadge() {
        String graceMember = userOf(member(cluster, GRACE, MEMBER_TIER));
        assertThat(badge(graceMember, "svg").statusCode()).isEqualTo(200);

        assertProblem(api.as(userOf(member(cluster, SUSPENDED, MEMBER_TIER))).get(badgePath("svg")), 403,
                "membership-suspended");
        assertProblem(api.as(userOf(member(cluster, LAPSED, MEMBER_TIER))).get(badgePath("svg")), 403,
                "membership-lapsed");
        assertProblem(api.as(memberUser(cluster(), MEMBER_TIER)).get(badgePath("svg")), 403, "not-a-member");
        assertProblem(api.as(secretariatOf(cluster)).get(badgePath("svg")), 403, "not-a-member");
        assertProblem(api.as(expert()).get(badgePath("svg")), 403, "not-a-member");
        assertProblem(api.anonymous().get(badgePath("svg")), 401, null);
        assertProblem(api.as(member).get(badgePath("pdf")), 400, null);
        assertThat(mongo.count(Query.query(Criteria.where("clusterId").is(cluster)), Licence.class))
                .isEqualTo(1);
    }

    @Test
    void aMembershipWhoseNameIsNotKnownHereYetIsCompletedFromMembershipService() throws Exception {
        String unnamed = unnamedMember();
        String token = userOf(unnamed);
        membershipService.stubFor(get(urlEqualTo(memberPath(unnamed))).willReturn(okJson("""
                {"id":"m-1","clusterId":"%s","enterpriseId":"%s","enterpriseName":"%s",
                 "memberNumber":"LIGHT-2026-0777","tier":"%s","status":"ACTIVE","validFrom":"2026-01-01",
                 "validUntil":"2027-12-31","version":2,"history":[]}""".formatted(cluster, unnamed, NAME,
                MEMBER_TIER))));

        HttpResponse<byte[]> badge = badge(token, "svg");

        assertThat(badge.statusCode()).isEqualTo(200);
        assertThat(new String(badge.body(), java.nio.charset.StandardCharsets.UTF_8))
                .contains(NAME, "LIGHT-2026-0777");
        membershipService.verify(1, getRequestedFor(urlEqualTo(memberPath(unnamed)))
                .withHeader("Authorization", equalTo("Bearer " + token)));
        var licence = api.anonymous().get("/api/assets/licences/" + licenceId(badge));
        assertThat(licence.at("/enterpriseName")).isEqualTo(NAME);
        assertThat(licence.at("/memberNumber")).isEqualTo("LIGHT-2026-0777");
    }

    @Test
    void withoutMembershipServiceAMembershipWhoseNameIsNotKnownHereGetsNoBadgeAndNoLicence() {
        String unnamed = unnamedMember();
        membershipService.stubFor(get(urlEqualTo(memberPath(unnamed)))
                .willReturn(aResponse().withStatus(503)));

        assertProblem(api.as(userOf(unnamed)).get(badgePath("svg")), 503, "membership-unavailable");
        assertThat(mongo.count(Query.query(Criteria.where("enterpriseId").is(unnamed)), Licence.class)).isZero();
    }

    @Test
    void whenMembershipServiceDoesNotKnowTheMemberEitherThereIsNoBadgeAndNoLicence() {
        String unnamed = unnamedMember();
        membershipService.stubFor(get(urlEqualTo(memberPath(unnamed))).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("""
                        {"type":"urn:brandcluster:problem:not-found","title":"Not Found","status":404}""")));

        assertProblem(api.as(userOf(unnamed)).get(badgePath("svg")), 503, "member-details-unavailable");
        assertThat(mongo.count(Query.query(Criteria.where("enterpriseId").is(unnamed)), Licence.class)).isZero();
    }

    /** An ACTIVE membership known here from a status change only: without legal name and member number. */
    private String unnamedMember() {
        String unnamed = "ent-" + new ObjectId().toHexString();
        mongo.save(new MemberStanding(new ObjectId().toHexString(), cluster, unnamed, null, null, MEMBER_TIER, ACTIVE,
                LocalDate.now(), LocalDate.now().plusYears(1), 1, Instant.now()));
        return unnamed;
    }

    private String memberPath(String enterpriseId) {
        return "/api/membership/clusters/" + cluster + "/members/" + enterpriseId;
    }

    @Test
    void anUnknownLicenceIsNotFound() {
        assertProblem(api.anonymous().get("/api/assets/licences/NoSuchLicenceNoSuchLicence1"), 404, "not-found");
    }

    private void statusChanges(MembershipEvents events, int version, String status, String previous)
            throws Exception {
        events.publish(MembershipStatusChanged.ROUTING_KEY, EventFixtures.json(MembershipStatusChanged.ROUTING_KEY,
                Map.of("eventId", UUID.randomUUID().toString(), "clusterId", cluster, "membershipId", membershipId,
                        "enterpriseId", enterpriseId, "memberNumber", memberNumber, "version", version,
                        "status", status, "previousStatus", previous, "change", status)));
    }

    private void awaitLicence(String licenceId, String status) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(api.anonymous().get("/api/assets/licences/" + licenceId).at("/status")).isEqualTo(status));
    }

    private String badgePath(String format) {
        return "/api/assets/clusters/" + cluster + "/badge?format=" + format;
    }

    private HttpResponse<byte[]> badge(String token, String format) {
        return http.download(token, badgePath(format), Map.of());
    }

    private static String checkUrl(HttpResponse<?> badge) {
        String link = badge.headers().firstValue("Link").orElseThrow();
        assertThat(link).endsWith(">; rel=\"license\"");
        return link.substring(1, link.indexOf('>'));
    }

    private static String licenceId(HttpResponse<?> badge) {
        String url = checkUrl(badge);
        return url.substring(url.lastIndexOf('/') + 1);
    }
}
