package com.brandcluster.platform.membership;

import com.brandcluster.platform.messaging.Projections;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoOperations;

import java.time.Clock;

/**
 * The cluster tiers projection (each cluster's tiers and their benefits: consultation hours, seats per event, asset
 * access), for a service that opts in by setting {@code brandcluster.tier-entitlements.queue}: its subscription to
 * {@code membership.cluster.created.v1} and {@code membership.cluster.tiers-changed.v1}.
 */
@AutoConfiguration(after = MemberStandingAutoConfiguration.class)
@ConditionalOnProperty(prefix = "brandcluster.tier-entitlements", name = "queue")
public class ClusterTiersAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ClusterTiers clusterTiers(MongoOperations mongo) {
        return new ClusterTiers(mongo);
    }

    @Bean
    ClusterTiersProjector clusterTiersProjector(Projections projections, MongoOperations mongo, Clock clock) {
        return new ClusterTiersProjector(projections, mongo, clock);
    }
}
