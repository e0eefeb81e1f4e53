package com.brandcluster.membership.membership;

import com.brandcluster.membership.MembershipIntegrationTest;
import com.brandcluster.testsupport.ApiClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared integration-test base with what the membership lifecycle tests need: members admitted through the API,
 * the published events, and the memberships' data.
 */
public abstract class MembershipLifecycleIntegrationTest extends MembershipIntegrationTest {

    /** A member enterprise and the user acting for it. */
    public record Member(String subject, String enterpriseId) {
    }

    @Autowired
    private ApplicationContext context;

    protected PublishedMembershipEvents events;
    protected MembershipTestData data;

    @BeforeEach
    void lifecycleFixtures() {
        events = PublishedMembershipEvents.listen();
        data = new MembershipTestData(context);
    }

    @AfterEach
    void closeEvents() throws Exception {
        events.close();
    }

    /** Registers an enterprise, which applies and is admitted to the cluster (tier {@code member}). */
    protected Member admit(String clusterId, String name) {
        String subject = name + "-" + UUID.randomUUID();
        String enterpriseId = registerEnterprise(subject);
        approve(clusterId, apply(clusterId, subject, enterpriseId));
        return new Member(subject, enterpriseId);
    }

    /** A user of an enterprise that is a member of no cluster. */
    protected Member outsider(String name) {
        String subject = name + "-" + UUID.randomUUID();
        return new Member(subject, registerEnterprise(subject));
    }

    protected static String as(Member member) {
        return enterpriseUser(member.subject(), member.enterpriseId());
    }

    protected static String memberPath(String clusterId, Member member) {
        return "/api/membership/clusters/" + clusterId + "/members/" + member.enterpriseId();
    }

    protected ApiClient.Response membership(String clusterId, Member member) {
        ApiClient.Response response = api.as(secretariatOf(clusterId)).get(memberPath(clusterId, member));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response;
    }
}
