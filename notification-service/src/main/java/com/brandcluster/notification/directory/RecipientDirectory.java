package com.brandcluster.notification.directory;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import com.brandcluster.notification.inbox.Audience;

/**
 * Turns an {@link Audience} into the users it means: enterprise users and secretariats from the directory that
 * membership-service's events keep, anybody else (an expert, a user an event names) from Keycloak, read-only.
 * <p>
 * When Keycloak cannot be reached, a user it was asked about is still returned, by id only: the notification reaches
 * their inbox (it is keyed by the user id), in English, and its e-mail is skipped with a log line. Retrying the
 * lookup later would need a queue of half-done notifications for a rare case; a redelivery of the whole event would
 * not help either, because the inbox entry, once written, is never written (nor mailed) again.
 */
@Component
public class RecipientDirectory {

    private static final Logger log = LoggerFactory.getLogger(RecipientDirectory.class);
    private static final List<String> GOOD_STANDING = List.of("ACTIVE", "GRACE");

    private final MongoOperations mongo;
    private final KeycloakUsers keycloak;

    @Autowired
    RecipientDirectory(MongoOperations mongo, KeycloakProperties keycloak, Clock clock) {
        this(mongo, new KeycloakUsers(RestClient.builder(), keycloak, clock));
    }

    RecipientDirectory(MongoOperations mongo, KeycloakUsers keycloak) {
        this.mongo = mongo;
        this.keycloak = keycloak;
    }

    /** The users the audience means, each once; empty when it means nobody the portal knows. */
    public List<Recipient> resolve(Audience audience) {
        return switch (audience) {
            case Audience.Enterprise enterprise -> linkedUsersOf(enterprise.enterpriseId());
            case Audience.ClusterMembers members -> membersOf(members.clusterId());
            case Audience.Secretariat secretariat -> secretariatOf(secretariat.clusterId());
            case Audience.User user -> user(user.userId()).map(List::of).orElse(List.of());
        };
    }

    private List<Recipient> linkedUsersOf(String enterpriseId) {
        return mongo.find(Query.query(Criteria.where("enterpriseId").is(enterpriseId).and("linked").is(true)),
                EnterpriseLink.class).stream().map(EnterpriseLink::recipient).toList();
    }

    /** The users of the cluster's members in good standing: two reads, however many members. */
    private List<Recipient> membersOf(String clusterId) {
        List<String> enterprises = mongo.find(Query.query(Criteria.where("clusterId").is(clusterId)
                        .and("status").in(GOOD_STANDING)), ClusterMember.class).stream()
                .map(ClusterMember::enterpriseId).distinct().toList();
        if (enterprises.isEmpty()) {
            return List.of();
        }
        Map<String, Recipient> unique = new LinkedHashMap<>();
        mongo.find(Query.query(Criteria.where("enterpriseId").in(enterprises).and("linked").is(true)),
                        EnterpriseLink.class)
                .forEach(link -> unique.putIfAbsent(link.userId(), link.recipient()));
        return List.copyOf(unique.values());
    }

    private List<Recipient> secretariatOf(String clusterId) {
        ClusterSecretariat secretariat = mongo.findById(clusterId, ClusterSecretariat.class);
        if (secretariat == null) {
            log.warn("No secretariat known for cluster {}: nobody to notify", clusterId);
            return List.of();
        }
        Map<String, Recipient> unique = new LinkedHashMap<>();
        secretariat.members().forEach(member -> unique.putIfAbsent(member.userId(), member.recipient()));
        return List.copyOf(unique.values());
    }

    private Optional<Recipient> user(String userId) {
        Optional<Recipient> known = mongo.find(Query.query(Criteria.where("userId").is(userId).and("linked").is(true))
                .limit(1), EnterpriseLink.class).stream().findFirst().map(EnterpriseLink::recipient);
        if (known.isPresent()) {
            return known;
        }
        Optional<Recipient> secretariat = mongo.find(Query.query(Criteria.where("members.userId").is(userId))
                .limit(1), ClusterSecretariat.class).stream()
                .flatMap(s -> s.members().stream()).filter(m -> m.userId().equals(userId))
                .findFirst().map(ClusterSecretariat.Member::recipient);
        if (secretariat.isPresent()) {
            return secretariat;
        }
        try {
            Optional<Recipient> found = keycloak.find(userId);
            if (found.isEmpty()) {
                log.warn("User {} is unknown to Keycloak: nobody to notify", userId);
            }
            return found;
        }
        catch (KeycloakUnavailableException ex) {
            log.warn("Keycloak is unavailable ({}): user {} gets the notification in the inbox only, no e-mail",
                    ex.getMessage(), userId);
            return Optional.of(Recipient.unreachable(userId));
        }
    }
}
