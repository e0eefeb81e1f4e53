package com.brandcluster.membership.directory;

import com.brandcluster.membership.cluster.Clusters;
import com.brandcluster.membership.enterprise.Enterprise;
import com.brandcluster.membership.membership.Membership;
import com.brandcluster.membership.membership.MembershipAdmission;
import com.brandcluster.membership.standard.StandardAdoption;
import com.brandcluster.membership.standard.StandardAdoptions;
import com.brandcluster.platform.security.Caller;
import com.brandcluster.platform.web.ForbiddenException;
import com.brandcluster.platform.web.PageView;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The member directory of a cluster: searchable by name, industry, region, tier and adopted standard, paginated and
 * sorted, with three levels of visibility.
 *
 * <p><b>How it queries</b> (no {@code $lookup}, no {@code $text}, no transactions: what mongo-java-server and MongoDB
 * both do the same way). The directory is a read-time join of three collections, narrowed step by step, each step an
 * indexed query:
 * <ol>
 * <li>the cluster's memberships ({@code clusterId}, the prefix of the unique cluster/enterprise index), kept if their
 * status is visible to the caller and filtered by the status and tier asked for;</li>
 * <li>with a standard filter, the enterprises of the cluster that declared that code (index cluster/code/status;
 * for the public only those with a certificate valid today, the expiry date checked in the query);</li>
 * <li>the enterprises of the remaining ids ({@code _id $in}), filtered by legal name (case-insensitive substring,
 * the search text regex-escaped), industry and region (case-insensitive, whole value), reading only the fields the
 * directory shows;</li>
 * <li>the join is sorted and cut into the page in memory; then the standards of the page's members only are read.</li>
 * </ol>
 * Every read sees the current enterprise profile, membership status and certificate expiry: no read model to keep
 * current from writes that other features own, and nothing stale after a crash. The price is that each request
 * loads the memberships of one cluster: fine for clusters of a few thousand members (the largest brand clusters have
 * hundreds); beyond that, a denormalised directory collection fed by the membership events would take over.
 *
 * <p><b>Visibility.</b> Only the secretariat sees and filters by a member's status. Anonymous callers, other clusters' secretariats and enterprises that are not members see the
 * members in good standing (ACTIVE, and GRACE: a member whose year has ended keeps its place while the renewal is
 * pending; hiding it for the grace weeks would make the directory flicker around every renewal date) with their
 * public fields and certified standards. Users acting for a member in good standing see more (contacts' names, every
 * declared standard). The cluster's secretariat sees every member in every status with every field.
 */
@Service
class Directory {

    /** Who sees what, from least to most. */
    enum Visibility { PUBLIC, MEMBER, SECRETARIAT }

    static final Set<Membership.Status> IN_GOOD_STANDING = EnumSet.of(Membership.Status.ACTIVE,
            Membership.Status.GRACE);
    private static final ZoneId CLUSTER_ZONE = ZoneId.of("Asia/Shanghai");

    private final Clusters clusters;
    private final MembershipAdmission memberships;
    private final StandardAdoptions standards;
    private final MongoOperations mongo;

    Directory(Clusters clusters, MembershipAdmission memberships, StandardAdoptions standards, MongoOperations mongo) {
        this.clusters = clusters;
        this.memberships = memberships;
        this.standards = standards;
        this.mongo = mongo;
    }

