package com.brandcluster.salons.matching;

import com.brandcluster.salons.expert.Expert;
import com.brandcluster.salons.expert.Topic;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.aggregation.AggregationOperation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Set;

/**
 * Reads the experts that can match, already in ranking order, from MongoDB: those with a needed topic who serve one
 * of the enterprise's clusters (both indexed), ordered by the number of needed topics they cover, then by the points
 * of language and preferred cluster, then by id, and capped. Because one topic outweighs language and cluster
 * together ({@link ExpertRanking}), this order is that of the score without availability, so the cap keeps the best
 * candidates; {@link ExpertRanking} scores them again and says why.
 */
@Component
class ExpertCandidates {

    private final MongoOperations mongo;

    ExpertCandidates(MongoOperations mongo) {
        this.mongo = mongo;
    }

    List<ExpertRanking.Candidate> find(ExpertRanking.Wanted wanted, int cap) {
        if (wanted.topics().isEmpty() || wanted.memberClusters().isEmpty()) {
            return List.of();
        }
        List<String> topics = wanted.topics().stream().map(Topic::name).sorted().toList();
        Aggregation aggregation = Aggregation.newAggregation(
                Aggregation.match(Criteria.where("topics").in(topics).and("clusters")
                        .in(sorted(wanted.memberClusters()))),
                stage("$addFields", new Document("matchedTopics", overlap("$topics", topics))
                        .append("otherPoints", new Document("$add", List.of(
                                pointsIfShared("$languageCodes", sorted(wanted.languageCodes()),
                                        ExpertRanking.LANGUAGE_POINTS, wanted.languageCodes().isEmpty()),
                                pointsIfShared("$clusters", sorted(wanted.preferredClusters()),
                                        ExpertRanking.CLUSTER_POINTS, false))))),
                stage("$sort", new Document("matchedTopics", -1).append("otherPoints", -1).append("_id", 1)),
                Aggregation.limit(cap));
        return mongo.aggregate(aggregation, mongo.getCollectionName(Expert.class), Expert.class).getMappedResults()
                .stream().map(ExpertCandidates::candidate).toList();
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }

    private static AggregationOperation stage(String name, Document body) {
        return context -> new Document(name, body);
    }

    private static Document overlap(String field, List<String> values) {
        return new Document("$size", new Document("$setIntersection",
                List.of(new Document("$ifNull", List.of(field, List.of())), values)));
    }

    /** {@code points} when the array field shares a value with {@code values} (or {@code always}), else 0. */
    private static Document pointsIfShared(String field, List<String> values, int points, boolean always) {
        Object condition = always ? true : new Document("$gt", List.of(overlap(field, values), 0));
        return new Document("$cond", List.of(condition, points, 0));
    }

    private static ExpertRanking.Candidate candidate(Expert expert) {
        Expert.Profile p = expert.profile();
        return new ExpertRanking.Candidate(expert.id(), p.name(), p.title(), p.organisation(), p.topics(),
                p.languages(), p.clusters());
    }
}
