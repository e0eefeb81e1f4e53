package com.brandcluster.salons.membership;

import com.brandcluster.platform.membership.MembershipServiceStub;
import com.brandcluster.platform.membership.MembershipLookup;
import com.brandcluster.platform.membership.MembershipUncheckableException;
import com.brandcluster.platform.membership.Standing;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import com.brandcluster.contracts.EventFixtures;
import com.brandcluster.contracts.membership.MemberAdmitted;
import com.brandcluster.contracts.membership.MembershipStatusChanged;
import com.brandcluster.platform.feign.RemoteServiceUnavailableException;
import com.brandcluster.platform.membership.MemberStandings;
import com.brandcluster.testsupport.TestTokens;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * {@link MembershipLookup} and its Feign client against a WireMock membership-service ({@link MembershipServiceStub}):
 * the local projection first, then the remote call with the caller's token; a remote 404 is "not a member"; an
 * outage, a timeout or an open circuit is a 503 "membership could not be checked", never a member.
 */
@ExtendWith(MembershipServiceStub.class)
class MembershipLookupClientIT extends SalonsMembershipIntegrationTest {

    @Autowired
    MembershipLookup lookup;

    @Autowired
    MemberStandings localStandings;

    @Autowired
    CircuitBreakerRegistry circuitBreakers;

    @Value("${spring.cloud.openfeign.client.config.membership.read-timeout}")
    long readTimeoutMillis;

    WireMockServer membership;
    String clusterId;
    String enterpriseId;
    String token;

