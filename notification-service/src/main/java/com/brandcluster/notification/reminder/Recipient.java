package com.brandcluster.notification.reminder;

import com.brandcluster.notification.inbox.Audience;

/** One audience of a reminder, as stored: an enterprise's users or one user. */
record Recipient(Type type, String id) {

    enum Type { ENTERPRISE, USER }

    static Recipient enterprise(String enterpriseId) {
        return new Recipient(Type.ENTERPRISE, enterpriseId);
    }

    static Recipient user(String userId) {
        return new Recipient(Type.USER, userId);
    }

    Audience audience() {
        return switch (type) {
            case ENTERPRISE -> new Audience.Enterprise(id);
            case USER -> new Audience.User(id);
        };
    }
}
