package com.brandcluster.membership.application;

import com.brandcluster.platform.outbox.OutboxCarrier;
import com.brandcluster.platform.outbox.OutboxEntry;
import com.brandcluster.platform.web.ConflictException;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An enterprise's application to join a cluster: SUBMITTED, then APPROVED, REJECTED or WITHDRAWN, with every change
 * kept in its history. Pattern 1 (one aggregate, one document): the state, the history and the pending outbox events
 * are written together, guarded by the document version.
 */
@Document("applications")
@CompoundIndex(name = "cluster_status_submitted", def = "{'clusterId': 1, 'status': 1, 'submittedAt': -1}")
@CompoundIndex(name = "enterprise_submitted", def = "{'enterpriseId': 1, 'submittedAt': -1}")
@CompoundIndex(name = "admission_pending", def = "{'admission': 1, 'decidedAt': 1}")
public class Application implements OutboxCarrier {

    public enum Status { SUBMITTED, APPROVED, REJECTED, WITHDRAWN }

    /** Whether the membership an approval promises exists yet (pattern 4: finished by a retry after a crash). */
    public enum Admission { NONE, PENDING, DONE }

    @NullMarked
    public record Change(Status status, Instant at, String by, @Nullable String reason) {
    }

    @Id
    private String id;
    private String clusterId;
    private String enterpriseId;
    private String enterpriseName;
    private String requestedTier;
    private String approvedTier;
    /** Drawn at approval and stored with it, so finishing the admission after a crash uses the same number. */
    private String memberNumber;
    private String motivation;
    private Status status;
    private Admission admission;
    private Instant submittedAt;
    private String submittedBy;
    private Instant decidedAt;
    private String decidedBy;
    private String reason;
    private List<Change> history = new ArrayList<>();
    private List<OutboxEntry> outbox = new ArrayList<>();
    @Version
    private Long revision;

    protected Application() {
    }

    static Application submit(String id, String clusterId, String enterpriseId, String enterpriseName,
                              String requestedTier, String motivation, String by, Instant at) {
        Application application = new Application();
        application.id = id;
        application.clusterId = clusterId;
        application.enterpriseId = enterpriseId;
        application.enterpriseName = enterpriseName;
        application.requestedTier = requestedTier;
        application.motivation = motivation;
        application.status = Status.SUBMITTED;
        application.admission = Admission.NONE;
        application.submittedAt = at;
        application.submittedBy = by;
        application.history.add(new Change(Status.SUBMITTED, at, by, null));
        return application;
    }

    void approve(String tier, String memberNumber, String reviewer, Instant at) {
        decide(Status.APPROVED, reviewer, null, at);
        this.approvedTier = tier;
        this.memberNumber = memberNumber;
        this.admission = Admission.PENDING;
    }

    void reject(String reviewer, String reason, Instant at) {
        decide(Status.REJECTED, reviewer, reason, at);
    }

    void withdraw(String by, Instant at) {
        decide(Status.WITHDRAWN, by, null, at);
    }

    /** Refuses (409 {@code application-decided}) unless the application is SUBMITTED, so it can be decided. */
    void checkDecidable(Status decision) {
        if (status != Status.SUBMITTED) {
            throw new ConflictException("application-decided", "Application decided already",
                    "This application is " + status + " already; only a SUBMITTED application can become " + decision + ".")
                    .withCurrentState(status.name());
        }
    }

    private void decide(Status decision, String by, String reason, Instant at) {
        checkDecidable(decision);
        this.status = decision;
        this.decidedAt = at;
        this.decidedBy = by;
        this.reason = reason;
        this.history.add(new Change(decision, at, by, reason));
    }

    void admitted() {
        this.admission = Admission.DONE;
    }

    void announce(OutboxEntry entry) {
        outbox.add(entry);
    }

    /** The aggregate version that events about this application carry: one per recorded change. */
    long version() {
        return history.size();
    }

    boolean isOpen() {
        return status == Status.SUBMITTED;
    }

    @Override
    public List<OutboxEntry> outbox() {
        return outbox;
    }

    public String id() {
        return id;
    }

    public String clusterId() {
        return clusterId;
    }

    public String enterpriseId() {
        return enterpriseId;
    }

    public String enterpriseName() {
        return enterpriseName;
    }

    public String requestedTier() {
        return requestedTier;
    }

    public String approvedTier() {
        return approvedTier;
    }

    public String memberNumber() {
        return memberNumber;
    }

    public String motivation() {
        return motivation;
    }

    public Status status() {
        return status;
    }

    public Admission admission() {
        return admission;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    public String decidedBy() {
        return decidedBy;
    }

    public String reason() {
        return reason;
    }

    public List<Change> history() {
        return List.copyOf(history);
    }
}
