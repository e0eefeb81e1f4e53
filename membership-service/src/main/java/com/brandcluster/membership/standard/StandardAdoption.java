package com.brandcluster.membership.standard;

import com.brandcluster.platform.outbox.OutboxCarrier;
import com.brandcluster.platform.outbox.OutboxEntry;
import com.brandcluster.platform.web.ConflictException;
import com.brandcluster.platform.web.UnprocessableException;
import org.jspecify.annotations.NullMarked;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A member's adoption of a brand-evaluation standard: declared by the member (SELF_DECLARED), certified by a
 * certification body as recorded by the secretariat (CERTIFIED, until the certificate's expiry date), self-declared
 * again once the certificate has expired.
 *
 * <p>Pattern 1 (one aggregate, one document): status, certification, history and pending outbox events change in one
 * document write guarded by the document version. A member declares a code once per cluster (unique index on
 * cluster, enterprise and code). Expiry is a date: a certificate is valid through its expiry day (in the clusters'
 * calendar); reads use {@link #statusOn(LocalDate)}, so an expired certificate counts as self-declared before the
 * expiry job has written it down.
 */
@Document("standard_adoptions")
@CompoundIndex(name = "cluster_enterprise_code", def = "{'clusterId': 1, 'enterpriseId': 1, 'code': 1}", unique = true)
@CompoundIndex(name = "cluster_code_status", def = "{'clusterId': 1, 'code': 1, 'status': 1}")
@CompoundIndex(name = "status_expiry", def = "{'status': 1, 'certification.expiresOn': 1}")
public class StandardAdoption implements OutboxCarrier {

    /** A: good enterprise, B: good product, C: good service (the "A+B+C" standards). */
    public enum Kind { A, B, C }

    public enum Status { SELF_DECLARED, CERTIFIED }

    /** A certificate: its number, the body that issued it, the last day it is valid, and who recorded it when. */
    public record Certification(String certificateNumber, String body, LocalDate expiresOn, Instant recordedAt,
                                String recordedBy) {

        boolean validOn(LocalDate day) {
            return !expiresOn.isBefore(day);
        }
    }

    @NullMarked
    public record Change(Status status, Instant at, String by, String note) {
    }

    /** Who recorded an automatic change (the expiry job). */
    static final String SYSTEM = "system";

    @Id
    private String id;
    private String clusterId;
    private String enterpriseId;
    private String membershipId;
    private String code;
    private String title;
    private Kind kind;
    private LocalDate declaredOn;
    private String evidence;
    private String evidenceUrl;
    private Status status;
    private Certification certification;
    private List<Certification> pastCertifications = new ArrayList<>();
    private Instant declaredAt;
    private String declaredBy;
    private List<Change> history = new ArrayList<>();
    private List<OutboxEntry> outbox = new ArrayList<>();
    @Version
    private Long revision;

    protected StandardAdoption() {
    }

    static StandardAdoption declare(String id, String clusterId, String membershipId, String enterpriseId,
                                    StandardCode code, String title, Kind kind, LocalDate declaredOn,
                                    String evidence, String evidenceUrl, String by, Instant at) {
        StandardAdoption adoption = new StandardAdoption();
        adoption.id = id;
        adoption.clusterId = clusterId;
        adoption.membershipId = membershipId;
        adoption.enterpriseId = enterpriseId;
        adoption.code = code.value();
        adoption.title = title;
        adoption.kind = kind;
        adoption.declaredOn = declaredOn;
        adoption.evidence = evidence;
        adoption.evidenceUrl = evidenceUrl;
        adoption.status = Status.SELF_DECLARED;
        adoption.declaredAt = at;
        adoption.declaredBy = by;
        adoption.history.add(new Change(Status.SELF_DECLARED, at, by, "declared"));
        return adoption;
    }

    /**
     * Records a certificate. An adoption whose certificate has expired (written down by the job or not yet) is
     * certified anew; one with a valid certificate is not (409 naming CERTIFIED).
     *
     * @param today the clusters' current day: the certificate must expire after it
     */
    void certify(String certificateNumber, String body, LocalDate expiresOn, LocalDate today, String by, Instant at) {
        if (statusOn(today) == Status.CERTIFIED) {
            throw new ConflictException("standard-certified", "Certified already",
                    "Standard " + code + " is certified already (certificate " + certification.certificateNumber()
                            + ", valid through " + certification.expiresOn() + ").")
                    .withCurrentState(Status.CERTIFIED.name());
        }
        if (!expiresOn.isAfter(today)) {
            throw new UnprocessableException("certificate-expired", "Certificate expired",
                    "The certificate expires on " + expiresOn + ", which is not after today " + today + ".");
        }
        expire(today, at);
        this.status = Status.CERTIFIED;
        this.certification = new Certification(certificateNumber, body, expiresOn, at, by);
        this.history.add(new Change(Status.CERTIFIED, at, by, "certificate " + certificateNumber + " by " + body
                + ", valid through " + expiresOn));
    }

    /**
     * Writes down that the certificate has expired: back to SELF_DECLARED, the certificate kept among the past ones.
     *
     * @return whether anything changed (false: not certified, or the certificate is still valid today)
     */
    boolean expire(LocalDate today, Instant at) {
        if (status != Status.CERTIFIED || certification.validOn(today)) {
            return false;
        }
        Certification expired = certification;
        this.pastCertifications.add(expired);
        this.certification = null;
        this.status = Status.SELF_DECLARED;
        this.history.add(new Change(Status.SELF_DECLARED, at, SYSTEM, "certificate " + expired.certificateNumber()
                + " expired after " + expired.expiresOn()));
        return true;
    }

    /** The status as of a day: a certificate that expired before it counts as self-declared. */
    public Status statusOn(LocalDate day) {
        return status == Status.CERTIFIED && certification.validOn(day) ? Status.CERTIFIED : Status.SELF_DECLARED;
    }

    /** The certificate valid on a day, if any. */
    public Optional<Certification> certificationOn(LocalDate day) {
        return statusOn(day) == Status.CERTIFIED ? Optional.of(certification) : Optional.empty();
    }

    /** Past certificates, including one that has expired but was not written down yet. */
    public List<Certification> pastCertificationsOn(LocalDate day) {
        List<Certification> past = new ArrayList<>(pastCertifications);
        if (certification != null && !certification.validOn(day)) {
            past.add(certification);
        }
        return past;
    }

    void announce(OutboxEntry entry) {
        outbox.add(entry);
    }

    /** The aggregate version that events about this adoption carry: one per recorded change. */
    public long version() {
        return history.size();
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

    public String membershipId() {
        return membershipId;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public Kind kind() {
        return kind;
    }

    public LocalDate declaredOn() {
        return declaredOn;
    }

    public String evidence() {
        return evidence;
    }

    public String evidenceUrl() {
        return evidenceUrl;
    }

    /** The stored status; see {@link #statusOn(LocalDate)} for the one to show. */
    Status storedStatus() {
        return status;
    }

    Certification storedCertification() {
        return certification;
    }

    public Instant declaredAt() {
        return declaredAt;
    }

    public List<Change> history() {
        return List.copyOf(history);
    }
}
