package com.brandcluster.membership.audit;

import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.Map;

/** One secretariat or alliance-office action in a cluster: who did what to which object, when, and why. */
@NullMarked
@Document("audit_log")
@CompoundIndex(name = "cluster_at", def = "{'clusterId': 1, 'at': -1}")
public record AuditEntry(@Id String id, String clusterId, Instant at, String actorId, @Nullable String actorName,
                         String actorRole, String action, String subjectType, String subjectId, @Nullable String reason,
                         Map<String, Object> details) {
}
