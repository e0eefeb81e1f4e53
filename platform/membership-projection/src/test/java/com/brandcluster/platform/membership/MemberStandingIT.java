package com.brandcluster.platform.membership;

import com.brandcluster.testsupport.PlatformInfrastructure;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;

/** The projection in a minimal application of its own; each consuming service runs the same contract. */
@PlatformInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        classes = MemberStandingIT.ProjectionTestApplication.class,
        properties = {
                "spring.application.name=projection-test",
                "brandcluster.messaging.subscriptions.members.exchange=membership.events",
                "brandcluster.messaging.subscriptions.members.routing-keys=membership.member.#",
                "brandcluster.member-standing.queue=projection-test.members",
                "brandcluster.member-standing.base-path=/api/projection-test"})
class MemberStandingIT extends MemberStandingContract {

    @SpringBootApplication
    static class ProjectionTestApplication {
    }
}
