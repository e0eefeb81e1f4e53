package com.brandcluster.membership.audit;

import com.brandcluster.platform.security.Caller;
import com.brandcluster.platform.security.Roles;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The audit trail of every secretariat and alliance-office action in a cluster. Written right after the change it
 * describes has been stored (a change that failed leaves no entry); should the audit write itself fail, the change
 * stands and the failure is logged with everything the entry would have held.
 */
@Component
public class AuditLog {

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

    private final MongoOperations mongo;
    private final Clock clock;

    AuditLog(MongoOperations mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /**
     * Records an action. {@code action} is a stable verb phrase such as {@code application.approved}; the subject is
     * the object acted on ({@code application}, its id); {@code details} hold what changed, never personal data
     * beyond names already in the register.
     */
    public void record(String clusterId, Caller actor, String action, String subjectType, String subjectId,
                       String reason, Map<String, ?> details) {
        AuditEntry entry = new AuditEntry(new ObjectId().toHexString(), clusterId, clock.instant(), actor.subject(),
                actor.username(), roleOf(actor), action, subjectType, subjectId, reason, Map.copyOf(details));
        try {
            mongo.insert(entry);
        } catch (RuntimeException e) {
            log.error("Audit entry not stored: cluster {} action {} on {} {} by {}", clusterId, action, subjectType,
                    subjectId, actor.subject(), e);
        }
    }

    public void record(String clusterId, Caller actor, String action, String subjectType, String subjectId,
                       String reason) {
        record(clusterId, actor, action, subjectType, subjectId, reason, Map.of());
    }

    org.springframework.data.domain.Page<AuditEntry> ofCluster(String clusterId, int page, int size) {
        Query query = Query.query(Criteria.where("clusterId").is(clusterId));
        long total = mongo.count(query, AuditEntry.class);
        PageRequest pageable = PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "at"));
        List<AuditEntry> content = mongo.find(query.with(pageable), AuditEntry.class);
        return new org.springframework.data.domain.PageImpl<>(content, pageable, total);
    }

    private static String roleOf(Caller actor) {
        if (actor.isAllianceAdmin()) {
            return Roles.ALLIANCE_ADMIN;
        }
        if (actor.hasRole(Roles.SECRETARIAT)) {
            return Roles.SECRETARIAT;
        }
        return actor.roles().stream().sorted().findFirst().orElse("none");
    }
}
