package com.brandcluster.membership.me;

import com.brandcluster.membership.membership.MembershipLifecycleIntegrationTest;
import com.brandcluster.platform.security.Roles;
import com.brandcluster.testsupport.ApiClient;
import com.brandcluster.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MeApiIT extends MembershipLifecycleIntegrationTest {

    @Test
    void anEnterpriseUserSeesItsEnterpriseAndItsMembershipsInEveryCluster() {
        String lighting = foundCluster(uniqueSlug("lighting"));
        String coal = foundCluster(uniqueSlug("coking"));
        Member member = admit(lighting, "me-lighting");
        approve(coal, apply(coal, member.subject(), member.enterpriseId()));
        api.as(secretariatOf(coal)).post(memberPath(coal, member) + "/suspension", Map.of("reason", "Fee unpaid"));
        admit(lighting, "me-neighbour");
        String token = TestTokens.user(member.subject()).roles(Roles.ENTERPRISE).enterpriseId(member.enterpriseId())
                .username("li.ming").email("li.ming@example.com").issue();

        ApiClient.Response me = api.as(token).get("/api/membership/me");

        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.at("/subject")).isEqualTo(member.subject());
        assertThat(me.at("/username")).isEqualTo("li.ming");
        assertThat(me.at("/email")).isEqualTo("li.ming@example.com");
        assertThat(me.json().get("roles").size()).isEqualTo(1);
        assertThat(me.at("/roles/0")).isEqualTo("enterprise");
        assertThat(me.at("/enterprise/id")).isEqualTo(member.enterpriseId());
        assertThat(me.at("/enterprise/legalName")).isEqualTo("Enterprise " + member.subject());
        JsonNode memberships = me.json().get("memberships");
        assertThat(memberships.size()).isEqualTo(2);
        for (JsonNode membership : memberships) {
            String cluster = membership.get("clusterId").asString();
            ApiClient.Response full = membership(cluster, member);
            assertThat(membership.get("id").asString()).isEqualTo(full.at("/id"));
            assertThat(membership.get("clusterName").asString()).isEqualTo("China Lighting Brand Cluster");
            assertThat(membership.get("memberNumber").asString()).isEqualTo(full.at("/memberNumber"));
            assertThat(membership.get("tier").asString()).isEqualTo("member");
            assertThat(membership.get("validUntil").asString()).isEqualTo(full.at("/validUntil"));
            assertThat(membership.get("status").asString()).isEqualTo(cluster.equals(coal) ? "SUSPENDED" : "ACTIVE");
        }
    }

    @Test
    void aUserWithoutAnEnterpriseGetsTheirIdentityAndNoMemberships() {
        ApiClient.Response newcomer = api.as(enterpriseUser("newcomer-me", null)).get("/api/membership/me");

        assertThat(newcomer.status()).as(newcomer.toString()).isEqualTo(200);
        assertThat(newcomer.at("/subject")).isEqualTo("newcomer-me");
        assertThat(newcomer.at("/enterprise")).isNull();
        assertThat(newcomer.json().get("memberships").isEmpty()).isTrue();

        String cluster = foundCluster(uniqueSlug("lighting"));
        ApiClient.Response secretariat = api.as(secretariatOf(cluster)).get("/api/membership/me");
        assertThat(secretariat.status()).isEqualTo(200);
        assertThat(secretariat.at("/roles/0")).isEqualTo("secretariat");
        assertThat(secretariat.at("/secretariatOf/0")).isEqualTo(cluster);
        assertThat(secretariat.json().get("memberships").isEmpty()).isTrue();
        assertThat(api.as(expert()).get("/api/membership/me").json().get("memberships").isEmpty()).isTrue();
    }

    @Test
    void anEnterpriseSeesOnlyItsOwnMemberships() {
        String cluster = foundCluster(uniqueSlug("lighting"));
        admit(cluster, "me-member");
        Member outsider = outsider("me-outsider");

        ApiClient.Response me = api.as(as(outsider)).get("/api/membership/me");

        assertThat(me.at("/enterprise/id")).isEqualTo(outsider.enterpriseId());
        assertThat(me.json().get("memberships").isEmpty()).isTrue();
    }

    @Test
    void anonymousCallersAreNotKnown() {
        assertProblem(api.anonymous().get("/api/membership/me"), 401, null);
    }
}
