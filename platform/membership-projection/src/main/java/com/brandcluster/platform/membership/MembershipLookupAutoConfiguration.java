package com.brandcluster.platform.membership;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.context.annotation.Bean;

/**
 * {@link MembershipLookup}: the local standing projection, then membership-service through OpenFeign, for a service
 * that keeps the projection and names membership-service ({@code brandcluster.services.membership-url}).
 */
@AutoConfiguration(after = MemberStandingAutoConfiguration.class)
@ConditionalOnProperty(prefix = "brandcluster.services", name = "membership-url")
@EnableFeignClients(clients = MembershipClient.class)
public class MembershipLookupAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    MembershipLookup membershipLookup(MemberStandings standings, MembershipClient membershipClient) {
        return new MembershipLookup(standings, membershipClient);
    }
}
