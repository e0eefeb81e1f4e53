package com.brandcluster.contracts.membership;

import com.brandcluster.contracts.DomainEvent;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A person asked for the erasure of their personal data (PIPL), and membership-service has erased its own. Every
 * service that holds data about the person deletes it or, where a record must stay for an aggregate (a consultation
 * or download count, an enterprise's registration), anonymises it: names become "Erased user", e-mail addresses go,
 * and the subject is replaced by {@code pseudonym}, the same in every service.
 *
 * @param subject   the person's Keycloak subject (the {@code sub} of their tokens)
 * @param emails    the e-mail addresses to forget (lower case), for data keyed by address
 * @param pseudonym the stable, random stand-in for the subject where a record stays
 * @param version   always 1: a person is erased once
 */
public record PersonErased(UUID eventId, Instant occurredAt, String subject, long version, List<String> emails,
                           String pseudonym) implements DomainEvent {

    public static final String ROUTING_KEY = "membership.person.erased.v1";

    /** The name that replaces the person's in records that stay. */
    public static final String ERASED_NAME = "Erased user";

    public PersonErased {
        emails = emails == null ? List.of() : List.copyOf(emails);
    }

    @Override
    public String aggregateId() {
        return subject;
    }
}
