package com.brandcluster.membership.membership;

import com.brandcluster.platform.web.ConflictException;

/** 409: the membership's state does not allow the change; the problem names the state ({@code currentState}). */
class MembershipTransitionRefusedException extends ConflictException {

    MembershipTransitionRefusedException(String type, String title, String detail, Membership.Status currentState) {
        super(type, title, detail);
        withCurrentState(currentState.name());
    }
}
