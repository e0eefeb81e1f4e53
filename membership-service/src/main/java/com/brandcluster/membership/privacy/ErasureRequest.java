package com.brandcluster.membership.privacy;

import com.brandcluster.platform.outbox.OutboxCarrier;
import com.brandcluster.platform.outbox.OutboxEntry;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A person's request to erase their personal data, one per person: its id is the SHA-256 of their subject, so a
 * second request finds the first (idempotent) without the record keeping who asked. While RECEIVED it holds the
 * subject, the addresses to forget and the pseudonym, so that a retry or the repair job can finish it; once ERASED it
 * keeps only its request id and times, and the {@code membership.person.erased.v1} event waits in its outbox
 * (pattern 1 of DESIGN.md §6: the state change and the event are one write).
 */
@Document("erasure_requests")
@CompoundIndex(name = "state_requested", def = "{'state': 1, 'requestedAt': 1}")
class ErasureRequest implements OutboxCarrier {

    enum State { RECEIVED, ERASED }

    @Id
    private String id;
    private String requestId;
    private State state;
    private String subject;
    private List<String> emails = new ArrayList<>();
    private String pseudonym;
    private Instant requestedAt;
    private Instant erasedAt;
    private List<OutboxEntry> outbox = new ArrayList<>();
    @Version
    private Long revision;

    protected ErasureRequest() {
    }

    ErasureRequest(String id, String requestId, String subject, Set<String> emails, String pseudonym, Instant at) {
        this.id = id;
        this.requestId = requestId;
        this.state = State.RECEIVED;
        this.subject = subject;
        this.emails = new ArrayList<>(emails);
        this.pseudonym = pseudonym;
        this.requestedAt = at;
    }

    /** Adds addresses learnt by a later attempt (the person may have been invited meanwhile). */
    boolean remember(Set<String> more) {
        Set<String> all = new LinkedHashSet<>(emails);
        boolean added = all.addAll(more);
        emails = new ArrayList<>(all);
        return added;
    }

    /** Everything is erased here: forget who it was, and announce it to the other services in the same write. */
    void erased(Instant at, OutboxEntry announcement) {
        state = State.ERASED;
        erasedAt = at;
        subject = null;
        emails = new ArrayList<>();
        pseudonym = null;
        outbox.add(announcement);
    }

    String id() {
        return id;
    }

    String requestId() {
        return requestId;
    }

    State state() {
        return state;
    }

    boolean isErased() {
        return state == State.ERASED;
    }

    String subject() {
        return subject;
    }

    List<String> emails() {
        return List.copyOf(emails);
    }

    String pseudonym() {
        return pseudonym;
    }

    Instant requestedAt() {
        return requestedAt;
    }

    Instant erasedAt() {
        return erasedAt;
    }

    @Override
    public List<OutboxEntry> outbox() {
        return outbox;
    }
}
