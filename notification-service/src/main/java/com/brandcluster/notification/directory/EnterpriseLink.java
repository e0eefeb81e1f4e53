package com.brandcluster.notification.directory;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A user's link to an enterprise, as membership-service's user-linked and user-unlinked events leave it. One
 * document per enterprise and user ({@code <enterpriseId>:<userId>}), changed only by a newer enterprise version
 * (the projections' version rule), so that a late or repeated link never undoes an unlink.
 */
@Document(EnterpriseLink.COLLECTION)
record EnterpriseLink(@Id String id, @Indexed String enterpriseId, @Indexed String userId, boolean linked,
                      @Nullable String email, @Nullable String locale, @Nullable String displayName,
                      @Nullable String enterpriseRole, long version) {

    static final String COLLECTION = "directory_enterprise_links";

    static String idOf(String enterpriseId, String userId) {
        return enterpriseId + ":" + userId;
    }

    Recipient recipient() {
        return new Recipient(userId, email, Recipient.localeOf(locale), displayName);
    }
}
