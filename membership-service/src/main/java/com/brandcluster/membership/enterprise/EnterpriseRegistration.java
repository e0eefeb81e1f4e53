package com.brandcluster.membership.enterprise;

import com.brandcluster.platform.security.Caller;
import com.brandcluster.platform.security.Roles;
import com.brandcluster.platform.web.ConflictException;
import com.brandcluster.platform.web.ForbiddenException;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;

/**
 * A signed-in person without an enterprise registers one and becomes its first admin.
 *
 * <p>Consistency without transactions, pattern 4 (steps keyed by the registering user, each idempotent): the
 * enterprise document is inserted first (its credit code under a unique index), then {@code enterprise_id} is written
 * to the user in Keycloak, then the enterprise is marked linked, in the same write as its events
 * ({@code membership.enterprise.updated.v1} and {@code membership.enterprise.user-linked.v1} for the registrant). If
 * Keycloak is unreachable the request fails with 503 and the same request later resumes the pending registration
 * instead of creating a second enterprise.
 */
@Service
public class EnterpriseRegistration {

    private static final Logger log = LoggerFactory.getLogger(EnterpriseRegistration.class);

    private final EnterpriseRepository enterprises;
    private final EnterpriseChanges changes;
    private final KeycloakUsers keycloakUsers;
    private final Clock clock;

    EnterpriseRegistration(EnterpriseRepository enterprises, EnterpriseChanges changes, KeycloakUsers keycloakUsers,
                           Clock clock) {
        this.enterprises = enterprises;
        this.changes = changes;
        this.keycloakUsers = keycloakUsers;
        this.clock = clock;
    }

    Enterprise register(EnterpriseRequests.Register request, Caller caller) {
        if (!caller.hasRole(Roles.ENTERPRISE)) {
            throw new ForbiddenException("Only a person acting for an enterprise registers one.");
        }
        if (caller.enterprise().isPresent()) {
            throw alreadyLinked();
        }
        UnifiedSocialCreditCode code = UnifiedSocialCreditCode.parse(request.creditCode());
        Enterprise enterprise = enterprises.findFirstByRegisteredByAndLinkedAtIsNull(caller.subject())
                .filter(pending -> pending.creditCode().equals(code.value()))
                .orElseGet(() -> insert(request, code, caller));

        KeycloakUser registrant;
        try {
            registrant = keycloakUsers.linkEnterprise(caller.subject(), enterprise.id());
        } catch (UserActsForAnotherEnterpriseException e) {
            throw alreadyLinked(); // the token is older than a link written since
        }
        Enterprise saved = finish(enterprise, registrant, caller);
        log.info("Enterprise {} registered", saved.id());
        return saved;
    }

    private Enterprise finish(Enterprise enterprise, KeycloakUser registrant, Caller caller) {
        Enterprise current = enterprise;
        for (int attempt = 1; ; attempt++) {
            if (current.isLinked()) {
                return current; // finished by a concurrent retry of the same registration
            }
            Instant now = clock.instant();
            current.linked(now);
            Enterprise.Colleague admin = current.user(caller.subject()).orElseThrow();
            changes.announceUpdated(current, Enterprise.REGISTERED_VERSION, now);
            changes.announceLinked(current, admin, new EnterpriseChanges.Person(
                    registrant.email() != null ? registrant.email() : caller.email(), registrant.locale(),
                    registrant.displayName() != null ? registrant.displayName() : caller.username()),
                    Enterprise.REGISTRANT_LINKED_VERSION, now);
            try {
                return enterprises.save(current);
            } catch (OptimisticLockingFailureException e) {
                if (attempt == 3) {
                    throw new ConflictException("concurrent-change", "Changed concurrently",
                            "The registration was changed at the same moment; send it again.");
                }
                current = changes.get(enterprise.id());
            }
        }
    }

    private Enterprise insert(EnterpriseRequests.Register request, UnifiedSocialCreditCode code, Caller caller) {
        Enterprise enterprise = new Enterprise("ent-" + new ObjectId().toHexString(), code, request.profile(),
                caller.subject(), caller.email(), clock.instant());
        try {
            return enterprises.insert(enterprise);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("credit-code-registered", "Enterprise registered already",
                    "An enterprise with this unified social credit code is registered already; ask its admin for an invitation.");
        }
    }

    public Enterprise get(String enterpriseId) {
        return changes.get(enterpriseId);
    }

    private static ConflictException alreadyLinked() {
        return new ConflictException("already-linked", "Already acting for an enterprise",
                "This user acts for an enterprise already; only a user without one registers an enterprise.");
    }
}
