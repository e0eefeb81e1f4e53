package com.brandcluster.notification.inbox;

/**
 * Makes notifications: resolves the audience to users through the recipient directory, writes one inbox entry per
 * user (idempotent on {@code sourceId} and user), and queues an e-mail for each user whose preferences want one.
 */
public interface Notifier {

    /** Idempotent: a second call with the same {@code sourceId} changes nothing. */
    void notify(NotificationRequest request);
}
