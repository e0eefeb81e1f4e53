package com.brandcluster.salons.consultation;

import com.brandcluster.platform.security.Caller;
import com.brandcluster.platform.web.ForbiddenException;
import org.bson.Document;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Consultations per expert of one cluster, counted by state, for the secretariat's dashboard: one aggregation in
 * MongoDB, however many consultations the cluster has.
 */
@Service
class ConsultationStatistics {

    private final MongoOperations mongo;

    ConsultationStatistics(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /** Per expert (most consultations first), the consultations starting in [from, to) by state. */
    List<ExpertFigures> perExpert(String clusterId, @Nullable Instant from, @Nullable Instant to, Caller caller) {
        if (!caller.isSecretariatOf(clusterId) && !caller.isAllianceAdmin()) {
            throw new ForbiddenException("The consultation figures of cluster '" + clusterId
                    + "' are for its secretariat.");
        }
        Criteria match = Criteria.where("clusterId").is(clusterId);
        if (from != null && to != null) {
            match = match.and("start").gte(from).lt(to);
        } else if (from != null) {
            match = match.and("start").gte(from);
        } else if (to != null) {
            match = match.and("start").lt(to);
        }
        Aggregation counting = Aggregation.newAggregation(
                Aggregation.match(match),
                Aggregation.group("expertId", "state").count().as("consultations").last("expertName").as("expertName"),
                Aggregation.sort(Sort.by("_id.expertId")));
        Map<String, ExpertCounts> experts = new LinkedHashMap<>();
        for (Document row : mongo.aggregate(counting, Consultation.class, Document.class)) {
            Document id = row.get("_id", Document.class);
            ExpertCounts counts = experts.computeIfAbsent(id.getString("expertId"),
                    expertId -> new ExpertCounts(expertId, row.getString("expertName")));
            counts.add(Consultation.State.valueOf(id.getString("state")), ((Number) row.get("consultations")).longValue());
        }
        List<ExpertFigures> figures = new ArrayList<>();
        experts.values().forEach(counts -> figures.add(counts.figures()));
        figures.sort(Comparator.comparingLong(ExpertFigures::total).reversed().thenComparing(ExpertFigures::expertName));
        return figures;
    }

    private static final class ExpertCounts {
        private final String expertId;
        private final String expertName;
        private final Map<Consultation.State, Long> byState = new EnumMap<>(Consultation.State.class);

        ExpertCounts(String expertId, String expertName) {
            this.expertId = expertId;
            this.expertName = expertName;
            for (Consultation.State state : Consultation.State.values()) {
                byState.put(state, 0L);
            }
        }

        void add(Consultation.State state, long consultations) {
            byState.merge(state, consultations, Long::sum);
        }

        ExpertFigures figures() {
            return new ExpertFigures(expertId, expertName, byState.values().stream().mapToLong(Long::longValue).sum(),
                    byState.entrySet().stream().map(e -> new StateCount(e.getKey().name(), e.getValue())).toList());
        }
    }

    /** @param byState every state, 0 included */
    @NullMarked
    record ExpertFigures(String expertId, String expertName, long total, List<StateCount> byState) {
    }

    @NullMarked
    record StateCount(String state, long consultations) {
    }
}
