package com.brandcluster.platform.membership;

import com.brandcluster.testsupport.PlatformInfrastructure;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Both projections in a minimal application of their own, opted in as a consuming service opts in; one context
 * configuration for every integration test of this module, so they share one cached context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@PlatformInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        classes = ProjectionTestContext.ProjectionTestApplication.class,
        properties = {
                "spring.application.name=projection-test",
                "brandcluster.messaging.subscriptions.members.exchange=membership.events",
                "brandcluster.messaging.subscriptions.members.routing-keys=membership.member.#",
                "brandcluster.messaging.subscriptions.clusters.exchange=membership.events",
                "brandcluster.messaging.subscriptions.clusters.routing-keys="
                        + "membership.cluster.created.v1,membership.cluster.tiers-changed.v1",
                "brandcluster.member-standing.queue=projection-test.members",
                "brandcluster.member-standing.base-path=/api/projection-test",
                "brandcluster.tier-entitlements.queue=projection-test.clusters"})
@interface ProjectionTestContext {

    @SpringBootApplication
    class ProjectionTestApplication {
    }
}
