package com.brandcluster.system.faults;

import com.brandcluster.system.support.Portal;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.bson.UuidRepresentation;
import org.bson.internal.UuidHelper;
import org.bson.types.Binary;
import org.bson.types.ObjectId;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What membership-service committed and what each consuming service made of it, read from the services' own MongoDB
 * databases: the memberships with their outbox (every event, pending or sent), and the copies the consumers keep of
 * each membership, with the membership version they last applied.
 */
final class MembershipCopies {

    /** One consumer's copy of the memberships: a service's database and collection, keyed by membership id. */
    record Copy(String consumer, String database, String collection) {

        @Override
        public String toString() {
            return consumer + " " + collection;
        }
    }

    /** Every copy of a membership's standing that membership-service's status and tier events keep current. */
    static final List<Copy> COPIES = List.of(
            new Copy("events-service", "events", "member_standings"),
            new Copy("events-service", "events", "membership_status_seen"),
            new Copy("expert-salon-service", "salons", "member_standings"),
            new Copy("expert-salon-service", "salons", "member_booking_flags"),
            new Copy("branding-assets-service", "assets", "member_standings"),
            new Copy("notification-service", "notifications", "directory_cluster_members"));

    private final Portal portal;

    MembershipCopies(Portal portal) {
        this.portal = portal;
    }

    /** The membership of an enterprise in a cluster, as membership-service stored it. */
    Document membership(String clusterId, String enterpriseId) {
        Document membership = portal.database("membership").getCollection("memberships")
                .find(Filters.and(Filters.eq("clusterId", clusterId), Filters.eq("enterpriseId", enterpriseId)))
                .first();
        if (membership == null) {
            throw new IllegalStateException("No membership of " + enterpriseId + " in " + clusterId);
        }
        return membership;
    }

    /** The memberships with these ids, by id. */
    Map<String, Document> memberships(Collection<String> membershipIds) {
        Map<String, Document> found = new LinkedHashMap<>();
        portal.database("membership").getCollection("memberships").find(Filters.in("_id", stored(membershipIds)))
                .forEach(document -> found.put(id(document), document));
        return found;
    }

    /**
     * The ids as they may be stored: Spring Data stores a {@code String} id that is a valid ObjectId as an ObjectId,
     * so both forms are looked for.
     */
    private static List<Object> stored(Collection<String> ids) {
        List<Object> stored = new ArrayList<>(ids);
        ids.stream().filter(ObjectId::isValid).map(ObjectId::new).forEach(stored::add);
        return stored;
    }

    /** A membership's id as its events carry it (the hex string of an ObjectId). */
    static String id(Document membership) {
        Object id = membership.get("_id");
        return id instanceof ObjectId objectId ? objectId.toHexString() : String.valueOf(id);
    }

    /** The membership's version: the number of changes in its history. */
    static long version(Document membership) {
        return membership.getList("history", Document.class).size();
    }

    /** The membership's outbox: every event it committed, oldest first, with {@code sentAt} once confirmed. */
    static List<Document> outbox(Document membership) {
        return membership.getList("outbox", Document.class);
    }

    /** An outbox entry's event id, however the driver hands back the stored UUID. */
    static String eventId(Document entry) {
        Object id = entry.get("eventId");
        if (id instanceof Binary binary && binary.getData().length == 16) {
            return UuidHelper.decodeBinaryToUuid(binary.getData(), binary.getType(),
                    binary.getType() == 3 ? UuidRepresentation.JAVA_LEGACY : UuidRepresentation.STANDARD).toString();
        }
        return String.valueOf(id);
    }

    /** The version each of these memberships has in a consumer's copy (absent: never reached it). */
    Map<String, Long> versions(Copy copy, Collection<String> membershipIds) {
        Map<String, Long> versions = new HashMap<>();
        collection(copy).find(Filters.in("_id", stored(membershipIds))).forEach(document ->
                versions.put(id(document), document.get("version", Number.class).longValue()));
        return versions;
    }

    /** A consumer's copy of one membership, or null. */
    Document copyOf(Copy copy, String membershipId) {
        return collection(copy).find(Filters.in("_id", stored(List.of(membershipId)))).first();
    }

    /** notification-service's inbox entries caused by these events, by event id (the entry's {@code sourceId}). */
    Map<String, Integer> notificationsBySource(Collection<String> eventIds) {
        Map<String, Integer> counts = new HashMap<>();
        portal.database("notifications").getCollection("notifications").find(Filters.in("sourceId", eventIds))
                .forEach(document -> counts.merge(document.getString("sourceId"), 1, Integer::sum));
        return counts;
    }

    private MongoCollection<Document> collection(Copy copy) {
        return portal.database(copy.database()).getCollection(copy.collection());
    }
}
