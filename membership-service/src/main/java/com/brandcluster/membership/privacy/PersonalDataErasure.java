package com.brandcluster.membership.privacy;

import com.brandcluster.contracts.membership.PersonErased;
import com.brandcluster.membership.enterprise.ColleagueErasure;
import com.brandcluster.membership.enterprise.IdentityRepairProperties;
import com.brandcluster.platform.outbox.OutboxEvents;
import com.brandcluster.platform.privacy.PersonalDataDocuments;
import com.brandcluster.platform.security.Caller;
import com.brandcluster.platform.web.ForbiddenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * A person's request to erase their personal data (PIPL). membership-service, the owner of identities, erases its own
 * data and the Keycloak account, then announces {@code membership.person.erased.v1}; every other service erases
 * theirs when it receives the event.
 *
 * <p>Pattern 4 of DESIGN.md §6 (steps keyed by the person, each idempotent): the request is recorded first (one per
 * person), then the person leaves their enterprises, the documents here are anonymised, the Keycloak account is
 * deleted, and the request becomes ERASED with its event in one write. A crash or a Keycloak outage leaves it
 * RECEIVED: the person's retry or the repair job finishes it, repeating harmlessly what was done.
 */
@Service
class PersonalDataErasure {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataErasure.class);

    private final ErasureRequestRepository requests;
    private final ColleagueErasure colleagues;
    private final PersonalDataDocuments documents;
    private final OutboxEvents outboxEvents;
    private final IdentityRepairProperties repair;
    private final Clock clock;

    PersonalDataErasure(ErasureRequestRepository requests, ColleagueErasure colleagues,
                        PersonalDataDocuments documents, OutboxEvents outboxEvents, IdentityRepairProperties repair,
                        Clock clock) {
        this.requests = requests;
        this.colleagues = colleagues;
        this.documents = documents;
        this.outboxEvents = outboxEvents;
        this.repair = repair;
        this.clock = clock;
    }

    ErasureRequest request(Caller caller) {
        String subject = caller.subject();
        if (subject == null) {
            throw new ForbiddenException("Only a person has personal data to erase.");
        }
        ErasureRequest existing = requests.findById(keyOf(subject)).orElse(null);
        if (existing != null && existing.isErased()) {
            return existing;
        }
        colleagues.refuseLastAdmin(subject);
        Set<String> emails = new LinkedHashSet<>(colleagues.emailsOf(subject));
        if (caller.email() != null) {
            emails.add(caller.email().strip().toLowerCase(Locale.ROOT));
        }
        ErasureRequest request = existing != null ? existing : record(subject, emails);
        if (request.remember(emails)) {
            request = requests.save(request);
        }
        log.info("Erasure {} received", request.requestId());
        return finish(request);
    }

    private ErasureRequest record(String subject, Set<String> emails) {
        try {
            return requests.insert(new ErasureRequest(keyOf(subject), UUID.randomUUID().toString(), subject, emails,
                    "erased-" + UUID.randomUUID(), clock.instant()));
        } catch (DuplicateKeyException concurrent) {
            return requests.findById(keyOf(subject)).orElseThrow(() -> concurrent);
        }
    }

    private ErasureRequest finish(ErasureRequest request) {
        if (request.isErased()) {
            return request;
        }
        String subject = request.subject();
        colleagues.leaveEnterprises(subject);
        PersonalDataDocuments.Outcome outcome = documents.erase(subject, request.emails(), request.pseudonym());
        colleagues.deleteAccount(subject);
        Instant now = clock.instant();
        PersonErased event = new PersonErased(UUID.randomUUID(), now, subject, 1, request.emails(),
                request.pseudonym());
        request.erased(now, outboxEvents.entryFor(event));
        try {
            ErasureRequest erased = requests.save(request);
            log.info("Erasure {} done here ({} documents) and announced", erased.requestId(), outcome.total());
            return erased;
        } catch (OptimisticLockingFailureException concurrent) {
            // a concurrent attempt finished it first, with its own announcement
            return requests.findById(request.id()).orElseThrow(() -> concurrent);
        }
    }

    /** Finishes requests that a crash or an outage left RECEIVED. */
    @Scheduled(fixedDelayString = "${brandcluster.membership.identity-repair.interval:PT30S}",
            initialDelayString = "${brandcluster.membership.identity-repair.interval:PT30S}")
    void finishStaleRequests() {
        finishRequestsBefore(clock.instant().minus(repair.after()));
    }

    void finishRequestsBefore(Instant before) {
        for (ErasureRequest request : requests.findTop50ByStateAndRequestedAtBefore(ErasureRequest.State.RECEIVED,
                before)) {
            try {
                finish(request);
            } catch (RuntimeException e) {
                log.warn("Erasure {} stays pending: {}", request.requestId(), e.toString());
            }
        }
    }

    static String keyOf(String subject) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(subject.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
