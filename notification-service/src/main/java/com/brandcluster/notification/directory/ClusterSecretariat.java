package com.brandcluster.notification.directory;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Who serves as a cluster's secretariat: the whole list of the last applied secretariat-changed event, kept by the
 * cluster's version (the projections' version rule).
 */
@Document(ClusterSecretariat.COLLECTION)
record ClusterSecretariat(@Id String clusterId, List<Member> members, long version) {

    static final String COLLECTION = "directory_secretariats";

    record Member(@Indexed String userId, @Nullable String username, @Nullable String email,
                  @Nullable String locale) {

        Recipient recipient() {
            return new Recipient(userId, email, Recipient.localeOf(locale), username);
        }
    }
}