    PageView<DirectoryEntry> search(String clusterId, DirectoryQuery query, Caller caller) {
        clusters.get(clusterId);
        Visibility visibility = visibilityFor(clusterId, caller);
        if (query.status() != null && visibility != Visibility.SECRETARIAT) {
            // the directory does not show others a member's status: filtering by it would (GRACE: not yet renewed)
            throw new ForbiddenException("Only the cluster's secretariat filters the directory by membership status.");
        }

        Map<String, Membership> candidates = memberships.ofCluster(clusterId).stream()
                .filter(m -> visibility == Visibility.SECRETARIAT || IN_GOOD_STANDING.contains(m.status()))
                .filter(m -> query.status() == null || m.status() == query.status())
                .filter(m -> query.tier() == null || query.tier().equals(m.tier()))
                .collect(Collectors.toMap(Membership::enterpriseId, Function.identity(), (a, b) -> a,
                        LinkedHashMap::new));
        if (query.standard() != null && !candidates.isEmpty()) {
            candidates.keySet().retainAll(standards.enterprisesWith(clusterId, query.standard(),
                    visibility == Visibility.PUBLIC));
        }
        List<DirectoryRow> rows = candidates.isEmpty() ? List.of()
                : enterprises(candidates.keySet(), query).stream()
                .map(e -> new DirectoryRow(candidates.get(e.id()), e, admittedAt(candidates.get(e.id()))))
                .sorted(query.sort().comparator())
                .toList();

        int from = (int) Math.min((long) query.page() * query.size(), rows.size());
        List<DirectoryRow> page = rows.subList(from, Math.min(from + query.size(), rows.size()));
        LocalDate today = standards.today();
        Map<String, List<StandardAdoption>> adopted = standards.ofEnterprises(clusterId,
                page.stream().map(DirectoryRow::enterpriseId).toList());
        return PageView.of(new PageImpl<>(page, PageRequest.of(query.page(), query.size()), rows.size()),
                row -> entry(row, adopted.getOrDefault(row.enterpriseId(), List.of()), visibility, today));
    }

    Visibility visibilityFor(String clusterId, Caller caller) {
        if (caller.isSecretariatOf(clusterId)) {
            return Visibility.SECRETARIAT;
        }
        boolean member = caller.enterprise()
                .flatMap(enterpriseId -> memberships.find(clusterId, enterpriseId))
                .filter(m -> IN_GOOD_STANDING.contains(m.status()))
                .isPresent();
        return member ? Visibility.MEMBER : Visibility.PUBLIC;
    }

    private List<Enterprise> enterprises(Set<String> ids, DirectoryQuery query) {
        Criteria criteria = Criteria.where("_id").in(ids);
        if (query.q() != null) {
            criteria = criteria.and("legalName").regex(escape(query.q()), "i");
        }
        if (query.industry() != null) {
            criteria = criteria.and("industry").regex("^" + escape(query.industry()) + "$", "i");
        }
        if (query.region() != null) {
            criteria = criteria.and("region").regex("^" + escape(query.region()) + "$", "i");
        }
        Query enterprises = Query.query(criteria);
        enterprises.fields().include("legalName", "region", "industry", "website", "contacts");
        return mongo.find(enterprises, Enterprise.class);
    }

    private static DirectoryEntry entry(DirectoryRow row, List<StandardAdoption> adopted, Visibility visibility,
                                        LocalDate today) {
        Membership m = row.membership();
        Enterprise e = row.enterprise();
        List<DirectoryEntry.StandardView> standards = adopted.stream()
                .filter(a -> visibility != Visibility.PUBLIC || a.statusOn(today) == StandardAdoption.Status.CERTIFIED)
                .map(a -> DirectoryEntry.StandardView.of(a, today))
                .toList();
        List<Enterprise.Contact> contacts = e.contacts() == null ? List.of() : e.contacts();
        LocalDate memberSince = row.admittedAt() != null ? LocalDate.ofInstant(row.admittedAt(), CLUSTER_ZONE)
                : m.validFrom();
        return switch (visibility) {
            case PUBLIC -> new DirectoryEntry(m.enterpriseId(), row.name(), m.memberNumber(), m.tier(), e.region(),
                    e.industry(), e.website(), memberSince, null, standards, null, null, null, null);
            case MEMBER -> new DirectoryEntry(m.enterpriseId(), row.name(), m.memberNumber(), m.tier(), e.region(),
                    e.industry(), e.website(), memberSince,
                    contacts.stream().map(DirectoryEntry.ContactView::namesOnly).toList(), standards,
                    null, null, null, null);
            case SECRETARIAT -> new DirectoryEntry(m.enterpriseId(), row.name(), m.memberNumber(), m.tier(),
                    e.region(), e.industry(), e.website(), memberSince,
                    contacts.stream().map(DirectoryEntry.ContactView::full).toList(), standards,
                    m.id(), m.status().name(), m.validFrom(), m.validUntil());
        };
    }

    /** When the enterprise was admitted: the first change in the membership's history. */
    private static Instant admittedAt(Membership membership) {
        List<Membership.Change> history = membership.history();
        return history.isEmpty() ? null : history.getFirst().at();
    }

    /** The text as a regular expression that matches exactly it: every metacharacter escaped. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            if ("\\^$.|?*+()[]{}".indexOf(c) >= 0) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}
