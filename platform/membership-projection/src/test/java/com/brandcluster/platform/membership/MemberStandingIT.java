package com.brandcluster.platform.membership;

/** The standing projection in the module's minimal application; each consuming service runs the same contract. */
@ProjectionTestContext
class MemberStandingIT extends MemberStandingContract {
}
