package com.brandcluster.membership.enterprise;

import com.brandcluster.contracts.membership.EnterpriseUpdated;
import com.brandcluster.contracts.membership.EnterpriseUserLinked;
import com.brandcluster.contracts.membership.EnterpriseUserUnlinked;
import com.brandcluster.platform.outbox.OutboxEvents;
import com.brandcluster.platform.web.ConflictException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;

/**
 * Changes one enterprise document at a time (pattern 1): loads it, lets the aggregate decide, and writes it back
 * guarded by its revision. A write that lost the race against a concurrent one is decided again on the fresh
 * document (a few times), so the aggregate's rules always see the latest state; the announcing events go into the
 * same write.
 */
@Component
class EnterpriseChanges {

    private static final int ATTEMPTS = 3;

    private final EnterpriseRepository enterprises;
    private final OutboxEvents outboxEvents;

    EnterpriseChanges(EnterpriseRepository enterprises, OutboxEvents outboxEvents) {
        this.enterprises = enterprises;
        this.outboxEvents = outboxEvents;
    }

    Enterprise get(String enterpriseId) {
        return enterprises.findById(enterpriseId).orElseThrow(() -> new EnterpriseNotFoundException(enterpriseId));
    }

    /** Applies the change to the current document and saves it; the change runs again if the write lost a race. */
    <T> T change(String enterpriseId, Function<Enterprise, T> change) {
        for (int attempt = 1; ; attempt++) {
            Enterprise enterprise = get(enterpriseId);
            T result = change.apply(enterprise);
            try {
                enterprises.save(enterprise);
                return result;
            } catch (OptimisticLockingFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw new ConflictException("concurrent-change", "Changed concurrently",
                            "The enterprise was changed by someone else at the same moment; reload it and try again.");
                }
            }
        }
    }

    void announceUpdated(Enterprise e, long version, Instant at) {
        e.announce(outboxEvents.entryFor(new EnterpriseUpdated(UUID.randomUUID(), at, e.id(), version,
                e.legalName(), e.region(), e.industry(), e.size(), e.website(), e.trademarks())));
    }

    /** {@code membership.enterprise.user-linked.v1}: also sent again when a colleague's role changes. */
    void announceLinked(Enterprise e, Enterprise.Colleague colleague, Person person, long version, Instant at) {
        e.announce(outboxEvents.entryFor(new EnterpriseUserLinked(UUID.randomUUID(), at, e.id(), version,
                colleague.userId(), person.email(), person.locale(), person.displayName(), colleague.role().name())));
    }

    void announceUnlinked(Enterprise e, Enterprise.Colleague colleague, Person person, Instant at) {
        e.announce(outboxEvents.entryFor(new EnterpriseUserUnlinked(UUID.randomUUID(), at, e.id(), e.version(),
                colleague.userId(), person.email(), person.locale(), person.displayName(), colleague.role().name())));
    }

    /** How events name a person: from Keycloak when it was read, else what the enterprise recorded. */
    record Person(String email, String locale, String displayName) {

        static Person of(KeycloakUser user, Enterprise.Colleague colleague) {
            if (user == null) {
                return new Person(colleague.email(), null, colleague.email());
            }
            String email = user.email() != null ? user.email() : colleague.email();
            String displayName = user.displayName() != null ? user.displayName() : email;
            return new Person(email, user.locale(), displayName);
        }
    }
}
