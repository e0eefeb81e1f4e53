package com.brandcluster.notification.inbox;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One user's inbox entry, already rendered in their language. At most one per cause and user: the unique index on
 * {@code (sourceId, userId)} is the claim (pattern 2 of DESIGN.md §6) that makes a redelivered event or a second
 * instance write nothing twice.
 */
@Document(Notification.COLLECTION)
@CompoundIndex(name = "sourceId_userId_unique", def = "{'sourceId': 1, 'userId': 1}", unique = true)
@CompoundIndex(name = "userId_createdAt", def = "{'userId': 1, 'createdAt': -1}")
@CompoundIndex(name = "userId_readAt", def = "{'userId': 1, 'readAt': 1}")
record Notification(@Id String id, String userId, Category category, String messageKey, String subject, String body,
                    @Nullable String link, Instant createdAt, @Nullable Instant readAt, String sourceId) {

    static final String COLLECTION = "notifications";
}
