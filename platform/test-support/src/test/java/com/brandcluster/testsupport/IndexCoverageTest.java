package com.brandcluster.testsupport;

import java.util.List;
import java.util.Set;

import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IndexCoverageTest {

    @Test
    void aFiltersFieldsAreItsOwnTheirAndPartsMergeAndEachOrBranchStandsAlone() {
        BsonDocument filter = BsonDocument.parse("""
                {"state": "OPEN", "$and": [{"clusterId": "c"}, {"$or": [{"userId": "u"}, {"email": "e"}]}],
                 "$expr": {"$gt": ["$a", "$b"]}}""");

        assertThat(QueryRecorder.branches(filter)).containsExactly(Set.of("state", "clusterId", "userId"),
                Set.of("state", "clusterId", "email"));
        assertThat(QueryRecorder.branches(new BsonDocument())).containsExactly(Set.of());
    }

    @Test
    void anElemMatchOnTheFieldsOfElementsNamesThemAndOneOnPlainValuesNamesTheArray() {
        BsonDocument filter = BsonDocument.parse("""
                {"outbox": {"$elemMatch": {"sentAt": null}}, "_id": {"$nin": ["a"]},
                 "$or": [{"links": {"$elemMatch": {"at": {"$lt": 1}}}},
                         {"links": {"$elemMatch": {"$or": [{"withdrawn": true}, {"user.id": "u"}]}}}],
                 "scores": {"$elemMatch": {"$gte": 80}}}""");

        assertThat(QueryRecorder.branches(filter)).containsExactly(
                Set.of("outbox.sentAt", "_id", "links.at", "scores"),
                Set.of("outbox.sentAt", "_id", "links.withdrawn", "scores"),
                Set.of("outbox.sentAt", "_id", "links.user.id", "scores"));
    }

    @Test
    void anIndexServesAQueryThatNamesItsFirstFieldOrAnUnfilteredQuerySortedByIt() {
        List<String> index = List.of("clusterId", "createdAt");

        assertThat(IndexCoverage.covers(index, shape(Set.of("clusterId", "state"), List.of()))).isTrue();
        assertThat(IndexCoverage.covers(index, shape(Set.of("createdAt"), List.of())))
                .as("not its first field").isFalse();
        assertThat(IndexCoverage.covers(index, shape(Set.of(), List.of("clusterId")))).isTrue();
        assertThat(IndexCoverage.covers(index, shape(Set.of(), List.of()))).as("a whole collection").isFalse();
        assertThat(IndexCoverage.covers(index, shape(Set.of("state"), List.of("clusterId"))))
                .as("a filter on other fields still reads every document").isFalse();
    }

    private static QueryRecorder.Shape shape(Set<String> filter, List<String> sort) {
        return new QueryRecorder.Shape("things", filter, sort, "Things.find");
    }
}
