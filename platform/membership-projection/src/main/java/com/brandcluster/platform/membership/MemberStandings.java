package com.brandcluster.platform.membership;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** Reads the local standing projection: what this service knows of an enterprise's membership of a cluster. */
public class MemberStandings {

    private final MongoOperations mongo;

    public MemberStandings(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /** The enterprise's current membership of the cluster, the most recently changed if there were several. */
    public Optional<MemberStanding> of(String clusterId, String enterpriseId) {
        Query query = Query.query(Criteria.where("clusterId").is(clusterId).and("enterpriseId").is(enterpriseId))
                .with(Sort.by(Sort.Direction.DESC, "updatedAt")).limit(1);
        return Optional.ofNullable(mongo.findOne(query, MemberStanding.class));
    }

    /**
     * The enterprise's current membership of every cluster it belongs to (per cluster the most recently changed),
     * ordered by cluster id.
     */
    public List<MemberStanding> ofEnterprise(String enterpriseId) {
        Query query = Query.query(Criteria.where("enterpriseId").is(enterpriseId))
                .with(Sort.by(Sort.Direction.DESC, "updatedAt"));
        Map<String, MemberStanding> latest = new TreeMap<>();
        for (MemberStanding standing : mongo.find(query, MemberStanding.class)) {
            latest.putIfAbsent(standing.clusterId(), standing);
        }
        return List.copyOf(latest.values());
    }

    /**
     * The enterprises whose current membership of the cluster (the most recently changed, as {@link #of} reads it) is
     * in good standing now.
     */
    public Set<String> inGoodStanding(String clusterId) {
        Query query = Query.query(Criteria.where("clusterId").is(clusterId))
                .with(Sort.by(Sort.Direction.DESC, "updatedAt"));
        query.fields().include("enterpriseId", "status");
        Map<String, Boolean> latest = new HashMap<>();
        for (Document standing : mongo.find(query, Document.class, MemberStanding.COLLECTION)) {
            latest.putIfAbsent(standing.getString("enterpriseId"),
                    MemberStanding.isGoodStanding(standing.getString("status")));
        }
        Set<String> enterprises = new HashSet<>();
        latest.forEach((enterpriseId, good) -> {
            if (good) {
                enterprises.add(enterpriseId);
            }
        });
        return Set.copyOf(enterprises);
    }

    /**
     * The names of these enterprises as their current memberships of the cluster (per enterprise the most recently
     * changed, as {@link #of} reads it) record them, in one query. Enterprises this service knows no membership of, or
     * whose name it has not learnt yet, are left out.
     */
    public Map<String, String> enterpriseNames(String clusterId, Collection<String> enterpriseIds) {
        if (enterpriseIds.isEmpty()) {
            return Map.of();
        }
        Query query = Query.query(Criteria.where("clusterId").is(clusterId).and("enterpriseId").in(enterpriseIds))
                .with(Sort.by(Sort.Direction.DESC, "updatedAt"));
        query.fields().include("enterpriseId", "enterpriseName");
        Map<String, String> latest = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (Document standing : mongo.find(query, Document.class, MemberStanding.COLLECTION)) {
            String enterpriseId = standing.getString("enterpriseId");
            String name = standing.getString("enterpriseName");
            if (seen.add(enterpriseId) && name != null) {
                latest.put(enterpriseId, name);
            }
        }
        return Map.copyOf(latest);
    }

    /** Whether the enterprise may use members' rights in the cluster now. */
    public boolean isInGoodStanding(String clusterId, String enterpriseId) {
        return of(clusterId, enterpriseId).map(MemberStanding::isInGoodStanding).orElse(false);
    }
}
