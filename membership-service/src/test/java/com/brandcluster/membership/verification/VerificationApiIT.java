package com.brandcluster.membership.verification;

import com.brandcluster.membership.membership.MembershipLifecycleIntegrationTest;
import com.brandcluster.membership.membership.MembershipTestData;
import com.brandcluster.testsupport.ApiClient;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class VerificationApiIT extends MembershipLifecycleIntegrationTest {

    private String memberNumber(String clusterId, Member member) {
        return membership(clusterId, member).at("/memberNumber");
    }

    private static List<String> fieldNames(ApiClient.Response response) {
        List<String> names = new ArrayList<>();
        response.json().propertyNames().forEach(names::add);
        return names;
    }

    @Test
    void anyoneVerifiesACurrentMemberAndLearnsTheClusterAndTheNameOnly() {
        String cluster = foundCluster(uniqueSlug("lighting"));
        Member member = admit(cluster, "verified");
        String number = memberNumber(cluster, member);

        ApiClient.Response verified = api.anonymous().get("/api/membership/verify/" + number);

        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
        assertThat(verified.at("/current")).isEqualTo("true");
        assertThat(verified.at("/memberNumber")).isEqualTo(number);
        assertThat(verified.at("/clusterId")).isEqualTo(cluster);
        assertThat(verified.at("/clusterName")).isEqualTo("China Lighting Brand Cluster");
        assertThat(verified.at("/enterpriseName")).isEqualTo("Enterprise " + member.subject());
        assertThat(fieldNames(verified)).containsExactlyInAnyOrder("memberNumber", "current", "clusterId",
                "clusterName", "enterpriseName");
        ApiClient.Response lowerCase = api.anonymous().get("/api/membership/verify/" + number.toLowerCase(Locale.ROOT));
        assertThat(lowerCase.json()).isEqualTo(verified.json());
        assertThat(api.as(as(outsider("curious"))).get("/api/membership/verify/" + number).json())
                .as("signed-in callers learn no more").isEqualTo(verified.json());
    }

    @Test
    void aMemberInItsGracePeriodIsStillCurrent() {
        String cluster = foundCluster(uniqueSlug("lighting"));
        Member member = admit(cluster, "in-grace");
        data.validUntil(cluster, member.enterpriseId(), MembershipTestData.today().minusDays(3));
        data.runExpiry();
        assertThat(membership(cluster, member).at("/status")).isEqualTo("GRACE");

        ApiClient.Response verified = api.anonymous().get("/api/membership/verify/" + memberNumber(cluster, member));

        assertThat(verified.at("/current")).isEqualTo("true");
        assertThat(verified.at("/enterpriseName")).isEqualTo("Enterprise " + member.subject());
    }

    @Test
    void aSuspendedLapsedOrTerminatedMemberIsNotCurrentAndStaysNameless() {
        String cluster = foundCluster(uniqueSlug("lighting"));
        Member suspended = admit(cluster, "v-suspended");
        Member lapsed = admit(cluster, "v-lapsed");
        Member terminated = admit(cluster, "v-terminated");
        String secretariat = secretariatOf(cluster);
        api.as(secretariat).post(memberPath(cluster, suspended) + "/suspension", Map.of("reason", "Counterfeits"));
        api.as(secretariat).post(memberPath(cluster, terminated) + "/termination", Map.of("reason", "Expelled"));
        data.validUntil(cluster, lapsed.enterpriseId(), MembershipTestData.today().minusDays(100));
        data.runExpiry();

        for (Member member : List.of(suspended, lapsed, terminated)) {
            ApiClient.Response verified = api.anonymous().get("/api/membership/verify/" + memberNumber(cluster, member));
            assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
            assertThat(verified.at("/current")).isEqualTo("false");
            assertThat(verified.at("/clusterId")).isEqualTo(cluster);
            assertThat(fieldNames(verified)).containsExactlyInAnyOrder("memberNumber", "current", "clusterId",
                    "clusterName");
            assertThat(verified.body()).doesNotContain("Enterprise ", "SUSPENDED", "LAPSED", "TERMINATED",
                    member.enterpriseId());
        }
    }

    @Test
    void anUnknownNumberIsA404AndAMalformedOneA400() {
        assertProblem(api.anonymous().get("/api/membership/verify/NOSUCH-2026-0001"), 404, "not-found");
        assertProblem(api.anonymous().get("/api/membership/verify/not-a-number"), 400, null);
        assertProblem(api.anonymous().get("/api/membership/verify/LIGHT-2026-" + "1".repeat(40)), 400, null);
    }
}
