package com.brandcluster.platform.membership;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** The standing projection in the module's minimal application; each consuming service runs the same contract. */
@ProjectionTestContext
class MemberStandingIT extends MemberStandingContract {

    @Autowired
    MemberStandings standings;

    @Autowired
    MongoOperations mongo;

    @Test
    void anEnterprisesMembershipsAreItsLatestPerClusterInClusterOrder() {
        String enterprise = "ent-" + UUID.randomUUID();
        Instant now = Instant.now();
        save("zhejiang-coal", enterprise, "ACTIVE", now.minusSeconds(60));
        save("lighting", enterprise, "TERMINATED", now.minusSeconds(3600));
        save("lighting", enterprise, "ACTIVE", now.minusSeconds(10));
        save("lighting", "ent-" + UUID.randomUUID(), "SUSPENDED", now);

        assertThat(standings.ofEnterprise(enterprise))
                .extracting(MemberStanding::clusterId, MemberStanding::status)
                .containsExactly(tuple("lighting", "ACTIVE"),
                        tuple("zhejiang-coal", "ACTIVE"));
        assertThat(standings.ofEnterprise("ent-" + UUID.randomUUID())).isEmpty();
    }

    @Test
    void theEnterprisesInGoodStandingAreThoseWhoseLatestMembershipIsActiveOrInGrace() {
        String cluster = "cluster-" + UUID.randomUUID();
        Instant now = Instant.now();
        save(cluster, "active", "ACTIVE", now);
        save(cluster, "grace", "GRACE", now);
        save(cluster, "suspended-since", "ACTIVE", now.minusSeconds(3600));
        save(cluster, "suspended-since", "SUSPENDED", now.minusSeconds(60));
        save(cluster, "rejoined", "TERMINATED", now.minusSeconds(3600));
        save(cluster, "rejoined", "ACTIVE", now.minusSeconds(60));
        save(cluster, "lapsed", "LAPSED", now);
        save("elsewhere-" + UUID.randomUUID(), "other-cluster", "ACTIVE", now);

        assertThat(standings.inGoodStanding(cluster)).containsExactlyInAnyOrder("active", "grace", "rejoined");
    }

    @Test
    void enterpriseNamesAreReadInOneGoFromEachEnterprisesLatestMembershipOfTheCluster() {
        String cluster = "cluster-" + UUID.randomUUID();
        Instant now = Instant.now();
        save(cluster, "opal", "Opal Lighting (old name)", "TERMINATED", now.minusSeconds(3600));
        save(cluster, "opal", "Opal Lighting Co., Ltd.", "ACTIVE", now.minusSeconds(60));
        save(cluster, "jade", "翡翠照明有限公司", "SUSPENDED", now);
        save(cluster, "nameless", null, "ACTIVE", now);
        save(cluster, "not-asked", "Not asked", "ACTIVE", now);
        save("elsewhere-" + UUID.randomUUID(), "amber", "Amber Lamps", "ACTIVE", now);

        assertThat(standings.enterpriseNames(cluster, List.of("opal", "jade", "nameless", "amber", "unknown")))
                .containsExactlyInAnyOrderEntriesOf(Map.of("opal", "Opal Lighting Co., Ltd.", "jade", "翡翠照明有限公司"));
        assertThat(standings.enterpriseNames(cluster, List.of())).isEmpty();
    }

    private void save(String cluster, String enterprise, String status, Instant updatedAt) {
        save(cluster, enterprise, "Enterprise", status, updatedAt);
    }

    private void save(String cluster, String enterprise, String name, String status, Instant updatedAt) {
        mongo.save(new MemberStanding(UUID.randomUUID().toString(), cluster, enterprise, name, "M-1", "member",
                status, LocalDate.now().minusMonths(1), LocalDate.now().plusMonths(11), 1, updatedAt));
    }
}
