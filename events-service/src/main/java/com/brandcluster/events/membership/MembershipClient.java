package com.brandcluster.events.membership;

import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The one question this service asks membership-service directly (the rest arrives as events). The platform's Feign
 * defaults relay the caller's token, time out ({@code spring.cloud.openfeign.client.config.membership.*}), guard the
 * call with a circuit breaker, and turn a 404 into {@code RemoteNotFoundException} and an outage, timeout or open
 * circuit into {@code RemoteServiceUnavailableException}.
 */
@FeignClient(name = "membership", url = "${brandcluster.services.membership-url}")
interface MembershipClient {

    /** The enterprise's membership of the cluster; membership-service lets the enterprise itself ask. */
    @GetMapping("/api/membership/clusters/{clusterId}/members/{enterpriseId}")
    Membership membership(@PathVariable("clusterId") String clusterId,
                          @PathVariable("enterpriseId") String enterpriseId);

    /** What this service reads of membership-service's membership view; the other properties are ignored. */
    record Membership(String clusterId, String enterpriseId, String tier, String status, long version) {
    }

    @Configuration(proxyBeanMethods = false)
    @EnableFeignClients(clients = MembershipClient.class)
    class Enabled {
    }
}
