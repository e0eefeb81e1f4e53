package com.brandcluster.membership.standard;

import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Writes down expired certificates: every CERTIFIED adoption whose certificate expired before today goes back to
 * SELF_DECLARED. No TTL index (DESIGN §6): reads check the expiry date themselves, this job only catches the stored
 * status up (which is why it may start a while after the service: nothing reads a stale status in the meantime).
 *
 * <p>Idempotent and safe with several instances: each adoption is changed through its aggregate and saved with a
 * conditional write on its document version (pattern 1), so when two instances (or a re-certification) race, one
 * write wins and the other finds the version moved and skips the document; an adoption written down already no
 * longer matches the query.
 */
@Component
class CertificateExpiry {

    private static final Logger log = LoggerFactory.getLogger(CertificateExpiry.class);
    private static final int BATCH = 200;

    private final MongoOperations mongo;
    private final StandardAdoptions standards;
    private final Clock clock;

    CertificateExpiry(MongoOperations mongo, StandardAdoptions standards, Clock clock) {
        this.mongo = mongo;
        this.standards = standards;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${brandcluster.membership.certificate-expiry-interval:PT1H}",
            initialDelayString = "${brandcluster.membership.certificate-expiry-initial-delay:PT10M}")
    void run() {
        int expired = expireCertificates();
        if (expired > 0) {
            log.info("{} expired certificates written down", expired);
        }
    }

    /**
     * One pass over the expired certificates, in batches ordered by id (each adoption is visited once per pass, so a
     * document that keeps failing cannot keep the pass from finishing).
     *
     * @return how many adoptions this pass moved back to SELF_DECLARED
     */
    int expireCertificates() {
        LocalDate today = standards.today();
        int changed = 0;
        String after = null;
        while (true) {
            Criteria expired = Criteria.where("status").is(StandardAdoption.Status.CERTIFIED)
                    .and("certification.expiresOn").lt(today);
            if (after != null) {
                expired = expired.and("_id").gt(new ObjectId(after));
            }
            List<StandardAdoption> batch = mongo.find(Query.query(expired).with(Sort.by("_id")).limit(BATCH),
                    StandardAdoption.class);
            for (StandardAdoption adoption : batch) {
                if (expire(adoption, today)) {
                    changed++;
                }
                after = adoption.id();
            }
            if (batch.size() < BATCH) {
                return changed;
            }
        }
    }

    private boolean expire(StandardAdoption adoption, LocalDate today) {
        Instant now = clock.instant();
        if (!adoption.expire(today, now)) {
            return false;
        }
        try {
            mongo.save(adoption);
            log.debug("Certificate of adoption {} ({}) expired", adoption.id(), adoption.code());
            return true;
        } catch (OptimisticLockingFailureException e) {
            log.debug("Adoption {} changed concurrently; left to whoever changed it", adoption.id());
            return false;
        }
    }
}
