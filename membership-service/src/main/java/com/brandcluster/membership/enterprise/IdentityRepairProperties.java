package com.brandcluster.membership.enterprise;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The repair of Keycloak steps left pending by a crash or an outage (invitations, removals, secretariat changes).
 *
 * @param interval how often pending steps are looked for
 * @param after    how old a pending step must be before it is settled: longer than a request that retries Keycloak
 *                 can take, so a request still running is never overtaken
 */
@ConfigurationProperties("brandcluster.membership.identity-repair")
public record IdentityRepairProperties(@DefaultValue("PT30S") Duration interval,
                                       @DefaultValue("PT2M") Duration after) {
}
