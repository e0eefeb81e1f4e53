package com.brandcluster.notification.inbox;

/** Who a notification is for, before the recipient directory turns it into users. */
public sealed interface Audience {

    /** One user, by Keycloak subject (an expert, or a user named by an event). */
    record User(String userId) implements Audience {
    }

    /** Every user linked to the enterprise. */
    record Enterprise(String enterpriseId) implements Audience {
    }

    /** Every user of every enterprise that is a member of the cluster in good standing (ACTIVE or GRACE). */
    record ClusterMembers(String clusterId) implements Audience {
    }

    /** Every secretariat user of the cluster. */
    record Secretariat(String clusterId) implements Audience {
    }
}
