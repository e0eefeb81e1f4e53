package com.brandcluster.salons;

import com.brandcluster.platform.membership.MemberStandingContract;
import com.brandcluster.testsupport.PlatformInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;

/** This service keeps the membership standing projection as the shared contract requires. */
@PlatformInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MemberStandingIT extends MemberStandingContract {
}