    @BeforeEach
    void setUp() {
        membership = MembershipServiceStub.server();
        membership.resetAll();
        circuitBreakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
        clusterId = uniqueId("lighting");
        enterpriseId = uniqueId("ent");
        token = TestTokens.user("user-of-" + enterpriseId).roles("enterprise").enterpriseId(enterpriseId).issue();
        Jwt jwt = Jwt.withTokenValue(token).header("alg", "RS256").subject("user-of-" + enterpriseId).build();
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(jwt, List.of()));
    }

    @AfterEach
    void tearDown() {
        SecurityContextHolder.clearContext();
        circuitBreakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
    }

    @Test
    void asksMembershipServiceWithTheCallersTokenWhenTheProjectionDoesNotKnowTheEnterprise() {
        membership.stubFor(get(memberPath()).willReturn(okJson("""
                {"id":"m-1","clusterId":"%s","enterpriseId":"%s","enterpriseName":"Opal Lighting",
                 "memberNumber":"LIGHT-2026-0042","tier":"council","status":"ACTIVE","validFrom":"2026-01-01",
                 "validUntil":"2026-12-31","version":1,"history":[]}""".formatted(clusterId, enterpriseId))));

        Standing standing = lookup.standingOf(clusterId, enterpriseId).orElseThrow();

        assertThat(standing).isEqualTo(new Standing(clusterId, enterpriseId, "LIGHT-2026-0042", "Opal Lighting",
                "council", "ACTIVE", LocalDate.parse("2026-12-31"), 1, Standing.Source.MEMBERSHIP_SERVICE));
        assertThat(standing.isInGoodStanding()).isTrue();
        membership.verify(1, getRequestedFor(urlEqualTo(memberPath()))
                .withHeader("Authorization", equalTo("Bearer " + token)));
    }

    @Test
    void aSuspendedMemberAnsweredRemotelyIsNotInGoodStanding() {
        membership.stubFor(get(memberPath()).willReturn(okJson("""
                {"id":"m-2","clusterId":"%s","enterpriseId":"%s","tier":"member","status":"SUSPENDED",
                 "validUntil":"2026-12-31","version":3}""".formatted(clusterId, enterpriseId))));

        Standing standing = lookup.standingOf(clusterId, enterpriseId).orElseThrow();

        assertThat(standing.status()).isEqualTo("SUSPENDED");
        assertThat(standing.isInGoodStanding()).isFalse();
    }

    @Test
    void aRemote404MeansNotAMember() {
        membership.stubFor(get(memberPath()).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json").withBody("""
                        {"type":"urn:brandcluster:problem:not-found","title":"Not Found","status":404}""")));

        assertThat(lookup.standingOf(clusterId, enterpriseId)).isEmpty();
        membership.verify(1, getRequestedFor(urlEqualTo(memberPath())));
    }

    @Test
    void aSlowMembershipServiceIsA503ProblemNotAMemberAndIsNotRetried() {
        membership.stubFor(get(memberPath()).willReturn(okJson("{}")
                .withFixedDelay((int) readTimeoutMillis + 1_000)));

        assertThatThrownBy(() -> lookup.standingOf(clusterId, enterpriseId))
                .isInstanceOfSatisfying(MembershipUncheckableException.class, ex -> {
                    assertUncheckable(ex);
                    assertThat(ex.detail()).contains(enterpriseId);
                    assertThat(ex.getCause()).isInstanceOfSatisfying(RemoteServiceUnavailableException.class,
                            cause -> assertThat(cause.reason()).isEqualTo("timeout"));
                });
        membership.verify(1, getRequestedFor(urlEqualTo(memberPath())));
    }

    @Test
    void aRefusedLookupIsA503ProblemNotAMember() {
        membership.stubFor(get(memberPath()).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/problem+json").withBody("""
                        {"type":"urn:brandcluster:problem:forbidden","title":"Forbidden","status":403}""")));

        assertThatThrownBy(() -> lookup.standingOf(clusterId, enterpriseId))
                .isInstanceOfSatisfying(MembershipUncheckableException.class, this::assertUncheckable);
    }

    @Test
    void theCircuitOpensAfterRepeatedFailuresAndThenFailsFastWithoutCallingMembershipService() {
        membership.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(500)));
        int failuresToOpen = circuitBreakers.getDefaultConfig().getMinimumNumberOfCalls();

        for (int i = 0; i < failuresToOpen; i++) {
            assertThatThrownBy(() -> lookup.standingOf(clusterId, enterpriseId))
                    .isInstanceOfSatisfying(MembershipUncheckableException.class, ex -> assertThat(ex.getCause())
                            .isInstanceOfSatisfying(RemoteServiceUnavailableException.class,
                                    cause -> assertThat(cause.reason()).isEqualTo("status 500")));
        }
        // another enterprise: the circuit guards the whole endpoint
        assertThatThrownBy(() -> lookup.standingOf(clusterId, uniqueId("ent")))
                .isInstanceOfSatisfying(MembershipUncheckableException.class, ex -> {
                    assertUncheckable(ex);
                    assertThat(ex.getCause()).isInstanceOfSatisfying(RemoteServiceUnavailableException.class,
                            cause -> assertThat(cause.reason()).isEqualTo("circuit open"));
                });

        membership.verify(failuresToOpen, anyRequestedFor(anyUrl()));
        assertThat(circuitBreakers.getAllCircuitBreakers())
                .anySatisfy(breaker -> assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN));
    }

    @Test
    void theLocalProjectionAnswersFirstWithoutARemoteCall() throws Exception {
        membership.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(500)));
        String membershipId = uniqueId("m");
        publishMembershipEvent(MemberAdmitted.ROUTING_KEY, EventFixtures.json(MemberAdmitted.ROUTING_KEY, Map.of(
                "eventId", UUID.randomUUID().toString(), "clusterId", clusterId, "enterpriseId", enterpriseId,
                "membershipId", membershipId)));
        await().atMost(Duration.ofSeconds(20)).until(() -> localStandings.of(clusterId, enterpriseId).isPresent());

        Standing standing = lookup.standingOf(clusterId, enterpriseId).orElseThrow();

        assertThat(standing.source()).isEqualTo(Standing.Source.LOCAL_PROJECTION);
        assertThat(standing.status()).isEqualTo("ACTIVE");
        assertThat(standing.tier()).isEqualTo("council");
        assertThat(standing.isInGoodStanding()).isTrue();
        membership.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aLocallyKnownSuspensionIsNotOverriddenByMembershipService() throws Exception {
        membership.stubFor(get(anyUrl()).willReturn(okJson("""
                {"clusterId":"%s","enterpriseId":"%s","tier":"council","status":"ACTIVE","version":1}"""
                .formatted(clusterId, enterpriseId))));
        publishMembershipEvent(MembershipStatusChanged.ROUTING_KEY, EventFixtures.json(
                MembershipStatusChanged.ROUTING_KEY, Map.of("eventId", UUID.randomUUID().toString(),
                        "clusterId", clusterId, "enterpriseId", enterpriseId, "membershipId", uniqueId("m"),
                        "version", 2, "status", "SUSPENDED", "previousStatus", "ACTIVE")));
        await().atMost(Duration.ofSeconds(20)).until(() -> localStandings.of(clusterId, enterpriseId).isPresent());

        Standing standing = lookup.standingOf(clusterId, enterpriseId).orElseThrow();

        assertThat(standing.status()).isEqualTo("SUSPENDED");
        assertThat(standing.isInGoodStanding()).isFalse();
        membership.verify(0, anyRequestedFor(anyUrl()));
    }

    // ------------------------------------------------------------------------------------------------------------

    private String memberPath() {
        return "/api/membership/clusters/" + clusterId + "/members/" + enterpriseId;
    }

    private void assertUncheckable(MembershipUncheckableException ex) {
        assertThat(ex.status().value()).isEqualTo(503);
        assertThat(ex.type()).isEqualTo("membership-unavailable");
        assertThat(ex.title()).isEqualTo("Membership could not be checked");
        assertThat(ex.detail()).contains(clusterId, "could not be checked");
    }
}
