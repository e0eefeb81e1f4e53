package com.brandcluster.platform.membership;

/** The tiers projection in the module's minimal application; each consuming service runs the same contract. */
@ProjectionTestContext
class ClusterTiersIT extends ClusterTiersContract {
}
