package com.brandcluster.notification.inbox;

/**
 * What a notification is about; preferences are kept per category. A mandatory category's e-mails cannot be turned
 * off (membership decisions).
 */
public enum Category {

    MEMBERSHIP(true),
    CONSULTATIONS(false),
    SALONS(false),
    EVENTS(false),
    BALLOTS(false),
    BRAND_ASSETS(false);

    private final boolean mandatory;

    Category(boolean mandatory) {
        this.mandatory = mandatory;
    }

    public boolean mandatory() {
        return mandatory;
    }
}
