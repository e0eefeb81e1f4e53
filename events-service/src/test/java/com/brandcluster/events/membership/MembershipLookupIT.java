package com.brandcluster.events.membership;

import com.brandcluster.platform.membership.MembershipServiceStub;
import com.brandcluster.events.EventsIntegrationTest;
import com.brandcluster.events.registration.Registration;
import com.brandcluster.testsupport.ApiClient;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Membership checks for an enterprise the local projection does not know yet go to membership-service (WireMock
 * here) with the caller's token; when it cannot answer, nothing is decided on a guess: a 503, except that an event
 * list falls back to the public events.
 */
class MembershipLookupIT extends EventsIntegrationTest {

    @Autowired
    CircuitBreakerRegistry circuitBreakers;

    @Value("${spring.cloud.openfeign.client.config.membership.read-timeout}")
    int readTimeoutMillis;

    private WireMockServer membershipService;

    @BeforeEach
    void freshStub() {
        membershipService = MembershipServiceStub.server();
        membershipService.resetAll();
        circuitBreakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
    }

    @AfterEach
    void closeNoCircuit() {
        membershipService.resetAll();
        circuitBreakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
    }

    @Test
    void aMemberNotInTheProjectionYetIsAskedOfMembershipServiceWithTheCallersToken() {
        String cluster = cluster();
        String event = published(cluster, Map.of("visibility", "MEMBERS_ONLY"));
        String enterprise = newEnterprise();
        String token = enterpriseUser(enterprise);
        membershipService.stubFor(get(memberPath(cluster, enterprise)).willReturn(okJson("""
                {"id": "m-1", "clusterId": "%s", "enterpriseId": "%s", "memberNumber": "LIGHT-2026-0042",
                 "tier": "member", "status": "ACTIVE", "validUntil": "2027-03-17", "version": 1, "history": []}
                """.formatted(cluster, enterprise))));

        assertThat(api.as(token).get("/api/events/events/" + event).status()).isEqualTo(200);
        ApiClient.Response registered = api.as(token).post("/api/events/events/" + event + "/registrations",
                attendees(2));
        assertThat(registered.at("/status")).isEqualTo("CONFIRMED");
        assertProblem(api.as(token).post("/api/events/events/" + event + "/registrations", attendees(1)), 422,
                "enterprise-seats-exceeded");

        membershipService.verify(getRequestedFor(urlEqualTo(memberPath(cluster, enterprise)))
                .withHeader("Authorization", equalTo("Bearer " + token)));
    }

    @Test
    void aSuspensionKnownOnlyToMembershipServiceStillSendsTheRegistrationToApproval() {
        String cluster = cluster();
        String event = published(cluster, Map.of());
        String enterprise = newEnterprise();
        membershipService.stubFor(get(memberPath(cluster, enterprise)).willReturn(okJson("""
                {"clusterId": "%s", "enterpriseId": "%s", "tier": "council", "status": "SUSPENDED", "version": 4}
                """.formatted(cluster, enterprise))));

        ApiClient.Response registered = register(event, enterprise, 1);

        assertThat(registered.at("/status")).isEqualTo("PENDING");
        assertThat(registered.at("/approvalReason")).isEqualTo("MEMBERSHIP_SUSPENDED");
    }

    @Test
    void whenMembershipServiceFailsNothingIsDecidedOnAGuess() {
        String cluster = cluster();
        String publicEvent = published(cluster, Map.of());
        String membersOnly = published(cluster, Map.of("visibility", "MEMBERS_ONLY"));
        String enterprise = newEnterprise();
        membershipService.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(500)));

        ApiClient.Response registration = register(publicEvent, enterprise, 1);
        assertProblem(registration, 503, "membership-unavailable");
        assertThat(registration.at("/detail")).contains(enterprise, "nothing was changed");
        assertProblem(api.as(enterpriseUser(enterprise)).get("/api/events/events/" + membersOnly), 503,
                "membership-unavailable");
        assertThat(ids(api.as(enterpriseUser(enterprise)).get("/api/events/clusters/" + cluster + "/events")))
                .as("the list falls back to what anyone may see").containsExactly(publicEvent);

        assertThat(event(publicEvent).seatsTaken()).isZero();
        assertThat(mongo.count(Query.query(Criteria.where("enterpriseId").is(enterprise)), Registration.class))
                .isZero();
    }

    @Test
    void aSlowMembershipServiceIsA503() {
        String cluster = cluster();
        String event = published(cluster, Map.of());
        String enterprise = newEnterprise();
        membershipService.stubFor(get(memberPath(cluster, enterprise)).willReturn(okJson("{}")
                .withFixedDelay(readTimeoutMillis + 1000)));

        assertProblem(register(event, enterprise, 1), 503, "membership-unavailable");
        assertThat(event(event).seatsTaken()).isZero();
    }

    @Test
    void theLocalProjectionAnswersWithoutAskingMembershipService() {
        String cluster = cluster();
        String event = published(cluster, Map.of("visibility", "MEMBERS_ONLY"));
        membershipService.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(500)));

        assertThat(register(event, member(cluster), 1).at("/status")).isEqualTo("CONFIRMED");
        assertProblem(register(event, member(cluster, "TERMINATED", MEMBER_TIER), 1), 403, "members-only");

        membershipService.verify(0, anyRequestedFor(anyUrl()));
    }

    private static String memberPath(String cluster, String enterprise) {
        return "/api/membership/clusters/" + cluster + "/members/" + enterprise;
    }
}
