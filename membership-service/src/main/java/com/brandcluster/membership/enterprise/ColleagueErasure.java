package com.brandcluster.membership.enterprise;

import com.brandcluster.platform.web.ConflictException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the erasure of a person's data needs from the enterprises: whether they may go (not as the last admin of an
 * enterprise), the addresses they were invited with, their departure from every enterprise they act for, and the
 * deletion of their Keycloak account.
 */
@Component
public class ColleagueErasure {

    private final MongoOperations mongo;
    private final Colleagues colleagues;
    private final KeycloakUsers keycloak;

    ColleagueErasure(MongoOperations mongo, Colleagues colleagues, KeycloakUsers keycloak) {
        this.mongo = mongo;
        this.colleagues = colleagues;
        this.keycloak = keycloak;
    }

    /** The enterprises the person acts for (or is being invited to or removed from). */
    public List<Enterprise> enterprisesOf(String subject) {
        return mongo.find(Query.query(new Criteria().orOperator(Criteria.where("users.userId").is(subject),
                Criteria.where("pendingLinks.userId").is(subject))), Enterprise.class);
    }

    /**
     * Refuses (409 {@code last-admin}) when the person is the last admin of an enterprise: it would be left without
     * anyone to manage it.
     */
    public void refuseLastAdmin(String subject) {
        for (Enterprise enterprise : enterprisesOf(subject)) {
            boolean anotherAdmin = enterprise.users().stream()
                    .anyMatch(c -> !c.userId().equals(subject) && enterprise.isAdmin(c.userId()));
            if (enterprise.isAdmin(subject) && !anotherAdmin) {
                throw new ConflictException("last-admin", "Last admin",
                        "You are the last admin of " + enterprise.legalName() + ": make a colleague an admin "
                                + "(or invite one) first, then ask for the erasure of your data again.")
                        .withCurrentState("LAST_ADMIN");
            }
        }
    }

    /** The e-mail addresses the person was invited with (their colleague entries and invitations). */
    public Set<String> invitedEmailsOf(String subject) {
        Set<String> emails = new LinkedHashSet<>();
        for (Enterprise enterprise : enterprisesOf(subject)) {
            enterprise.user(subject).map(Enterprise.Colleague::email).ifPresent(emails::add);
            enterprise.pendingLink(subject).map(Enterprise.PendingLink::email).ifPresent(emails::add);
        }
        emails.remove(null);
        return emails;
    }

    /** The e-mail addresses the person is known by: {@link #invitedEmailsOf} and their Keycloak account's. */
    public Set<String> emailsOf(String subject) {
        Set<String> emails = invitedEmailsOf(subject);
        try {
            String email = keycloak.user(subject).email();
            if (email != null) {
                emails.add(Enterprise.normaliseEmail(email));
            }
        } catch (KeycloakUserNotFoundException gone) {
            // the account was deleted by an earlier attempt
        }
        emails.remove(null);
        return emails;
    }

    /** The person leaves every enterprise (their link is cleared and {@code user-unlinked} announced). */
    public void leaveEnterprises(String subject) {
        List<String> ids = new ArrayList<>();
        enterprisesOf(subject).stream().filter(e -> e.user(subject).isPresent()).forEach(e -> ids.add(e.id()));
        for (String id : ids) {
            colleagues.leave(id, subject);
        }
    }

    /** Deletes the person's Keycloak account; idempotent. */
    public void deleteAccount(String subject) {
        keycloak.deleteUser(subject);
    }
}
