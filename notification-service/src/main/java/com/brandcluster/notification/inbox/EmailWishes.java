package com.brandcluster.notification.inbox;

/**
 * Whether a user wants e-mails of a category (the in-portal notification is always made). The preference feature
 * answers it; mandatory categories are always wanted.
 */
public interface EmailWishes {

    boolean wantsEmail(String userId, Category category);
}
