package com.brandcluster.platform.membership;

import java.time.LocalDate;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * membership-service's API, as far as the other services ask it directly (everything else comes by events). The
 * platform's Feign defaults relay the caller's token, time out ({@code spring.cloud.openfeign.client.config.membership.*}),
 * retry safely, run inside a Resilience4j circuit breaker and turn a 404 into {@code RemoteNotFoundException}, an
 * outage, timeout or open circuit into {@code RemoteServiceUnavailableException}.
 */
@FeignClient(name = "membership", url = "${brandcluster.services.membership-url}")
public interface MembershipClient {

    /** One enterprise's membership of a cluster; for the cluster's secretariat and the enterprise itself. */
    @GetMapping("/api/membership/clusters/{clusterId}/members/{enterpriseId}")
    RemoteMembership member(@PathVariable("clusterId") String clusterId,
                            @PathVariable("enterpriseId") String enterpriseId);

    /** The part of membership-service's {@code MembershipView} the services need (unknown properties ignored). */
    record RemoteMembership(String id, String clusterId, String enterpriseId, String enterpriseName,
                            String memberNumber, String tier,
                            String status, LocalDate validUntil, long version) {
    }
}
