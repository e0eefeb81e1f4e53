package com.brandcluster.platform.membership;

import com.brandcluster.platform.messaging.Projections;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoOperations;

import java.time.Clock;

/**
 * The membership standing projection, for a service that sets {@code brandcluster.member-standing.queue} (its
 * subscription to {@code membership.member.#}) and {@code brandcluster.member-standing.base-path} (its API root).
 */
@AutoConfiguration
public class MemberStandingAutoConfiguration {

    @Bean
    MemberStandings memberStandings(MongoOperations mongo) {
        return new MemberStandings(mongo);
    }

    @Bean
    MemberStandingProjector memberStandingProjector(Projections projections, MongoOperations mongo, Clock clock) {
        return new MemberStandingProjector(projections, mongo, clock);
    }

    @Bean
    MemberStandingController memberStandingController(MemberStandings standings) {
        return new MemberStandingController(standings);
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
