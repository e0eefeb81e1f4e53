package com.brandcluster.system.support;

import com.brandcluster.testsupport.ApiClient;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A service of the running portal scaled out to two instances that share its database and queues, and a crowd of
 * ACTIVE lighting members that both instances already know (their admissions have reached the standing projection).
 * Contender {@code i} talks to {@link #instance(int) instance(i)}, alternately the first and the second.
 */
public final class ScaledOut implements AutoCloseable {

    private final ServiceProcess second;
    private final List<ApiClient> instances;
    private final List<Members.Member> members;

    private ScaledOut(ServiceProcess second, List<ApiClient> instances, List<Members.Member> members) {
        this.second = second;
        this.instances = instances;
        this.members = members;
    }

    /**
     * Starts a second instance of {@code service} and admits {@code members} lighting members (shared per JVM).
     *
     * @param apiBase the service's API path, e.g. {@code /api/salons}, under which it serves the member standing
     */
    public static ScaledOut of(Portal portal, ServiceProcess service, String apiBase, int members) {
        ServiceProcess second = service.anotherInstance("2");
        second.start();
        List<Members.Member> crowd = Members.ofLighting(portal, members);
        second.awaitReady(Duration.ofMinutes(3));
        List<ApiClient> instances = List.of(new ApiClient(service.baseUrl()), new ApiClient(second.baseUrl()));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> crowd.forEach(member ->
                assertThat(instances.get(1).as(member.token()).get(apiBase + "/clusters/lighting/members/"
                        + member.enterpriseId() + "/standing").at("/status")).isEqualTo("ACTIVE")));
        return new ScaledOut(second, instances, crowd);
    }

    /** The instance contender {@code i} talks to. */
    public ApiClient instance(int i) {
        return instances.get(i % 2);
    }

    /** Contender {@code i}'s requests, as a user of its enterprise, at its instance. */
    public ApiClient asMember(int i) {
        return instance(i).as(members.get(i).token());
    }

    @Override
    public void close() {
        second.stop();
    }
}
