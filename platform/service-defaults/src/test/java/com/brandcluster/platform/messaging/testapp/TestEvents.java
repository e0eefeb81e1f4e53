package com.brandcluster.platform.messaging.testapp;

import java.util.Map;
import java.util.UUID;

import com.brandcluster.contracts.EventFixtures;
import com.brandcluster.contracts.membership.ApplicationSubmitted;
import com.brandcluster.contracts.membership.MemberAdmitted;
import com.brandcluster.contracts.membership.MembershipStatusChanged;

/** Variants of the shared event fixtures with fresh ids. */
public final class TestEvents {

    private TestEvents() {
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    public static MemberAdmitted admitted(String membershipId, long version, String enterpriseId) {
        return EventFixtures.event(MemberAdmitted.class, Map.of("eventId", UUID.randomUUID(),
                "membershipId", membershipId, "version", version, "enterpriseId", enterpriseId));
    }

    public static MembershipStatusChanged statusChanged(String membershipId, long version, String status) {
        return EventFixtures.event(MembershipStatusChanged.class, Map.of("eventId", UUID.randomUUID(),
                "membershipId", membershipId, "version", version, "status", status));
    }

    public static ApplicationSubmitted submitted(String applicationId) {
        return EventFixtures.event(ApplicationSubmitted.class, Map.of("eventId", UUID.randomUUID(),
                "applicationId", applicationId));
    }
}
