package com.brandcluster.platform.outbox;

import java.util.List;

/**
 * An aggregate document that carries its own pending events (pattern 1 of DESIGN.md §6: one aggregate, one
 * document). The change and the events that announce it are persisted in ONE document write (Spring Data
 * {@code save} guarded by {@code @Version}), so a committed change is never left unannounced and no multi-document
 * transaction is needed; the {@link OutboxRelay} publishes what is pending and marks it sent.
 *
 * <pre>{@code
 * @Document("memberships")
 * class Membership implements OutboxCarrier {
 *     @Id String id;
 *     @Version Long version;
 *     private final List<OutboxEntry> outbox = new ArrayList<>();
 *
 *     public List<OutboxEntry> outbox() { return outbox; }
 * }
 *
 * // application service
 * membership.suspend(reason);
 * membership.outbox().add(outboxEvents.entryFor(new MembershipStatusChanged(...)));
 * memberships.save(membership);
 * }</pre>
 *
 * The list must be mutable and persisted in the document field {@value #FIELD}. The relay updates the entries'
 * {@code sentAt} in place and prunes sent entries after the retention period, without touching the aggregate's
 * version.
 */
public interface OutboxCarrier {

    /** The document field that holds the entries. */
    String FIELD = "outbox";

    List<OutboxEntry> outbox();
}
