package com.brandcluster.membership.membership;

import com.brandcluster.membership.cluster.Clusters;
import com.brandcluster.platform.security.Caller;
import com.brandcluster.platform.web.ForbiddenException;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The member register over time, for the secretariat's dashboard: at the end of each month (the current month: now),
 * how many memberships of the cluster had which status and which tier. Read from the memberships' own histories,
 * so it needs no separate bookkeeping and is right for every month back to the cluster's first admission.
 */
@Service
class MembershipStatistics {

    /** The most months one request may ask for (ten years). */
    static final int MAX_MONTHS = 120;

    private final MongoTemplate mongo;
    private final Clusters clusters;
    private final Clock clock;

    MembershipStatistics(MongoTemplate mongo, Clusters clusters, Clock clock) {
        this.mongo = mongo;
        this.clusters = clusters;
        this.clock = clock;
    }

    /** The last {@code months} months up to now, oldest first. */
    List<MonthFigures> monthly(String clusterId, int months, Caller caller) {
        if (!caller.isSecretariatOf(clusterId) && !caller.isAllianceAdmin()) {
            throw new ForbiddenException("The member register's figures are for the secretariat of cluster '"
                    + clusterId + "'.");
        }
        clusters.get(clusterId);
        Query ofCluster = Query.query(Criteria.where("clusterId").is(clusterId));
        ofCluster.fields().include("history");
        List<List<Membership.Change>> histories = mongo.find(ofCluster, Membership.class).stream()
                .map(Membership::history).toList();
        return monthly(histories, months, clock.instant());
    }

    /**
     * The figures at the end of each of the last {@code months} months (UTC), the current month's at {@code now}:
     * each membership counts with the status and tier of its last change up to that moment; memberships not yet
     * admitted then do not count.
     */
    static List<MonthFigures> monthly(List<List<Membership.Change>> histories, int months, Instant now) {
        YearMonth current = YearMonth.from(now.atZone(ZoneOffset.UTC));
        List<MonthFigures> figures = new ArrayList<>(months);
        for (int back = months - 1; back >= 0; back--) {
            YearMonth month = current.minusMonths(back);
            Instant end = back == 0 ? now : month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            Map<Membership.Status, Long> byStatus = new EnumMap<>(Membership.Status.class);
            for (Membership.Status status : Membership.Status.values()) {
                byStatus.put(status, 0L);
            }
            Map<String, Long> byTier = new TreeMap<>();
            for (List<Membership.Change> history : histories) {
                Membership.Change state = stateAt(history, end);
                if (state == null) {
                    continue;
                }
                byStatus.merge(state.status(), 1L, Long::sum);
                if (state.status().isCurrent()) {
                    byTier.merge(state.tier(), 1L, Long::sum);
                }
            }
            figures.add(new MonthFigures(month.toString(),
                    byStatus.entrySet().stream().map(e -> new StatusCount(e.getKey(), e.getValue())).toList(),
                    byTier.entrySet().stream().map(e -> new TierCount(e.getKey(), e.getValue())).toList()));
        }
        return figures;
    }

    /** The last change strictly before {@code end}: the membership's state then; null before its admission. */
    private static Membership.@Nullable Change stateAt(List<Membership.Change> history, Instant end) {
        return history.stream().filter(change -> change.at().isBefore(end))
                .max(Comparator.comparing(Membership.Change::at)).orElse(null);
    }

    /**
     * @param month    {@code yyyy-MM}
     * @param byStatus every status, 0 included
     * @param byTier   current members (ACTIVE or GRACE) per tier code
     */
    @NullMarked
    record MonthFigures(String month, List<StatusCount> byStatus, List<TierCount> byTier) {
    }

    @NullMarked
    record StatusCount(Membership.Status status, long members) {
    }

    @NullMarked
    record TierCount(String tier, long members) {
    }
}
