package com.brandcluster.assets;

import com.brandcluster.platform.membership.ClusterTiersContract;
import com.brandcluster.testsupport.PlatformInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;

/** This service keeps the cluster tiers projection (asset access rank by tier) as the shared contract requires. */
@PlatformInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ClusterTiersIT extends ClusterTiersContract {
}
